// The publication service's worker bundles this folder alone (task queue lep-publication).
export * from './activities';
export * from './disclosure-deadline.workflow';
