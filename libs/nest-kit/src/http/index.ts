export * from './openapi';
export * from './create-service-app';
export * from './run-service';
export * from './render-openapi';
export * from './public-route';
export * from './documented-statuses';
export * from './trust-proxy';
export * from './page-query';
