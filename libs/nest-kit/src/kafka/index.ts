export * from './kafka.module';
