import { DynamicModule, Module } from '@nestjs/common';
import { CASE_STORE_ENTITIES, CASE_STORE_MIGRATIONS } from '@lep/case-store';
import {
  CalendarClientModule,
  dependencyModules,
  HOSTED_WORKER_PROBE,
  ServiceConfigModule,
} from '@lep/nest-kit';
import { WorkerConfig } from './config';
import { SERVICE } from './service';
import { AgencyTreeConsumer } from './agency-tree/agency-tree.consumer';
import { CalendarRecountConsumer } from './calendar-recount/calendar-recount.consumer';
import { CaseWorkerModule } from './case-worker';
import { EvidenceLinkConsumer } from './evidence-link/evidence-link.consumer';
import { RecordAnchorJob } from './record-anchor/record-anchor.job';

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
          // The worker owns lep_cases: its migrations run here (with the outbox's), nowhere else.
          database: { entities: CASE_STORE_ENTITIES, migrations: CASE_STORE_MIGRATIONS },
          extraProbes: [HOSTED_WORKER_PROBE],
        }),
        CaseWorkerModule,
      ],
      providers: [EvidenceLinkConsumer, CalendarRecountConsumer, AgencyTreeConsumer, RecordAnchorJob],
    };
  }
}
