export * from './api-key';
export * from './api-keys-unavailable.error';
export * from './introspecting-api-key-verifier';
