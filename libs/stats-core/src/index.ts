export * from './periods';
export * from './penalty-kinds';
export * from './metrics';
export * from './contributions';
export * from './aggregate-store';
