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
 * How long a worker may hold a workflow task before the server gives it to another attempt; set on every LEP
 * workflow an update or signal can reach, parent and child (Temporal's default is 10 s; the annual report
 * Schedule's own runs, which nothing sends to, keep it). A worker stalled past it (CPU-starved, paused by its
 * host) that then carries on with the task while the next attempt reaches it — carrying an update that came
 * meanwhile — can complete a history no worker replays: a bug of the TypeScript SDK's core (`@temporalio/*`
 * 1.24.0), seen in the fault suite with a 12 s freeze (docs/operations.md). 30 s keeps stalls of that size
 * harmless; the price is that a task held by a worker that crashed is retried 30 s later instead of 10 s.
 */
export const WORKFLOW_TASK_TIMEOUT = '30s';

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
