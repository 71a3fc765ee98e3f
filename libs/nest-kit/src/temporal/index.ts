export * from './temporal-client.module';
export * from './hosted-worker';
export * from './hosted-worker.module';
export * from './calendar-failures';
