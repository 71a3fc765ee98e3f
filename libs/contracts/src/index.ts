export * from './topics';
export * from './temporal';
export * from './cloud-event';
export * from './registry-events';
export * from './services';
export * from './registry-lists';
export * from './case-events';
export * from './publication-events';
