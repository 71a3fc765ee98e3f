export * from './temporal-client.module';
export * from './hosted-worker';
