export * from './topics';
export * from './temporal';
export * from './cloud-event';
