// Every workflow the worker hosts is exported from here; the worker bundles this module (workflowsPath).
export * from './case';
export type { AgencyFacts, CaseActivities, DecisionDraft, FilingCheck } from './case/activities';
export * from './publication';
