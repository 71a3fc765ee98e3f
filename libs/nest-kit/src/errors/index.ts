export * from './api-error';
export * from './validation';
export * from './api-exception.filter';
export * from './hostile-input';
export * from './personnel-id';
