import { CASE_STORE_ENTITIES, CASE_STORE_MIGRATIONS } from '@lep/case-store';
import { AccessModule } from './access/access.module';
import { CasesModule } from './cases/cases.module';
import { TasksModule } from './tasks/tasks.module';

/**
 * case-api's modules. The tables are the case store's, shared with the worker (same bounded context, two
 * processes); its migrations are registered here too and run once whichever process starts first.
 */
export const CASE_API_MODULES = [AccessModule, CasesModule, TasksModule];
export const CASE_API_ENTITIES = [...CASE_STORE_ENTITIES];
export const CASE_API_MIGRATIONS = [...CASE_STORE_MIGRATIONS];
