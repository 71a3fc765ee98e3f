import { runService } from '@lep/nest-kit';
import { RegistryConfig } from './config';
import { RegistryModule } from './registry.module';
import { SERVICE } from './service';

void runService({
  service: SERVICE,
  configClass: RegistryConfig,
  rootModule: (config) => RegistryModule.forRoot(config),
  port: (config) => config.PORT,
});
