import { runService } from '@lep/nest-kit';
import { DocumentsConfig } from './config';
import { DocumentsModule } from './documents.module';
import { SERVICE } from './service';

void runService({
  service: SERVICE,
  configClass: DocumentsConfig,
  rootModule: (config) => DocumentsModule.forRoot(config),
  port: (config) => config.PORT,
});
