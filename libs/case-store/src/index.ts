export * from './entities';
export * from './case-store.migration';
export * from './case-step';
export * from './record-verification';
export * from './agency-tree';
export * from './record-anchor';
export * from './dossier';
