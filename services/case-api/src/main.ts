import { runService } from '@lep/nest-kit';
import { CaseApiConfig } from './config';
import { CaseApiModule } from './case-api.module';
import { SERVICE } from './service';

void runService({
  service: SERVICE,
  configClass: CaseApiConfig,
  rootModule: (config) => CaseApiModule.forRoot(config),
  port: (config) => config.PORT,
});
