export * from './temporal-client.module';
export * from './hosted-worker';
export * from './hosted-worker.module';
export * from './calendar-failures';
export { WORKFLOW_TRACING_MODULE } from './temporal-tracing';
