/** Temporal names shared by the worker (which hosts them) and the services (which start and signal them). */
export const TEMPORAL_NAMESPACE_DEFAULT = 'default';

export const TASK_QUEUES = {
  cases: 'lep-cases',
  /** Disclosure deadline workflows, polled by the publication service's own worker (docs/architecture.md). */
  publication: 'lep-publication',
  /** Annual statistics report workflows, polled by the statistics service's own worker. */
  statistics: 'lep-statistics',
} as const;

/**
 * Custom search attributes that operators filter on in the Temporal Web UI. The compose init step registers
 * them on the real server; the test server accepts them as typed here.
 */
export const SEARCH_ATTRIBUTES = {
  LepAgency: 'Keyword',
  LepStage: 'Keyword',
  LepCategory: 'Keyword',
  LepMajor: 'Bool',
  LepNextDeadline: 'Datetime',
  /** A pending deadline of the case was counted without a year's holiday notice (provisional). */
  LepDeadlineProvisional: 'Bool',
} as const;

export type SearchAttributeName = keyof typeof SEARCH_ATTRIBUTES;
