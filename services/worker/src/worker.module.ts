import { DynamicModule, Global, Module } from '@nestjs/common';
import { CASE_STORE_ENTITIES, CASE_STORE_MIGRATIONS } from '@lep/case-store';
import {
  CalendarClientModule,
  dependencyModules,
  hostedWorkerProbe,
  ServiceConfigModule,
} from '@lep/nest-kit';
import { WorkerConfig } from './config';
import { SERVICE } from './service';
import { CalendarRecountConsumer } from './calendar-recount/calendar-recount.consumer';
import { EvidenceLinkConsumer } from './evidence-link/evidence-link.consumer';
import { TemporalWorkerHost } from './temporal-worker.host';

export const WORKER_PROBE = 'WORKER_PROBE';

@Global()
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ServiceConfigModule.forValue(WorkerConfig, config),
        CalendarClientModule.forRoot(config),
        ...dependencyModules({
          serviceName: SERVICE.name,
          outbox: true, // the case steps' events
          config,
          database: { entities: CASE_STORE_ENTITIES, migrations: CASE_STORE_MIGRATIONS },
          extraProbes: [WORKER_PROBE],
        }),
      ],
      providers: [
        TemporalWorkerHost,
        EvidenceLinkConsumer,
        CalendarRecountConsumer,
        {
          provide: WORKER_PROBE,
          useFactory: (host: TemporalWorkerHost) => hostedWorkerProbe(host),
          inject: [TemporalWorkerHost],
        },
      ],
      exports: [WORKER_PROBE],
    };
  }
}
