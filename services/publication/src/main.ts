import { runService } from '@lep/nest-kit';
import { PublicationConfig } from './config';
import { PublicationModule } from './publication.module';
import { SERVICE } from './service';

void runService({
  service: SERVICE,
  configClass: PublicationConfig,
  rootModule: (config) => PublicationModule.forRoot(config),
  port: (config) => config.PORT,
  temporalRuntime: true,
});
