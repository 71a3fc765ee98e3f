// Every workflow the worker hosts is exported from here; the worker bundles this module (workflowsPath).
export * from './publication';
