import { runService } from '@lep/nest-kit';
import { EvidenceConfig } from './config';
import { EvidenceModule } from './evidence.module';
import { SERVICE } from './service';

void runService({
  service: SERVICE,
  configClass: EvidenceConfig,
  rootModule: (config) => EvidenceModule.forRoot(config),
  port: (config) => config.PORT,
});
