import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@lep/auth';
import {
  CalendarClientModule,
  dependencyModules,
  ServiceConfigModule,
  HOSTED_WORKER_PROBE,
} from '@lep/nest-kit';
import { StatisticsConfig } from './config';
import { SERVICE } from './service';
import { STATISTICS_MIGRATIONS, statisticsModules } from './statistics-domain';

@Module({})
export class StatisticsModule {
  static forRoot(config: StatisticsConfig): DynamicModule {
    return {
      module: StatisticsModule,
      imports: [
        AuthModule.forRoot(authOptionsFromEnv(config)),
        ServiceConfigModule.forValue(StatisticsConfig, config),
        CalendarClientModule.forRoot(config),
        ...dependencyModules({
          serviceName: SERVICE.name,
          outbox: true, // warnings and the annual report
          config,
          database: { entities: [], migrations: STATISTICS_MIGRATIONS },
          extraProbes: [HOSTED_WORKER_PROBE],
        }),
        ...statisticsModules(),
      ],
    };
  }
}
