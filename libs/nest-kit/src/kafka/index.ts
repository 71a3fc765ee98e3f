export * from './kafka.module';
export * from './cloud-event-consumer';
export * from './service-consumer';
