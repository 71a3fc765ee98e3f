export * from './topics';
export * from './temporal';
