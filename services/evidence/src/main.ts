// First, before anything allocates: keeps V8's young generation small (see the module).
import './young-generation';
import { runService } from '@lep/nest-kit';
import { EvidenceConfig } from './config';
import { EvidenceModule } from './evidence.module';
import { SERVICE } from './service';
import { releaseStartupGarbage } from './storage/garbage';

void runService({
  service: SERVICE,
  configClass: EvidenceConfig,
  rootModule: (config) => EvidenceModule.forRoot(config),
  port: (config) => config.PORT,
}).then(releaseStartupGarbage);
