import { runService } from '@lep/nest-kit';
import { WorkerConfig } from './config';
import { WorkerModule } from './worker.module';
import { SERVICE } from './service';

void runService({
  service: SERVICE,
  configClass: WorkerConfig,
  rootModule: (config) => WorkerModule.forRoot(config),
  port: (config) => config.PORT,
  temporalRuntime: true,
});
