// The statistics service's worker bundles this folder alone (task queue lep-statistics).
export * from './activities';
export * from './annual-report-schedule.workflow';
export * from './annual-report.workflow';
export * from './certificate-sweep.workflow';
