import { randomUUID } from 'node:crypto';
import { History, addEvent } from './history';

export type Status = 'Running' | 'Completed' | 'Failed' | 'Canceled' | 'Terminated' | 'ContinuedAsNew' | 'TimedOut';

export interface ActivityState {
  scheduledEventId: number; attrs: any; attempt: number; token?: string; running: boolean;
  cancelRequested: boolean; cancelTimers: Array<() => void>; lastFailure?: any; heartbeatDetails?: any; firstScheduled: number;
}

/** State of one workflow run. */
export class Execution {
  readonly runId = randomUUID();
  readonly history: History;
  status: Status = 'Running';
  wft: 'none' | 'scheduled' | 'started' = 'none';
  wftScheduledId = 0;
  wftStartedId = 0;
  previousStartedId = 0;
  wftAttempt = 1;
  wftToken = '';
  wftTimeoutCancel?: () => void;
  buffered: Array<() => void> = [];
  activities = new Map<number, ActivityState>();
  timers = new Map<string, { startedEventId: number; cancel: () => void }>();
  closeWaiters: Array<() => void> = [];
  changeWaiters: Array<() => void> = [];
  pendingQueries = 0;
  searchAttributes: Record<string, any> = {};
  closeTime?: number;
  startTime: number;
  newRunId?: string;
  requestIds = new Set<string>();
  updates = new Map<string, { request: any; accepted?: boolean; outcome?: any; waiters: Array<() => void>; sent: boolean; rejected?: any }>();
  constructor(readonly namespace: string, readonly workflowId: string, readonly type: string, readonly taskQueue: string,
    readonly start: any, now: () => number) {
    this.history = new History(now);
    this.startTime = now();
  }
  add(name: string, attrs: any): number {
    const id = addEvent(this.history, name, attrs);
    for (const w of this.changeWaiters.splice(0)) w();
    return id;
  }
  get closed(): boolean { return this.status !== 'Running'; }
  get execution() { return { workflowId: this.workflowId, runId: this.runId }; }
}
