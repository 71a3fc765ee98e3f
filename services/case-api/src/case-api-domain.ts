import { CASE_DATABASE_MIGRATIONS, CASE_STORE_ENTITIES } from '@lep/case-store';
import { AccessModule } from './access/access.module';
import { AccountabilityModule } from './accountability/accountability.module';
import { CasesModule } from './cases/cases.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalCodecModule } from './temporal-codec/temporal-codec.module';

/**
 * case-api's modules. It reads the case store's projections (case_file, case_task, the record), which only the
 * worker's steps write; the worker owns lep_cases and runs its migrations, so case-api runs none and reports its
 * database down until they are applied (CASE_API_SCHEMA). The 案卷评查 tables (case_evaluation_draw,
 * case_evaluation) are the ones it writes (EvaluationsModule); their events go into lep_cases' outbox, which the
 * worker's relay sends, so case-api itself still needs no Kafka.
 */
export const CASE_API_MODULES = [
  AccessModule,
  CasesModule,
  TasksModule,
  AccountabilityModule,
  EvaluationsModule,
  TemporalCodecModule,
];
export const CASE_API_ENTITIES = [...CASE_STORE_ENTITIES];
export const CASE_API_SCHEMA = { name: 'the worker', migrations: CASE_DATABASE_MIGRATIONS };
