export * from './free-port';
export * from './postgres';
export * from './databases';
export * from './kafka';
export * from './s3';
export * from './temporal';
export * from './peers';
export * from './jest-peers';
export * from './migrations';
export * from './process-tree';
export * from './service-process';
export * from './registry-process';
export * from './case-registry';
export * from './case-fixtures';
export * from './chromium';
export * from './kcat';
export * from './pdf-tools';
// What production's init jobs make (deploy/minio/create-buckets.sh), for tests and the dev stack.
export { createEvidenceBuckets } from '@lep/engines';
