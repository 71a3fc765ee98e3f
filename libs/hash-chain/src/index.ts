export * from './canonical-json';
export * from './hash-chain';
export * from './seeded-random';
export * from './merkle-tree';
