export * from './payload-keys';
export * from './encryption-codec';
export * from './data-converter';
export * from './codec-json';
