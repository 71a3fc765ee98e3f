export * from './temporal-client.module';
export * from './hosted-worker';
export * from './calendar-failures';
