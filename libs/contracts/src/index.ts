export * from './topics';
export * from './temporal';
export * from './cloud-event';
export * from './registry-events';
export * from './services';
