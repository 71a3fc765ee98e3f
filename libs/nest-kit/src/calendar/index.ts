export * from './calendar-client.module';
