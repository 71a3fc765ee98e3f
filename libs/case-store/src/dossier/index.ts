export * from './dossier-manifest';
export * from './dossier-archive';
export * from './dossier-verify';
