import { runService } from '@lep/nest-kit';
import { StatisticsConfig } from './config';
import { StatisticsModule } from './statistics.module';
import { SERVICE } from './service';

void runService({
  service: SERVICE,
  configClass: StatisticsConfig,
  rootModule: (config) => StatisticsModule.forRoot(config),
  port: (config) => config.PORT,
  temporalRuntime: true,
});
