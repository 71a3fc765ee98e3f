import type { VisibilityRecord } from './record';

/**
 * How a query name maps onto a record. Temporal's system search attributes have fixed types, so
 * their literals are checked when the query is compiled; custom attributes are typed by whatever
 * decoded value each record carries.
 */
export type AttributeType = 'Keyword' | 'Datetime' | 'ExecutionStatus' | 'Custom';

export interface ResolvedAttribute {
  name: string;
  type: AttributeType;
  read: (record: VisibilityRecord) => unknown;
}

const SYSTEM_ATTRIBUTES: Record<string, Omit<ResolvedAttribute, 'name'>> = {
  WorkflowId: { type: 'Keyword', read: (record) => record.workflowId },
  RunId: { type: 'Keyword', read: (record) => record.runId },
  WorkflowType: { type: 'Keyword', read: (record) => record.workflowType },
  TaskQueue: { type: 'Keyword', read: (record) => record.taskQueue },
  ExecutionStatus: { type: 'ExecutionStatus', read: (record) => record.status },
  StartTime: { type: 'Datetime', read: (record) => record.startTime },
  ExecutionTime: { type: 'Datetime', read: (record) => record.executionTime },
  CloseTime: { type: 'Datetime', read: (record) => record.closeTime },
};

/** Search attribute names are case-sensitive in Temporal, so lookups are exact. */
export function resolveAttribute(name: string): ResolvedAttribute {
  const system = Object.hasOwn(SYSTEM_ATTRIBUTES, name) ? SYSTEM_ATTRIBUTES[name] : undefined;
  if (system !== undefined) return { name, ...system };
  return {
    name,
    type: 'Custom',
    // hasOwn keeps names such as "constructor" from reaching Object.prototype.
    read: (record) =>
      Object.hasOwn(record.searchAttributes, name) ? record.searchAttributes[name] : undefined,
  };
}

// Temporal accepts the shorthand, the full enum name or the enum number for ExecutionStatus.
const EXECUTION_STATUSES: ReadonlyArray<readonly [shorthand: string, enumName: string]> = [
  ['Unspecified', 'WORKFLOW_EXECUTION_STATUS_UNSPECIFIED'],
  ['Running', 'WORKFLOW_EXECUTION_STATUS_RUNNING'],
  ['Completed', 'WORKFLOW_EXECUTION_STATUS_COMPLETED'],
  ['Failed', 'WORKFLOW_EXECUTION_STATUS_FAILED'],
  ['Canceled', 'WORKFLOW_EXECUTION_STATUS_CANCELED'],
  ['Terminated', 'WORKFLOW_EXECUTION_STATUS_TERMINATED'],
  ['ContinuedAsNew', 'WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW'],
  ['TimedOut', 'WORKFLOW_EXECUTION_STATUS_TIMED_OUT'],
];

/** Returns the shorthand status name records carry, or undefined when Temporal would reject the value. */
export function normalizeExecutionStatus(value: string | number): string | undefined {
  if (typeof value === 'number') return EXECUTION_STATUSES[value]?.[0];
  return EXECUTION_STATUSES.find(([shorthand, enumName]) => value === shorthand || value === enumName)?.[0];
}
