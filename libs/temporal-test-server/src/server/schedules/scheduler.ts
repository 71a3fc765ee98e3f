import { randomUUID } from 'node:crypto';
import type { Engine } from '../engine';
import { alreadyExists, failedPrecondition, invalidArgument, notFound, RpcError } from '../errors';
import type { Proto } from '../execution';
import { durationMs, toTimestamp } from '../time';
import { compileSpec, type CompiledSpec } from './schedule-spec';

const SKIP = 'SCHEDULE_OVERLAP_POLICY_SKIP';
const ALLOW_ALL = 'SCHEDULE_OVERLAP_POLICY_ALLOW_ALL';
const CANCEL_OTHER = 'SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER';
const TERMINATE_OTHER = 'SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER';
const SUPPORTED_OVERLAP = new Set([SKIP, ALLOW_ALL, CANCEL_OTHER, TERMINATE_OTHER]);
/** Temporal's default catch-up window: an action more than a year late is dropped. */
const DEFAULT_CATCHUP_MS = 365 * 24 * 3600 * 1000;
const RECENT_ACTIONS = 10;
const FUTURE_ACTIONS = 10;
const FUTURE_ACTIONS_IN_LIST = 5;

interface ActionResult {
  scheduleTime: number;
  actualTime: number;
  workflowId: string;
  runId: string;
}

interface Schedule {
  namespace: string;
  scheduleId: string;
  /** The Schedule proto as the caller sent it, with Temporal's defaults filled in. */
  schedule: Proto;
  spec: CompiledSpec;
  memo?: Proto;
  searchAttributes?: Proto;
  createTime: number;
  updateTime?: number;
  conflictToken: number;
  actionCount: number;
  overlapSkipped: number;
  missedCatchupWindow: number;
  recent: ActionResult[];
  /** Runs this schedule started (first run ids), checked against the engine for whether they still run. */
  started: Array<{ workflowId: string; runId: string }>;
  /** Cancels the armed timer of the next nominal time. */
  disarm?: () => void;
}

/**
 * Temporal Schedules on the server's clock (virtual under time skipping: an armed schedule is a pending
 * timer, so an idle server jumps to its next fire time). Each action starts the schedule's workflow as
 * `<workflowId>-<nominal time, RFC 3339 UTC>` with the TemporalScheduledById/StartTime search attributes, as
 * Temporal's scheduler does.
 */
export class Scheduler {
  private readonly schedules = new Map<string, Schedule>();

  constructor(private readonly engine: Engine) {}

  private key(namespace: string, scheduleId: string): string {
    return `${namespace}\u0000${scheduleId}`;
  }

  private get(namespace: string, scheduleId: string): Schedule {
    const schedule = this.schedules.get(this.key(namespace, scheduleId));
    if (!schedule) throw notFound(`schedule not found: ${scheduleId}`);
    return schedule;
  }

  create(namespace: string, request: Proto): Proto {
    const scheduleId = String(request.scheduleId ?? '');
    if (!scheduleId) throw invalidArgument('ScheduleId is not set on request.');
    if (this.schedules.has(this.key(namespace, scheduleId))) {
      throw alreadyExists(`schedule with this id is already registered: ${scheduleId}`);
    }
    const schedule: Schedule = {
      namespace,
      scheduleId,
      ...validated(request.schedule),
      memo: request.memo ?? undefined,
      searchAttributes: request.searchAttributes ?? undefined,
      createTime: this.engine.now(),
      conflictToken: 1,
      actionCount: 0,
      overlapSkipped: 0,
      missedCatchupWindow: 0,
      recent: [],
      started: [],
    };
    this.schedules.set(this.key(namespace, scheduleId), schedule);
    if (request.initialPatch) this.applyPatch(schedule, request.initialPatch);
    this.arm(schedule, this.engine.now());
    return { conflictToken: token(schedule) };
  }

  describe(namespace: string, scheduleId: string): Proto {
    const schedule = this.get(namespace, scheduleId);
    return {
      schedule: schedule.schedule,
      info: {
        actionCount: String(schedule.actionCount),
        missedCatchupWindow: String(schedule.missedCatchupWindow),
        overlapSkipped: String(schedule.overlapSkipped),
        runningWorkflows: this.running(schedule),
        recentActions: schedule.recent.map(actionProto),
        futureActionTimes: this.future(schedule, FUTURE_ACTIONS).map(toTimestamp),
        createTime: toTimestamp(schedule.createTime),
        ...(schedule.updateTime !== undefined ? { updateTime: toTimestamp(schedule.updateTime) } : {}),
      },
      ...(schedule.memo ? { memo: schedule.memo } : {}),
      ...(schedule.searchAttributes ? { searchAttributes: schedule.searchAttributes } : {}),
      conflictToken: token(schedule),
    };
  }

  /** Every schedule of the namespace, by id (Temporal's list filter language is not supported here). */
  list(namespace: string, query: string): Proto[] {
    if (query.trim()) throw invalidArgument('schedule list queries are not supported by the test server');
    return [...this.schedules.values()]
      .filter((schedule) => schedule.namespace === namespace)
      .sort((a, b) => a.scheduleId.localeCompare(b.scheduleId))
      .map((schedule) => ({
        scheduleId: schedule.scheduleId,
        ...(schedule.memo ? { memo: schedule.memo } : {}),
        ...(schedule.searchAttributes ? { searchAttributes: schedule.searchAttributes } : {}),
        info: {
          spec: schedule.schedule.spec,
          workflowType: schedule.schedule.action.startWorkflow.workflowType,
          notes: schedule.schedule.state.notes ?? '',
          paused: schedule.schedule.state.paused === true,
          recentActions: schedule.recent.map(actionProto),
          futureActionTimes: this.future(schedule, FUTURE_ACTIONS_IN_LIST).map(toTimestamp),
        },
      }));
  }

  update(namespace: string, request: Proto): void {
    const schedule = this.get(namespace, String(request.scheduleId ?? ''));
    checkConflict(schedule, request.conflictToken);
    Object.assign(schedule, validated(request.schedule));
    if (request.searchAttributes) schedule.searchAttributes = request.searchAttributes;
    this.changed(schedule);
    this.arm(schedule, this.engine.now());
  }

  patch(namespace: string, request: Proto): void {
    const schedule = this.get(namespace, String(request.scheduleId ?? ''));
    this.applyPatch(schedule, request.patch ?? {});
    this.changed(schedule);
    this.arm(schedule, this.engine.now());
  }

  /** Removes the schedule; the workflows it started run on, as in Temporal. */
  delete(namespace: string, scheduleId: string): void {
    const schedule = this.get(namespace, scheduleId);
    schedule.disarm?.();
    this.schedules.delete(this.key(namespace, scheduleId));
  }

  private applyPatch(schedule: Schedule, patch: Proto): void {
    const state = schedule.schedule.state;
    if (patch.pause) {
      state.paused = true;
      state.notes = String(patch.pause);
    }
    if (patch.unpause) {
      state.paused = false;
      state.notes = String(patch.unpause);
    }
    if (patch.triggerImmediately) {
      const now = this.engine.now();
      const overlap = String(
        patch.triggerImmediately.overlapPolicy || schedule.schedule.policies.overlapPolicy,
      );
      this.act(schedule, now, overlap === 'SCHEDULE_OVERLAP_POLICY_UNSPECIFIED' ? SKIP : overlap);
    }
    if (patch.backfillRequest?.length) {
      throw invalidArgument('schedule backfill is not supported by the test server');
    }
  }

  private changed(schedule: Schedule): void {
    schedule.updateTime = this.engine.now();
    schedule.conflictToken += 1;
  }

  /** The next nominal times after now, as Describe lists them: none while paused or out of actions. */
  private future(schedule: Schedule, count: number): number[] {
    if (!this.active(schedule)) return [];
    const times: number[] = [];
    let cursor = this.engine.now();
    const limit = schedule.schedule.state.limitedActions
      ? Number(schedule.schedule.state.remainingActions)
      : count;
    while (times.length < Math.min(count, limit)) {
      const next = schedule.spec.next(cursor);
      if (next === undefined) break;
      times.push(next);
      cursor = next;
    }
    return times;
  }

  private active(schedule: Schedule): boolean {
    const state = schedule.schedule.state;
    return !state.paused && !(state.limitedActions && Number(state.remainingActions) <= 0);
  }

  /** Sets the one timer of the schedule for its next nominal time after `after`. */
  private arm(schedule: Schedule, after: number): void {
    schedule.disarm?.();
    schedule.disarm = undefined;
    if (!this.active(schedule) || this.engine.stopped) return;
    const next = schedule.spec.next(after);
    if (next === undefined) return;
    schedule.disarm = this.engine.clock.schedule(next, () => {
      schedule.disarm = undefined;
      this.fire(schedule, next);
    });
  }

  private fire(schedule: Schedule, nominal: number): void {
    const late = this.engine.now() - nominal;
    const catchup = durationMs(schedule.schedule.policies.catchupWindow) ?? DEFAULT_CATCHUP_MS;
    if (late > catchup) schedule.missedCatchupWindow += 1;
    else this.act(schedule, nominal, String(schedule.schedule.policies.overlapPolicy));
    this.arm(schedule, nominal);
  }

  /** Takes one action at nominal time `nominal` under `overlap`. */
  private act(schedule: Schedule, nominal: number, overlap: string): void {
    const running = this.runningExecutions(schedule);
    if (running.length > 0) {
      if (overlap === SKIP) {
        schedule.overlapSkipped += 1;
        return;
      }
      for (const execution of running) {
        if (overlap === TERMINATE_OTHER) {
          this.engine.terminate(execution, 'terminated by schedule overlap policy', undefined, 'schedule');
        } else if (overlap === CANCEL_OTHER) {
          this.engine.requestCancel(execution, 'canceled by schedule overlap policy');
        }
      }
    }
    const action = schedule.schedule.action.startWorkflow;
    const workflowId = `${action.workflowId}-${new Date(Math.floor(nominal / 1000) * 1000).toISOString().replace('.000Z', 'Z')}`;
    const request: Proto = {
      ...action,
      namespace: schedule.namespace,
      workflowId,
      requestId: randomUUID(),
      identity: 'temporal-scheduler',
      workflowIdReusePolicy: 'WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE',
      searchAttributes: {
        indexedFields: {
          ...(action.searchAttributes?.indexedFields ?? {}),
          TemporalScheduledById: keyword(schedule.scheduleId),
          TemporalScheduledStartTime: datetime(nominal),
        },
      },
    };
    try {
      const { execution } = this.engine.start(request);
      schedule.started.push({ workflowId, runId: execution.runId });
      schedule.recent = [
        ...schedule.recent,
        { scheduleTime: nominal, actualTime: this.engine.now(), workflowId, runId: execution.runId },
      ].slice(-RECENT_ACTIONS);
      schedule.actionCount += 1;
      const state = schedule.schedule.state;
      if (state.limitedActions) state.remainingActions = String(Number(state.remainingActions) - 1);
    } catch (error) {
      // A start Temporal refuses (e.g. the id is still running from a trigger) is not an action taken.
      if (!(error instanceof RpcError)) throw error;
    }
  }

  private runningExecutions(schedule: Schedule) {
    schedule.started = schedule.started.filter(({ workflowId, runId }) => {
      const current = this.engine.current(schedule.namespace, workflowId);
      return current !== undefined && current.firstRunId === runId && current.running;
    });
    return schedule.started.map(({ workflowId }) => this.engine.current(schedule.namespace, workflowId)!);
  }

  private running(schedule: Schedule): Proto[] {
    return this.runningExecutions(schedule).map((execution) => ({
      workflowId: execution.workflowId,
      runId: execution.firstRunId,
    }));
  }
}

/** Checks what the server stores and fills in Temporal's defaults (overlap SKIP, state not paused). */
function validated(input: Proto | undefined): { schedule: Proto; spec: CompiledSpec } {
  const schedule: Proto = { ...(input ?? {}) };
  const action = schedule.action?.startWorkflow;
  if (!action) throw invalidArgument('schedule action must start a workflow');
  if (!action.workflowId) throw invalidArgument('schedule action has no workflow id');
  if (!action.workflowType?.name) throw invalidArgument('schedule action has no workflow type');
  if (!action.taskQueue?.name) throw invalidArgument('schedule action has no task queue');
  const spec = compileSpec(schedule.spec ?? {});
  const overlap = String(schedule.policies?.overlapPolicy || SKIP);
  const overlapPolicy = overlap === 'SCHEDULE_OVERLAP_POLICY_UNSPECIFIED' ? SKIP : overlap;
  if (!SUPPORTED_OVERLAP.has(overlapPolicy)) {
    throw invalidArgument(`overlap policy ${overlapPolicy} is not supported by the test server`);
  }
  schedule.policies = { ...(schedule.policies ?? {}), overlapPolicy };
  schedule.state = { paused: false, notes: '', ...(schedule.state ?? {}) };
  return { schedule, spec };
}

function checkConflict(schedule: Schedule, conflictToken: Buffer | Uint8Array | undefined): void {
  if (!conflictToken || conflictToken.length === 0) return;
  if (Buffer.from(conflictToken).toString('utf8') !== String(schedule.conflictToken)) {
    throw failedPrecondition('mismatched conflict token');
  }
}

function token(schedule: Schedule): Buffer {
  return Buffer.from(String(schedule.conflictToken));
}

function actionProto(action: ActionResult): Proto {
  return {
    scheduleTime: toTimestamp(action.scheduleTime),
    actualTime: toTimestamp(action.actualTime),
    startWorkflowResult: { workflowId: action.workflowId, runId: action.runId },
  };
}

function keyword(value: string): Proto {
  return {
    metadata: { encoding: Buffer.from('json/plain'), type: Buffer.from('Keyword') },
    data: Buffer.from(JSON.stringify(value)),
  };
}

function datetime(ms: number): Proto {
  return {
    metadata: { encoding: Buffer.from('json/plain'), type: Buffer.from('Datetime') },
    data: Buffer.from(JSON.stringify(new Date(ms).toISOString())),
  };
}
