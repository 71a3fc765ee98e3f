export * from './env-validators';
export * from './load-config';
export * from './config.module';
export * from './service-env';
export * from './transport-security';
export * from './temporal-connection';
