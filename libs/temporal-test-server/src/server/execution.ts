import type { VisibilityRecord } from '../visibility';
import { toTimestamp } from './time';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Proto = Record<string, any>;

export type ExecutionStatus = VisibilityRecord['status'];

export const STATUS_ENUM: Record<ExecutionStatus, string> = {
  Running: 'WORKFLOW_EXECUTION_STATUS_RUNNING',
  Completed: 'WORKFLOW_EXECUTION_STATUS_COMPLETED',
  Failed: 'WORKFLOW_EXECUTION_STATUS_FAILED',
  Canceled: 'WORKFLOW_EXECUTION_STATUS_CANCELED',
  Terminated: 'WORKFLOW_EXECUTION_STATUS_TERMINATED',
  ContinuedAsNew: 'WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW',
  TimedOut: 'WORKFLOW_EXECUTION_STATUS_TIMED_OUT',
};

export interface HistoryEvent extends Proto {
  eventId: string;
  eventTime: Proto;
  eventType: string;
}

/** `ACTIVITY_TASK_SCHEDULED` → `activityTaskScheduledEventAttributes`, the event's oneof field. */
export function attributesField(eventType: string): string {
  const camel = eventType.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return `${camel}EventAttributes`;
}

export function makeEvent(eventId: number, now: number, eventType: string, attributes: Proto): HistoryEvent {
  return {
    eventId: String(eventId),
    eventTime: toTimestamp(now),
    eventType: `EVENT_TYPE_${eventType}`,
    [attributesField(eventType)]: attributes,
  };
}

export interface WorkflowTaskState {
  phase: 'none' | 'scheduled' | 'started';
  /** 0 while the task is transient (a retry after a failed or timed-out attempt: not in history until it completes). */
  scheduledEventId: number;
  startedEventId: number;
  attempt: number;
  scheduledAt: number;
  startedAt: number;
  token: string;
  cancelTimeout?: () => void;
}

export interface ActivityState {
  scheduledEventId: number;
  activityId: string;
  attributes: Proto;
  taskQueue: string;
  attempt: number;
  phase: 'scheduled' | 'started' | 'backoff';
  token: string;
  firstScheduledAt: number;
  currentScheduledAt: number;
  startedAt: number;
  identity: string;
  heartbeatDetails?: Proto;
  cancelRequested: boolean;
  cancelRequestedEventId?: number;
  lastFailure?: Proto;
  timers: Array<() => void>;
  scheduleToCloseTimer?: () => void;
  heartbeatTimer?: () => void;
}

export interface PendingUpdate {
  updateId: string;
  request: Proto;
  requestMessageId: string;
  state: 'admitted' | 'sent' | 'accepted' | 'completed';
  acceptedEventId?: number;
  outcome?: Proto;
  waiters: Array<() => void>;
}

export interface PendingQuery {
  token: string;
  query: Proto;
  dispatched: boolean;
  settle: (answer: { result?: Proto; error?: string; failure?: Proto }) => void;
}

export interface ChildState {
  namespace: string;
  workflowId: string;
  runId?: string;
  startedEventId?: number;
  workflowType: string;
  parentClosePolicy: string;
}

/** One run of a workflow: its history and everything in flight. */
export class Execution {
  readonly history: HistoryEvent[] = [];
  status: ExecutionStatus = 'Running';
  closeTime?: number;
  executionTime: number;
  /** Events that arrived while a workflow task was started; written once it completes. */
  buffered: Array<() => void> = [];
  workflowTask: WorkflowTaskState = {
    phase: 'none',
    scheduledEventId: 0,
    startedEventId: 0,
    attempt: 1,
    scheduledAt: 0,
    startedAt: 0,
    token: '',
  };
  /** Id of the last WorkflowTaskStarted that was completed: the worker's `previousStartedEventId`. */
  previousStartedEventId = 0;
  readonly activities = new Map<number, ActivityState>();
  readonly timers = new Map<string, { startedEventId: number; cancel: () => void }>();
  readonly updates = new Map<string, PendingUpdate>();
  readonly queries: PendingQuery[] = [];
  readonly children = new Map<number, ChildState>();
  readonly waiters: Array<() => void> = [];
  readonly searchAttributes = new Map<string, { type: string; value: unknown; payload: Proto }>();
  memo: Proto = {};
  cancelRequested = false;
  timeoutTimers: Array<() => void> = [];
  parent?: { namespace: string; workflowId: string; runId: string; initiatedEventId: number };

  constructor(
    readonly namespace: string,
    readonly workflowId: string,
    readonly runId: string,
    readonly workflowType: string,
    readonly taskQueue: string,
    readonly startRequest: Proto,
    readonly startTime: number,
    readonly requestId: string,
    readonly firstRunId: string,
  ) {
    this.executionTime = startTime;
  }

  get running(): boolean {
    return this.status === 'Running';
  }

  get nextEventId(): number {
    return this.history.length + 1;
  }

  /** Appends an event (type as in EVENT_TYPE_<type>) with the next id at `now`; returns its id. */
  append(now: number, eventType: string, attributes: Proto): number {
    const eventId = this.nextEventId;
    this.history.push(makeEvent(eventId, now, eventType, attributes));
    for (const wake of this.waiters.splice(0)) wake();
    return eventId;
  }

  /** Resolves when the history grows or the run closes (long polls). */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  visibility(): VisibilityRecord {
    const searchAttributes: Record<string, unknown> = {};
    for (const [name, attribute] of this.searchAttributes) searchAttributes[name] = attribute.value;
    return {
      namespace: this.namespace,
      workflowId: this.workflowId,
      runId: this.runId,
      workflowType: this.workflowType,
      taskQueue: this.taskQueue,
      status: this.status,
      startTime: new Date(this.startTime),
      executionTime: new Date(this.executionTime),
      closeTime: this.closeTime === undefined ? undefined : new Date(this.closeTime),
      searchAttributes,
    };
  }

  searchAttributesProto(): Proto {
    const indexedFields: Proto = {};
    for (const [name, attribute] of this.searchAttributes) indexedFields[name] = attribute.payload;
    return { indexedFields };
  }

  executionInfo(): Proto {
    return {
      execution: { workflowId: this.workflowId, runId: this.runId },
      type: { name: this.workflowType },
      startTime: toTimestamp(this.startTime),
      ...(this.closeTime !== undefined ? { closeTime: toTimestamp(this.closeTime) } : {}),
      status: STATUS_ENUM[this.status],
      historyLength: String(this.history.length),
      executionTime: toTimestamp(this.executionTime),
      memo: { fields: this.memo },
      searchAttributes: this.searchAttributesProto(),
      taskQueue: this.taskQueue,
      firstRunId: this.firstRunId,
      ...(this.parent
        ? {
            parentNamespaceId: this.parent.namespace,
            parentExecution: { workflowId: this.parent.workflowId, runId: this.parent.runId },
          }
        : {}),
    };
  }
}
