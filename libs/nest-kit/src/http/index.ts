export * from './openapi';
export * from './create-service-app';
export * from './run-service';
