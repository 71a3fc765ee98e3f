export * from './dependency-probe';
export * from './health.module';
export * from './with-timeout';
