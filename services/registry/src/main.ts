import { runService } from '@lep/nest-kit';
import { RegistryConfig } from './config';
import { IMPORT_JSON_BODY_LIMIT } from './imports/imports.dto';
import { RegistryModule } from './registry.module';
import { SERVICE } from './service';

void runService({
  service: SERVICE,
  configClass: RegistryConfig,
  rootModule: (config) => RegistryModule.forRoot(config),
  port: (config) => config.PORT,
  appOptions: { jsonBodyLimit: IMPORT_JSON_BODY_LIMIT },
});
