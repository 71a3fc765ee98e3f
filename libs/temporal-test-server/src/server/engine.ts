import { randomUUID } from 'node:crypto';
import { compileVisibilityQuery, VisibilityQueryError } from '../visibility';
import { alreadyExists, failedPrecondition, invalidArgument, notFound, RpcError } from './errors';
import { type ActivityState, Execution, makeEvent, type PendingUpdate, type Proto } from './execution';
import { decodeSearchAttribute, type Payload } from './payloads';
import { decideRetry } from './retry';
import { TaskQueue } from './task-queue';
import { durationMs, toDuration, toTimestamp } from './time';
import { packRequest, unpackWorkerMessage } from './update-protocol';
import { VirtualClock } from './virtual-clock';

const DEFAULT_WORKFLOW_TASK_TIMEOUT_MS = 10_000;
const NORMAL_QUEUE = 'TASK_QUEUE_KIND_NORMAL';

interface TaskToken {
  kind: 'workflow' | 'activity' | 'query';
  namespace: string;
  workflowId: string;
  runId: string;
  id: string;
  scheduledEventId?: number;
  attempt?: number;
}

type WorkflowQueueItem = { kind: 'workflow' | 'query'; execution: Execution; token: string };
type ActivityQueueItem = { execution: Execution; activity: ActivityState; token: string };

export function encodeToken(token: TaskToken): Buffer {
  return Buffer.from(JSON.stringify(token));
}

export function decodeToken(raw: Buffer | Uint8Array | string | undefined): TaskToken {
  try {
    return JSON.parse(Buffer.from(raw ?? '').toString('utf8')) as TaskToken;
  } catch {
    throw invalidArgument('malformed task token');
  }
}

/**
 * The in-memory history service: workflow runs, their state machines and the task queues workers poll. Every
 * history it writes follows what Temporal's history service writes for the same inputs, so it replays.
 */
export class Engine {
  /** Runs by namespace/workflowId, oldest first; the last one is the current run. */
  private readonly runs = new Map<string, Execution[]>();
  private readonly byRunId = new Map<string, Execution>();
  private readonly workflowQueues = new Map<string, TaskQueue<WorkflowQueueItem>>();
  private readonly activityQueues = new Map<string, TaskQueue<ActivityQueueItem>>();
  /** Work handed to a worker or waiting for one; time skipping waits until none is left. */
  private inFlight = 0;
  readonly clock: VirtualClock;
  stopped = false;
  private resolveStopped!: () => void;
  /** Resolves when the server stops, ending every long poll and wait. */
  readonly whenStopped = new Promise<void>((resolve) => (this.resolveStopped = resolve));

  constructor(timeSkipping: boolean, startTime?: Date) {
    this.clock = new VirtualClock(timeSkipping, () => this.inFlight === 0, startTime);
  }

  now(): number {
    return this.clock.now();
  }

  stop(): void {
    this.stopped = true;
    this.resolveStopped();
    this.clock.stop();
    for (const queue of [...this.workflowQueues.values(), ...this.activityQueues.values()]) queue.close();
    for (const execution of this.byRunId.values()) {
      for (const wake of execution.waiters.splice(0)) wake();
      for (const query of execution.queries.splice(0)) query.settle({ error: 'server stopped' });
    }
  }

  // ---------------------------------------------------------------- lookups

  private key(namespace: string, workflowId: string): string {
    return `${namespace}\u0000${workflowId}`;
  }

  current(namespace: string, workflowId: string): Execution | undefined {
    const runs = this.runs.get(this.key(namespace, workflowId));
    return runs?.[runs.length - 1];
  }

  find(namespace: string, execution: Proto | undefined): Execution {
    const workflowId = String(execution?.workflowId ?? '');
    const runId = execution?.runId ? String(execution.runId) : '';
    const found = runId ? this.byRunId.get(runId) : this.current(namespace, workflowId);
    if (!found || found.workflowId !== workflowId || found.namespace !== namespace) {
      throw notFound(`workflow execution not found: ${workflowId}${runId ? `/${runId}` : ''}`);
    }
    return found;
  }

  private fromToken(token: TaskToken): Execution {
    const execution = this.byRunId.get(token.runId);
    if (!execution) throw notFound('workflow execution not found for task token');
    return execution;
  }

  workflowQueue(namespace: string, name: string): TaskQueue<WorkflowQueueItem> {
    return this.queueFor(this.workflowQueues, namespace, name);
  }

  activityQueue(namespace: string, name: string): TaskQueue<ActivityQueueItem> {
    return this.queueFor(this.activityQueues, namespace, name);
  }

  private queueFor<T>(queues: Map<string, TaskQueue<T>>, namespace: string, name: string): TaskQueue<T> {
    const key = this.key(namespace, name);
    let queue = queues.get(key);
    if (!queue) {
      queue = new TaskQueue<T>();
      queues.set(key, queue);
    }
    return queue;
  }

  private busy(delta: number): void {
    this.inFlight += delta;
    this.clock.poke();
  }

  // ---------------------------------------------------------------- start

  /** StartWorkflowExecution and the start half of SignalWithStart; returns the run and whether it is new. */
  start(
    request: Proto,
    options: {
      parent?: Execution['parent'];
      continuedFrom?: Execution;
      runId?: string;
      /** Events written before the first workflow task is scheduled (the signal of SignalWithStart). */
      beforeFirstTask?: (execution: Execution) => void;
    } = {},
  ): {
    execution: Execution;
    started: boolean;
  } {
    const namespace = String(request.namespace || 'default');
    const workflowId = String(request.workflowId ?? '');
    if (!workflowId) throw invalidArgument('WorkflowId is not set on request.');
    if (!request.workflowType?.name) throw invalidArgument('WorkflowType is not set on request.');
    if (!request.taskQueue?.name) throw invalidArgument('TaskQueue is not set on request.');
    const requestId = String(request.requestId || randomUUID());
    const previous = this.current(namespace, workflowId);
    if (previous && !options.continuedFrom) {
      if (previous.requestId === requestId) return { execution: previous, started: false };
      if (previous.running) {
        const conflict = String(request.workflowIdConflictPolicy ?? '');
        if (conflict === 'WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING')
          return { execution: previous, started: false };
        if (conflict === 'WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING') {
          this.terminate(previous, 'terminated by a new start (TERMINATE_EXISTING)', undefined, 'server');
        } else if (request.workflowIdReusePolicy === 'WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING') {
          this.terminate(previous, 'terminated by a new start (TERMINATE_IF_RUNNING)', undefined, 'server');
        } else {
          throw alreadyExists(
            `Workflow execution is already running. WorkflowId: ${workflowId}, RunId: ${previous.runId}.`,
          );
        }
      } else {
        const reuse = String(request.workflowIdReusePolicy ?? '');
        if (reuse === 'WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE') {
          throw alreadyExists(
            `Workflow execution already finished. WorkflowId: ${workflowId}, RunId: ${previous.runId}.`,
          );
        }
        if (
          reuse === 'WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY' &&
          previous.status === 'Completed'
        ) {
          throw alreadyExists(
            `Workflow execution already finished successfully. WorkflowId: ${workflowId}, RunId: ${previous.runId}.`,
          );
        }
      }
    }
    const now = this.now();
    const runId = options.runId ?? randomUUID();
    const firstRunId = options.continuedFrom?.firstRunId ?? runId;
    const execution = new Execution(
      namespace,
      workflowId,
      runId,
      String(request.workflowType.name),
      String(request.taskQueue.name),
      request,
      now,
      requestId,
      firstRunId,
    );
    execution.parent = options.parent ?? options.continuedFrom?.parent;
    execution.memo = request.memo?.fields ?? {};
    this.upsertSearchAttributes(execution, request.searchAttributes);
    const key = this.key(namespace, workflowId);
    this.runs.set(key, [...(this.runs.get(key) ?? []), execution]);
    this.byRunId.set(runId, execution);

    const executionTimeoutMs = durationMs(request.workflowExecutionTimeout);
    const runTimeoutMs = durationMs(request.workflowRunTimeout) ?? executionTimeoutMs;
    const expiration = options.continuedFrom
      ? options.continuedFrom.startRequest.expirationTime
      : executionTimeoutMs !== undefined
        ? now + executionTimeoutMs
        : undefined;
    request.expirationTime = expiration;
    execution.append(now, 'WORKFLOW_EXECUTION_STARTED', {
      workflowType: request.workflowType,
      taskQueue: { name: execution.taskQueue, kind: NORMAL_QUEUE },
      input: request.input,
      workflowExecutionTimeout: toDuration(executionTimeoutMs),
      workflowRunTimeout: toDuration(runTimeoutMs),
      workflowTaskTimeout: toDuration(this.workflowTaskTimeoutMs(request)),
      originalExecutionRunId: runId,
      identity: request.identity ?? '',
      firstExecutionRunId: firstRunId,
      attempt: 1,
      header: request.header,
      memo: request.memo,
      searchAttributes: request.searchAttributes,
      ...(expiration !== undefined ? { workflowExecutionExpirationTime: toTimestamp(expiration) } : {}),
      ...(options.continuedFrom
        ? {
            continuedExecutionRunId: options.continuedFrom.runId,
            initiator: 'CONTINUE_AS_NEW_INITIATOR_WORKFLOW',
          }
        : {}),
      ...(execution.parent
        ? {
            parentWorkflowNamespace: execution.parent.namespace,
            parentWorkflowExecution: {
              workflowId: execution.parent.workflowId,
              runId: execution.parent.runId,
            },
            parentInitiatedEventId: String(execution.parent.initiatedEventId),
          }
        : {}),
    });
    const runDeadline = runTimeoutMs !== undefined ? now + runTimeoutMs : undefined;
    const deadline = [runDeadline, expiration]
      .filter((at): at is number => at !== undefined)
      .sort((a, b) => a - b)[0];
    if (deadline !== undefined) {
      execution.timeoutTimers.push(this.clock.schedule(deadline, () => this.timeOut(execution)));
    }
    options.beforeFirstTask?.(execution);
    this.scheduleWorkflowTask(execution);
    return { execution, started: true };
  }

  private workflowTaskTimeoutMs(request: Proto): number {
    return durationMs(request.workflowTaskTimeout) ?? DEFAULT_WORKFLOW_TASK_TIMEOUT_MS;
  }

  upsertSearchAttributes(execution: Execution, searchAttributes: Proto | undefined): void {
    for (const [name, payload] of Object.entries<Payload>(searchAttributes?.indexedFields ?? {})) {
      const decoded = decodeSearchAttribute(payload);
      if (decoded.value === undefined) execution.searchAttributes.delete(name);
      else execution.searchAttributes.set(name, { ...decoded, payload });
    }
  }

  // ---------------------------------------------------------------- workflow tasks

  /**
   * Writes an event caused from outside the workflow. While a workflow task is started the event is buffered
   * and written after that task's completion, as Temporal does; otherwise it is written now and a workflow task
   * scheduled.
   */
  private deliver(execution: Execution, write: () => void): void {
    if (!execution.running) return;
    if (execution.workflowTask.phase === 'started') {
      execution.buffered.push(write);
      return;
    }
    if (execution.workflowTask.phase === 'scheduled' && execution.workflowTask.scheduledEventId === 0) {
      // A transient (retry) task turns into a normal one when new events arrive.
      execution.workflowTask.attempt = 1;
      write();
      this.writeWorkflowTaskScheduled(execution);
      return;
    }
    write();
    this.scheduleWorkflowTask(execution);
  }

  private writeWorkflowTaskScheduled(execution: Execution): void {
    const task = execution.workflowTask;
    task.scheduledEventId = execution.append(this.now(), 'WORKFLOW_TASK_SCHEDULED', {
      taskQueue: { name: execution.taskQueue, kind: NORMAL_QUEUE },
      startToCloseTimeout: toDuration(this.workflowTaskTimeoutMs(execution.startRequest)),
      attempt: 1,
    });
  }

  private scheduleWorkflowTask(execution: Execution, attempt = 1): void {
    if (!execution.running || execution.workflowTask.phase !== 'none') return;
    const token = randomUUID();
    execution.workflowTask = {
      phase: 'scheduled',
      scheduledEventId: 0,
      startedEventId: 0,
      attempt,
      scheduledAt: this.now(),
      startedAt: 0,
      token,
    };
    if (attempt === 1) this.writeWorkflowTaskScheduled(execution);
    this.busy(1);
    this.workflowQueue(execution.namespace, execution.taskQueue).offer({
      kind: 'workflow',
      execution,
      token,
    });
  }

  /** Turns a matched queue item into a poll response, or undefined when it went stale while queued. */
  startWorkflowTask(item: WorkflowQueueItem, identity: string): Proto | undefined {
    const { execution } = item;
    if (item.kind === 'query') return this.startQueryTask(item);
    const task = execution.workflowTask;
    if (task.token !== item.token || task.phase !== 'scheduled' || !execution.running) return undefined;
    const now = this.now();
    task.phase = 'started';
    task.startedAt = now;
    let events = execution.history;
    if (task.scheduledEventId === 0) {
      // Transient attempt: the scheduled/started pair goes to the worker but into history only on completion.
      const scheduledId = execution.nextEventId;
      events = [
        ...execution.history,
        makeEvent(scheduledId, task.scheduledAt, 'WORKFLOW_TASK_SCHEDULED', {
          taskQueue: { name: execution.taskQueue, kind: NORMAL_QUEUE },
          startToCloseTimeout: toDuration(this.workflowTaskTimeoutMs(execution.startRequest)),
          attempt: task.attempt,
        }),
        makeEvent(scheduledId + 1, now, 'WORKFLOW_TASK_STARTED', {
          scheduledEventId: String(scheduledId),
          identity,
          requestId: randomUUID(),
        }),
      ];
      task.startedEventId = scheduledId + 1;
    } else {
      task.startedEventId = execution.append(now, 'WORKFLOW_TASK_STARTED', {
        scheduledEventId: String(task.scheduledEventId),
        identity,
        requestId: randomUUID(),
      });
      // Only what came after the last completed task, as Temporal answers a sticky poll: the worker that completed
      // it continues from its cache, any other fetches the full history (the SDK's cache-miss path). Given the full
      // history for a run it still had cached, the SDK once accepted an update a second time (the fault suite's
      // draft decision: two UpdateAccepted events, then a nondeterminism error on every retry of the task).
      events = execution.history.slice(execution.previousStartedEventId);
    }
    task.cancelTimeout = this.clock.schedule(now + this.workflowTaskTimeoutMs(execution.startRequest), () =>
      this.workflowTaskTimedOut(execution, task.token),
    );
    const messages: Proto[] = [];
    for (const update of execution.updates.values()) {
      if (update.state !== 'admitted') continue;
      update.state = 'sent';
      messages.push({
        id: update.requestMessageId,
        protocolInstanceId: update.updateId,
        eventId: String(task.startedEventId - 1),
        body: packRequest(update.request),
      });
    }
    return {
      taskToken: encodeToken({
        kind: 'workflow',
        namespace: execution.namespace,
        workflowId: execution.workflowId,
        runId: execution.runId,
        id: task.token,
      }),
      workflowExecution: { workflowId: execution.workflowId, runId: execution.runId },
      workflowType: { name: execution.workflowType },
      previousStartedEventId: String(execution.previousStartedEventId),
      startedEventId: String(task.startedEventId),
      attempt: task.attempt,
      history: { events },
      workflowExecutionTaskQueue: { name: execution.taskQueue, kind: NORMAL_QUEUE },
      scheduledTime: toTimestamp(task.scheduledAt),
      startedTime: toTimestamp(now),
      messages,
    };
  }

  private currentWorkflowTask(token: TaskToken): Execution {
    const execution = this.fromToken(token);
    const task = execution.workflowTask;
    if (task.phase !== 'started' || task.token !== token.id || !execution.running) {
      throw notFound('Workflow task not found.');
    }
    return execution;
  }

  /** Ends the started task without completing it (failure or timeout) and schedules a transient retry. */
  private abandonWorkflowTask(execution: Execution, eventType: string, attributes: Proto): void {
    const task = execution.workflowTask;
    task.cancelTimeout?.();
    if (task.scheduledEventId !== 0) {
      // Only the first failed attempt is written; retries stay transient until one completes (Temporal's rule).
      execution.append(this.now(), eventType, {
        scheduledEventId: String(task.scheduledEventId),
        startedEventId: String(task.startedEventId),
        ...attributes,
      });
    }
    const attempt = task.attempt + 1;
    execution.workflowTask = { ...task, phase: 'none' };
    this.busy(-1);
    this.flushBuffered(execution);
    for (const update of execution.updates.values()) if (update.state === 'sent') update.state = 'admitted';
    if (execution.workflowTask.phase === 'none') this.scheduleWorkflowTask(execution, attempt);
    this.dispatchQueries(execution);
  }

  private workflowTaskTimedOut(execution: Execution, token: string): void {
    const task = execution.workflowTask;
    if (task.phase !== 'started' || task.token !== token || !execution.running) return;
    this.abandonWorkflowTask(execution, 'WORKFLOW_TASK_TIMED_OUT', {
      timeoutType: 'TIMEOUT_TYPE_START_TO_CLOSE',
    });
  }

  failWorkflowTask(request: Proto): void {
    const execution = this.currentWorkflowTask(decodeToken(request.taskToken));
    this.abandonWorkflowTask(execution, 'WORKFLOW_TASK_FAILED', {
      cause: request.cause ?? 'WORKFLOW_TASK_FAILED_CAUSE_UNSPECIFIED',
      failure: request.failure,
      identity: request.identity ?? '',
    });
  }

  /** Writes what arrived during the task; if anything did, the workflow needs another task. */
  private flushBuffered(execution: Execution): void {
    const buffered = execution.buffered.splice(0);
    for (const write of buffered) write();
    if (buffered.length > 0 && execution.running) this.scheduleWorkflowTask(execution);
  }

  completeWorkflowTask(request: Proto): Proto {
    const execution = this.currentWorkflowTask(decodeToken(request.taskToken));
    const task = execution.workflowTask;
    const commands: Proto[] = request.commands ?? [];
    const closes = commands.some((command) => CLOSING_COMMANDS.has(command.commandType));
    if (closes && execution.buffered.length > 0) {
      // Temporal refuses to close a run that has unseen events: fail the task so the workflow sees them first.
      this.abandonWorkflowTask(execution, 'WORKFLOW_TASK_FAILED', {
        cause: 'WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND',
        identity: request.identity ?? '',
      });
      return {};
    }
    task.cancelTimeout?.();
    const now = this.now();
    if (task.scheduledEventId === 0) {
      // The transient attempt completed: its scheduled/started events become real.
      task.scheduledEventId = execution.append(task.scheduledAt, 'WORKFLOW_TASK_SCHEDULED', {
        taskQueue: { name: execution.taskQueue, kind: NORMAL_QUEUE },
        startToCloseTimeout: toDuration(this.workflowTaskTimeoutMs(execution.startRequest)),
        attempt: task.attempt,
      });
      task.startedEventId = execution.append(task.startedAt, 'WORKFLOW_TASK_STARTED', {
        scheduledEventId: String(task.scheduledEventId),
        identity: request.identity ?? '',
        requestId: randomUUID(),
      });
    }
    const completedEventId = execution.append(now, 'WORKFLOW_TASK_COMPLETED', {
      scheduledEventId: String(task.scheduledEventId),
      startedEventId: String(task.startedEventId),
      identity: request.identity ?? '',
      sdkMetadata: request.sdkMetadata,
      meteringMetadata: request.meteringMetadata,
      workerVersion: request.workerVersionStamp,
    });
    execution.previousStartedEventId = task.startedEventId;
    const afterTask: Array<() => void> = [];
    const messages = new Map<string, Proto>(
      (request.messages ?? []).map((message: Proto) => [message.id, message]),
    );
    const handledMessages = new Set<string>();
    for (const command of commands) {
      if (!execution.running) break;
      if (command.commandType === 'COMMAND_TYPE_PROTOCOL_MESSAGE') {
        const id = command.protocolMessageCommandAttributes?.messageId;
        const message = messages.get(id);
        if (message) {
          handledMessages.add(id);
          this.applyUpdateMessage(execution, message, task.startedEventId - 1);
        }
        continue;
      }
      this.applyCommand(execution, command, completedEventId, afterTask);
    }
    // Messages not tied to a command (rejections) carry no history.
    for (const [id, message] of messages) {
      if (!handledMessages.has(id)) this.applyUpdateMessage(execution, message, task.startedEventId - 1);
    }
    if (execution.workflowTask.phase === 'started') {
      execution.workflowTask = { ...task, phase: 'none' };
      this.busy(-1);
    }
    if (execution.running) {
      this.flushBuffered(execution);
      for (const update of execution.updates.values()) if (update.state === 'sent') update.state = 'admitted';
      const pendingUpdates = [...execution.updates.values()].some((update) => update.state === 'admitted');
      if (request.forceCreateNewWorkflowTask || pendingUpdates) this.scheduleWorkflowTask(execution);
    } else {
      execution.buffered = [];
    }
    for (const action of afterTask) action();
    this.dispatchQueries(execution);
    return {};
  }

  // ---------------------------------------------------------------- commands

  private applyCommand(
    execution: Execution,
    command: Proto,
    completedEventId: number,
    afterTask: Array<() => void>,
  ): void {
    const now = this.now();
    const wftId = String(completedEventId);
    switch (command.commandType) {
      case 'COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK':
        return this.scheduleActivity(execution, command.scheduleActivityTaskCommandAttributes, wftId);
      case 'COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK':
        return this.requestCancelActivity(
          execution,
          command.requestCancelActivityTaskCommandAttributes,
          wftId,
        );
      case 'COMMAND_TYPE_START_TIMER': {
        const attributes = command.startTimerCommandAttributes;
        const timerId = String(attributes.timerId);
        const startedEventId = execution.append(now, 'TIMER_STARTED', {
          timerId,
          startToFireTimeout: attributes.startToFireTimeout,
          workflowTaskCompletedEventId: wftId,
        });
        const cancel = this.clock.schedule(now + (durationMs(attributes.startToFireTimeout) ?? 0), () => {
          execution.timers.delete(timerId);
          this.deliver(execution, () =>
            execution.append(this.now(), 'TIMER_FIRED', { timerId, startedEventId: String(startedEventId) }),
          );
        });
        execution.timers.set(timerId, { startedEventId, cancel });
        return;
      }
      case 'COMMAND_TYPE_CANCEL_TIMER': {
        const timerId = String(command.cancelTimerCommandAttributes.timerId);
        const timer = execution.timers.get(timerId);
        if (!timer) return;
        timer.cancel();
        execution.timers.delete(timerId);
        execution.append(now, 'TIMER_CANCELED', {
          timerId,
          startedEventId: String(timer.startedEventId),
          workflowTaskCompletedEventId: wftId,
          identity: '',
        });
        return;
      }
      case 'COMMAND_TYPE_RECORD_MARKER':
        execution.append(now, 'MARKER_RECORDED', {
          ...command.recordMarkerCommandAttributes,
          workflowTaskCompletedEventId: wftId,
        });
        return;
      case 'COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES': {
        const searchAttributes = command.upsertWorkflowSearchAttributesCommandAttributes.searchAttributes;
        this.upsertSearchAttributes(execution, searchAttributes);
        execution.append(now, 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES', {
          searchAttributes,
          workflowTaskCompletedEventId: wftId,
        });
        return;
      }
      case 'COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES': {
        const upsertedMemo = command.modifyWorkflowPropertiesCommandAttributes.upsertedMemo;
        execution.memo = { ...execution.memo, ...(upsertedMemo?.fields ?? {}) };
        execution.append(now, 'WORKFLOW_PROPERTIES_MODIFIED', {
          upsertedMemo,
          workflowTaskCompletedEventId: wftId,
        });
        return;
      }
      case 'COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION':
        execution.append(now, 'WORKFLOW_EXECUTION_COMPLETED', {
          result: command.completeWorkflowExecutionCommandAttributes?.result,
          workflowTaskCompletedEventId: wftId,
        });
        return this.close(execution, 'Completed', afterTask);
      case 'COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION':
        execution.append(now, 'WORKFLOW_EXECUTION_FAILED', {
          failure: command.failWorkflowExecutionCommandAttributes?.failure,
          retryState: 'RETRY_STATE_RETRY_POLICY_NOT_SET',
          workflowTaskCompletedEventId: wftId,
        });
        return this.close(execution, 'Failed', afterTask);
      case 'COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION':
        execution.append(now, 'WORKFLOW_EXECUTION_CANCELED', {
          details: command.cancelWorkflowExecutionCommandAttributes?.details,
          workflowTaskCompletedEventId: wftId,
        });
        return this.close(execution, 'Canceled', afterTask);
      case 'COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION':
        return this.continueAsNew(
          execution,
          command.continueAsNewWorkflowExecutionCommandAttributes,
          wftId,
          afterTask,
        );
      case 'COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION':
        return this.initiateChild(
          execution,
          command.startChildWorkflowExecutionCommandAttributes,
          wftId,
          afterTask,
        );
      case 'COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION':
        return this.signalExternal(
          execution,
          command.signalExternalWorkflowExecutionCommandAttributes,
          wftId,
          afterTask,
        );
      case 'COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION':
        return this.cancelExternal(
          execution,
          command.requestCancelExternalWorkflowExecutionCommandAttributes,
          wftId,
          afterTask,
        );
      default:
        throw invalidArgument(`unsupported command ${command.commandType}`);
    }
  }

  // ---------------------------------------------------------------- activities

  private scheduleActivity(execution: Execution, attributes: Proto, wftId: string): void {
    const now = this.now();
    const taskQueue = String(attributes.taskQueue?.name || execution.taskQueue);
    const runTimeout = durationMs(execution.startRequest.workflowRunTimeout);
    const startToClose = durationMs(attributes.startToCloseTimeout);
    const scheduleToClose = durationMs(attributes.scheduleToCloseTimeout) ?? runTimeout;
    const { requestEagerExecution: _eager, ...requested } = attributes;
    const normalized = {
      ...requested,
      taskQueue: { name: taskQueue, kind: NORMAL_QUEUE },
      scheduleToCloseTimeout: toDuration(scheduleToClose),
      scheduleToStartTimeout: toDuration(durationMs(attributes.scheduleToStartTimeout) ?? scheduleToClose),
      startToCloseTimeout: toDuration(startToClose ?? scheduleToClose),
      heartbeatTimeout: toDuration(durationMs(attributes.heartbeatTimeout)),
      retryPolicy: {
        initialInterval: toDuration(durationMs(attributes.retryPolicy?.initialInterval) ?? 1_000),
        backoffCoefficient: Number(attributes.retryPolicy?.backoffCoefficient) || 2,
        maximumInterval: toDuration(
          durationMs(attributes.retryPolicy?.maximumInterval) ??
            100 * (durationMs(attributes.retryPolicy?.initialInterval) ?? 1_000),
        ),
        maximumAttempts: Number(attributes.retryPolicy?.maximumAttempts ?? 0),
        nonRetryableErrorTypes: attributes.retryPolicy?.nonRetryableErrorTypes ?? [],
      },
    };
    const scheduledEventId = execution.append(now, 'ACTIVITY_TASK_SCHEDULED', {
      ...normalized,
      workflowTaskCompletedEventId: wftId,
    });
    const activity: ActivityState = {
      scheduledEventId,
      activityId: String(attributes.activityId),
      attributes: normalized,
      taskQueue,
      attempt: 1,
      phase: 'scheduled',
      token: '',
      firstScheduledAt: now,
      currentScheduledAt: now,
      startedAt: 0,
      identity: '',
      cancelRequested: false,
      timers: [],
    };
    execution.activities.set(scheduledEventId, activity);
    if (scheduleToClose !== undefined) {
      activity.scheduleToCloseTimer = this.clock.schedule(now + scheduleToClose, () =>
        this.activityTimedOut(execution, activity, activity.token, 'TIMEOUT_TYPE_SCHEDULE_TO_CLOSE'),
      );
    }
    this.offerActivity(execution, activity);
  }

  private offerActivity(execution: Execution, activity: ActivityState): void {
    activity.phase = 'scheduled';
    activity.token = randomUUID();
    activity.currentScheduledAt = this.now();
    this.busy(1);
    this.activityQueue(execution.namespace, activity.taskQueue).offer({
      execution,
      activity,
      token: activity.token,
    });
  }

  startActivityTask(item: ActivityQueueItem, identity: string): Proto | undefined {
    const { execution, activity } = item;
    if (activity.token !== item.token || activity.phase !== 'scheduled' || !execution.running)
      return undefined;
    const now = this.now();
    activity.phase = 'started';
    activity.startedAt = now;
    activity.identity = identity;
    const attributes = activity.attributes;
    const startToClose = durationMs(attributes.startToCloseTimeout);
    if (startToClose !== undefined) {
      activity.timers.push(
        this.clock.schedule(now + startToClose, () =>
          this.activityTimedOut(execution, activity, item.token, 'TIMEOUT_TYPE_START_TO_CLOSE'),
        ),
      );
    }
    this.armHeartbeatTimeout(execution, activity);
    return {
      taskToken: encodeToken({
        kind: 'activity',
        namespace: execution.namespace,
        workflowId: execution.workflowId,
        runId: execution.runId,
        id: activity.token,
        scheduledEventId: activity.scheduledEventId,
        attempt: activity.attempt,
      }),
      workflowNamespace: execution.namespace,
      workflowType: { name: execution.workflowType },
      workflowExecution: { workflowId: execution.workflowId, runId: execution.runId },
      activityType: attributes.activityType,
      activityId: activity.activityId,
      header: attributes.header,
      input: attributes.input,
      heartbeatDetails: activity.heartbeatDetails,
      scheduledTime: toTimestamp(activity.firstScheduledAt),
      currentAttemptScheduledTime: toTimestamp(activity.currentScheduledAt),
      startedTime: toTimestamp(now),
      attempt: activity.attempt,
      scheduleToCloseTimeout: attributes.scheduleToCloseTimeout,
      startToCloseTimeout: attributes.startToCloseTimeout,
      heartbeatTimeout: attributes.heartbeatTimeout,
      retryPolicy: attributes.retryPolicy,
    };
  }

  private armHeartbeatTimeout(execution: Execution, activity: ActivityState): void {
    const heartbeat = durationMs(activity.attributes.heartbeatTimeout);
    if (heartbeat === undefined) return;
    const token = activity.token;
    activity.heartbeatTimer?.();
    activity.heartbeatTimer = this.clock.schedule(this.now() + heartbeat, () =>
      this.activityTimedOut(execution, activity, token, 'TIMEOUT_TYPE_HEARTBEAT'),
    );
  }

  private startedActivity(raw: Buffer | Uint8Array | undefined): {
    execution: Execution;
    activity: ActivityState;
  } {
    const token = decodeToken(raw);
    const execution = this.fromToken(token);
    const activity = execution.activities.get(Number(token.scheduledEventId));
    if (!activity || activity.token !== token.id || activity.phase !== 'started' || !execution.running) {
      throw notFound('activity task not found');
    }
    return { execution, activity };
  }

  heartbeat(request: Proto): Proto {
    const { execution, activity } = this.startedActivity(request.taskToken);
    activity.heartbeatDetails = request.details;
    this.armHeartbeatTimeout(execution, activity);
    return { cancelRequested: activity.cancelRequested };
  }

  private endAttempt(activity: ActivityState): void {
    for (const cancel of activity.timers.splice(0)) cancel();
    activity.heartbeatTimer?.();
    activity.heartbeatTimer = undefined;
    if (activity.phase !== 'backoff') this.busy(-1);
  }

  private finishActivity(
    execution: Execution,
    activity: ActivityState,
    write: (startedEventId: number) => void,
  ): void {
    activity.scheduleToCloseTimer?.();
    execution.activities.delete(activity.scheduledEventId);
    activity.token = '';
    this.deliver(execution, () => {
      const startedEventId = activity.startedAt
        ? execution.append(this.now(), 'ACTIVITY_TASK_STARTED', {
            scheduledEventId: String(activity.scheduledEventId),
            identity: activity.identity,
            requestId: randomUUID(),
            attempt: activity.attempt,
            lastFailure: activity.lastFailure,
          })
        : 0;
      write(startedEventId);
    });
  }

  completeActivity(request: Proto): void {
    const { execution, activity } = this.startedActivity(request.taskToken);
    this.endAttempt(activity);
    this.finishActivity(execution, activity, (startedEventId) =>
      execution.append(this.now(), 'ACTIVITY_TASK_COMPLETED', {
        result: request.result,
        scheduledEventId: String(activity.scheduledEventId),
        startedEventId: String(startedEventId),
        identity: request.identity ?? '',
      }),
    );
  }

  failActivity(request: Proto): void {
    const { execution, activity } = this.startedActivity(request.taskToken);
    this.endAttempt(activity);
    this.retryOrFinish(
      execution,
      activity,
      request.failure ?? { message: 'activity failed' },
      (startedEventId, retryState) =>
        execution.append(this.now(), 'ACTIVITY_TASK_FAILED', {
          failure: request.failure,
          scheduledEventId: String(activity.scheduledEventId),
          startedEventId: String(startedEventId),
          identity: request.identity ?? '',
          retryState,
        }),
    );
  }

  cancelActivity(request: Proto): void {
    const { execution, activity } = this.startedActivity(request.taskToken);
    this.endAttempt(activity);
    this.finishActivity(execution, activity, (startedEventId) =>
      execution.append(this.now(), 'ACTIVITY_TASK_CANCELED', {
        details: request.details,
        latestCancelRequestedEventId: String(activity.cancelRequestedEventId ?? 0),
        scheduledEventId: String(activity.scheduledEventId),
        startedEventId: String(startedEventId),
        identity: request.identity ?? '',
      }),
    );
  }

  private retryOrFinish(
    execution: Execution,
    activity: ActivityState,
    failure: Proto,
    write: (startedEventId: number, retryState: string) => void,
  ): void {
    const scheduleToClose = durationMs(activity.attributes.scheduleToCloseTimeout);
    const decision = decideRetry(
      activity.attributes.retryPolicy,
      activity.attempt,
      failure,
      this.now() - activity.firstScheduledAt,
      scheduleToClose,
    );
    if (!decision.retry || activity.cancelRequested) {
      this.finishActivity(execution, activity, (startedEventId) =>
        write(startedEventId, decision.retryState),
      );
      return;
    }
    // Retries write nothing: the next attempt starts after the backoff on the server clock.
    activity.lastFailure = failure;
    activity.attempt += 1;
    activity.phase = 'backoff';
    activity.token = randomUUID();
    activity.timers.push(
      this.clock.schedule(this.now() + decision.backoffMs, () => {
        activity.timers.splice(0);
        this.offerActivity(execution, activity);
      }),
    );
  }

  private activityTimedOut(
    execution: Execution,
    activity: ActivityState,
    token: string,
    timeoutType: string,
  ): void {
    if (!execution.running || !execution.activities.has(activity.scheduledEventId)) return;
    const scheduleToClose = timeoutType === 'TIMEOUT_TYPE_SCHEDULE_TO_CLOSE';
    if (!scheduleToClose && activity.token !== token) return;
    const failure = {
      message: `activity ${timeoutType.replace('TIMEOUT_TYPE_', '').replace(/_/g, '').toLowerCase()} timeout`,
      source: 'Server',
      timeoutFailureInfo: { timeoutType, lastHeartbeatDetails: activity.heartbeatDetails },
    };
    this.endAttempt(activity);
    const writeTimedOut = (startedEventId: number, retryState: string) =>
      execution.append(this.now(), 'ACTIVITY_TASK_TIMED_OUT', {
        failure:
          activity.lastFailure && !activity.startedAt ? { ...failure, cause: activity.lastFailure } : failure,
        scheduledEventId: String(activity.scheduledEventId),
        startedEventId: String(startedEventId),
        retryState,
      });
    if (scheduleToClose || timeoutType === 'TIMEOUT_TYPE_SCHEDULE_TO_START') {
      this.finishActivity(execution, activity, (startedEventId) =>
        writeTimedOut(startedEventId, 'RETRY_STATE_TIMEOUT'),
      );
      return;
    }
    this.retryOrFinish(execution, activity, failure, writeTimedOut);
  }

  private requestCancelActivity(execution: Execution, attributes: Proto, wftId: string): void {
    const scheduledEventId = Number(attributes.scheduledEventId);
    const activity = execution.activities.get(scheduledEventId);
    const cancelRequestedEventId = execution.append(this.now(), 'ACTIVITY_TASK_CANCEL_REQUESTED', {
      scheduledEventId: String(scheduledEventId),
      workflowTaskCompletedEventId: wftId,
    });
    if (!activity) return;
    activity.cancelRequested = true;
    activity.cancelRequestedEventId = cancelRequestedEventId;
    if (activity.phase === 'started') return;
    // Not running on a worker: cancelled at once.
    this.endAttempt(activity);
    activity.scheduleToCloseTimer?.();
    execution.activities.delete(scheduledEventId);
    activity.token = '';
    activity.startedAt = 0;
    this.deliver(execution, () =>
      execution.append(this.now(), 'ACTIVITY_TASK_CANCELED', {
        latestCancelRequestedEventId: String(cancelRequestedEventId),
        scheduledEventId: String(scheduledEventId),
        startedEventId: '0',
        identity: '',
      }),
    );
  }

  // ---------------------------------------------------------------- closing

  private close(execution: Execution, status: Execution['status'], afterTask: Array<() => void>): void {
    execution.status = status;
    execution.closeTime = this.now();
    this.releaseRun(execution);
    afterTask.push(() => this.afterClose(execution));
  }

  /** Stops everything the closed run had in flight. */
  private releaseRun(execution: Execution): void {
    for (const cancel of execution.timeoutTimers.splice(0)) cancel();
    for (const timer of execution.timers.values()) timer.cancel();
    execution.timers.clear();
    for (const activity of execution.activities.values()) {
      activity.scheduleToCloseTimer?.();
      this.endAttempt(activity);
      activity.token = '';
    }
    execution.activities.clear();
    if (execution.workflowTask.phase !== 'none') {
      execution.workflowTask.cancelTimeout?.();
      execution.workflowTask = { ...execution.workflowTask, phase: 'none', token: '' };
      this.busy(-1);
    }
    for (const wake of execution.waiters.splice(0)) wake();
  }

  /** Tells the parent, applies the parent-close policy to children, and fails pending updates. */
  private afterClose(execution: Execution): void {
    for (const update of execution.updates.values()) {
      if (update.state !== 'completed') {
        update.state = 'completed';
        update.outcome = {
          failure: { message: 'workflow execution already completed', applicationFailureInfo: {} },
        };
        for (const wake of update.waiters.splice(0)) wake();
      }
    }
    this.dispatchQueries(execution);
    for (const child of execution.children.values()) {
      const run = child.runId ? this.byRunId.get(child.runId) : undefined;
      if (!run?.running) continue;
      if (child.parentClosePolicy === 'PARENT_CLOSE_POLICY_ABANDON') continue;
      if (child.parentClosePolicy === 'PARENT_CLOSE_POLICY_REQUEST_CANCEL')
        this.requestCancel(run, 'parent closed');
      else this.terminate(run, 'by parent close policy', undefined, 'server');
    }
    this.notifyParent(execution);
    this.clock.poke();
  }

  private notifyParent(execution: Execution): void {
    if (!execution.parent || execution.status === 'ContinuedAsNew') return;
    const parent = this.byRunId.get(execution.parent.runId);
    const child = parent?.children.get(execution.parent.initiatedEventId);
    if (!parent || !child) return;
    const last = execution.history[execution.history.length - 1];
    const base = {
      namespace: execution.namespace,
      workflowExecution: { workflowId: execution.workflowId, runId: execution.runId },
      workflowType: { name: execution.workflowType },
      initiatedEventId: String(execution.parent.initiatedEventId),
      startedEventId: String(child.startedEventId ?? 0),
    };
    const [eventType, attributes] = ((): [string, Proto] => {
      switch (execution.status) {
        case 'Completed':
          return [
            'CHILD_WORKFLOW_EXECUTION_COMPLETED',
            { result: last.workflowExecutionCompletedEventAttributes?.result },
          ];
        case 'Failed':
          return [
            'CHILD_WORKFLOW_EXECUTION_FAILED',
            {
              failure: last.workflowExecutionFailedEventAttributes?.failure,
              retryState: 'RETRY_STATE_RETRY_POLICY_NOT_SET',
            },
          ];
        case 'Canceled':
          return [
            'CHILD_WORKFLOW_EXECUTION_CANCELED',
            { details: last.workflowExecutionCanceledEventAttributes?.details },
          ];
        case 'TimedOut':
          return ['CHILD_WORKFLOW_EXECUTION_TIMED_OUT', { retryState: 'RETRY_STATE_TIMEOUT' }];
        default:
          return ['CHILD_WORKFLOW_EXECUTION_TERMINATED', {}];
      }
    })();
    parent.children.delete(execution.parent.initiatedEventId);
    this.deliver(parent, () => parent.append(this.now(), eventType, { ...base, ...attributes }));
  }

  terminate(execution: Execution, reason: string, details: Proto | undefined, identity: string): void {
    if (!execution.running) throw notFound('workflow execution already completed');
    this.closeFromOutside(execution, 'Terminated', 'WORKFLOW_EXECUTION_TERMINATED', {
      reason,
      details,
      identity,
    });
  }

  private timeOut(execution: Execution): void {
    if (!execution.running) return;
    this.closeFromOutside(execution, 'TimedOut', 'WORKFLOW_EXECUTION_TIMED_OUT', {
      retryState: 'RETRY_STATE_TIMEOUT',
    });
  }

  /** Closes a run without its worker (terminate, timeout): an in-flight workflow task is dropped, as Temporal does. */
  private closeFromOutside(
    execution: Execution,
    status: Execution['status'],
    eventType: string,
    attributes: Proto,
  ): void {
    const task = execution.workflowTask;
    const now = this.now();
    if (task.phase === 'started' && task.scheduledEventId !== 0) {
      execution.append(now, 'WORKFLOW_TASK_FAILED', {
        scheduledEventId: String(task.scheduledEventId),
        startedEventId: String(task.startedEventId),
        cause: 'WORKFLOW_TASK_FAILED_CAUSE_FORCE_CLOSE_COMMAND',
      });
    }
    execution.buffered = [];
    execution.append(now, eventType, attributes);
    execution.status = status;
    execution.closeTime = now;
    this.releaseRun(execution);
    this.afterClose(execution);
  }

  // ---------------------------------------------------------------- continue-as-new and children

  private continueAsNew(
    execution: Execution,
    attributes: Proto,
    wftId: string,
    afterTask: Array<() => void>,
  ): void {
    const previous = execution.startRequest;
    const request: Proto = {
      namespace: execution.namespace,
      workflowId: execution.workflowId,
      workflowType: attributes.workflowType?.name
        ? attributes.workflowType
        : { name: execution.workflowType },
      taskQueue: attributes.taskQueue?.name ? attributes.taskQueue : { name: execution.taskQueue },
      input: attributes.input,
      workflowRunTimeout: attributes.workflowRunTimeout ?? previous.workflowRunTimeout,
      workflowTaskTimeout: attributes.workflowTaskTimeout ?? previous.workflowTaskTimeout,
      workflowExecutionTimeout: previous.workflowExecutionTimeout,
      header: attributes.header,
      memo: attributes.memo ?? previous.memo,
      searchAttributes: attributes.searchAttributes ?? execution.searchAttributesProto(),
      retryPolicy: attributes.retryPolicy,
      identity: previous.identity,
      requestId: randomUUID(),
    };
    const nextRunId = randomUUID();
    execution.append(this.now(), 'WORKFLOW_EXECUTION_CONTINUED_AS_NEW', {
      newExecutionRunId: nextRunId,
      workflowType: request.workflowType,
      taskQueue: { name: request.taskQueue.name, kind: NORMAL_QUEUE },
      input: attributes.input,
      workflowRunTimeout: toDuration(durationMs(request.workflowRunTimeout)),
      workflowTaskTimeout: toDuration(this.workflowTaskTimeoutMs(request)),
      workflowTaskCompletedEventId: wftId,
      header: attributes.header,
      memo: request.memo,
      searchAttributes: request.searchAttributes,
      initiator: 'CONTINUE_AS_NEW_INITIATOR_WORKFLOW',
    });
    this.close(execution, 'ContinuedAsNew', afterTask);
    afterTask.unshift(() => this.start(request, { continuedFrom: execution, runId: nextRunId }));
  }

  private initiateChild(
    execution: Execution,
    attributes: Proto,
    wftId: string,
    afterTask: Array<() => void>,
  ): void {
    const namespace = String(attributes.namespace || execution.namespace);
    const taskQueue = attributes.taskQueue?.name ? String(attributes.taskQueue.name) : execution.taskQueue;
    const parentClosePolicy = String(attributes.parentClosePolicy || 'PARENT_CLOSE_POLICY_TERMINATE');
    const initiatedEventId = execution.append(this.now(), 'START_CHILD_WORKFLOW_EXECUTION_INITIATED', {
      ...attributes,
      namespace,
      taskQueue: { name: taskQueue, kind: NORMAL_QUEUE },
      parentClosePolicy,
      workflowTaskCompletedEventId: wftId,
    });
    const child = {
      namespace,
      workflowId: String(attributes.workflowId),
      workflowType: String(attributes.workflowType?.name),
      parentClosePolicy,
    };
    execution.children.set(initiatedEventId, child);
    afterTask.push(() => {
      if (!execution.running) return;
      try {
        const { execution: run } = this.start(
          {
            ...attributes,
            namespace,
            taskQueue: { name: taskQueue },
            requestId: randomUUID(),
            workflowIdConflictPolicy: 'WORKFLOW_ID_CONFLICT_POLICY_FAIL',
          },
          {
            parent: {
              namespace: execution.namespace,
              workflowId: execution.workflowId,
              runId: execution.runId,
              initiatedEventId,
            },
          },
        );
        this.deliver(execution, () => {
          const current = execution.children.get(initiatedEventId);
          const startedEventId = execution.append(this.now(), 'CHILD_WORKFLOW_EXECUTION_STARTED', {
            namespace,
            initiatedEventId: String(initiatedEventId),
            workflowExecution: { workflowId: run.workflowId, runId: run.runId },
            workflowType: attributes.workflowType,
            header: attributes.header,
          });
          if (current) {
            current.runId = run.runId;
            current.startedEventId = startedEventId;
          }
        });
        // The child may already have closed before the parent saw it start; keep the run id for the parent.
        const current = execution.children.get(initiatedEventId);
        if (current) current.runId = run.runId;
      } catch (error) {
        if (!(error instanceof RpcError)) throw error;
        execution.children.delete(initiatedEventId);
        this.deliver(execution, () =>
          execution.append(this.now(), 'START_CHILD_WORKFLOW_EXECUTION_FAILED', {
            namespace,
            workflowId: child.workflowId,
            workflowType: attributes.workflowType,
            cause: 'START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_WORKFLOW_ALREADY_EXISTS',
            initiatedEventId: String(initiatedEventId),
            workflowTaskCompletedEventId: wftId,
          }),
        );
      }
    });
  }

  private externalTarget(
    namespace: string,
    target: Proto,
    childOnly: boolean,
    source: Execution,
  ): Execution | undefined {
    try {
      const run = this.find(namespace, target);
      if (!run.running) return undefined;
      if (childOnly && run.parent?.runId !== source.runId) return undefined;
      return run;
    } catch {
      return undefined;
    }
  }

  private signalExternal(
    execution: Execution,
    attributes: Proto,
    wftId: string,
    afterTask: Array<() => void>,
  ): void {
    const namespace = String(attributes.namespace || execution.namespace);
    const initiatedEventId = execution.append(this.now(), 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED', {
      ...attributes,
      namespace,
      workflowTaskCompletedEventId: wftId,
    });
    afterTask.push(() => {
      const target = this.externalTarget(
        namespace,
        attributes.execution,
        Boolean(attributes.childWorkflowOnly),
        execution,
      );
      if (target) {
        this.signal(target, {
          signalName: attributes.signalName,
          input: attributes.input,
          header: attributes.header,
          identity: '',
          externalWorkflowExecution: { workflowId: execution.workflowId, runId: execution.runId },
        });
      }
      this.deliver(execution, () =>
        target
          ? execution.append(this.now(), 'EXTERNAL_WORKFLOW_EXECUTION_SIGNALED', {
              initiatedEventId: String(initiatedEventId),
              namespace,
              workflowExecution: attributes.execution,
              control: attributes.control,
            })
          : execution.append(this.now(), 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED', {
              cause: 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND',
              initiatedEventId: String(initiatedEventId),
              namespace,
              workflowExecution: attributes.execution,
              control: attributes.control,
              workflowTaskCompletedEventId: wftId,
            }),
      );
    });
  }

  private cancelExternal(
    execution: Execution,
    attributes: Proto,
    wftId: string,
    afterTask: Array<() => void>,
  ): void {
    const namespace = String(attributes.namespace || execution.namespace);
    const initiatedEventId = execution.append(
      this.now(),
      'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED',
      {
        namespace,
        workflowExecution: attributes.execution,
        childWorkflowOnly: attributes.childWorkflowOnly,
        reason: attributes.reason,
        workflowTaskCompletedEventId: wftId,
      },
    );
    afterTask.push(() => {
      const target = this.externalTarget(
        namespace,
        attributes.execution,
        Boolean(attributes.childWorkflowOnly),
        execution,
      );
      if (target)
        this.requestCancel(
          target,
          attributes.reason ?? '',
          { workflowId: execution.workflowId, runId: execution.runId },
          initiatedEventId,
        );
      this.deliver(execution, () =>
        target
          ? execution.append(this.now(), 'EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED', {
              initiatedEventId: String(initiatedEventId),
              namespace,
              workflowExecution: attributes.execution,
            })
          : execution.append(this.now(), 'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED', {
              cause: 'CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND',
              initiatedEventId: String(initiatedEventId),
              namespace,
              workflowExecution: attributes.execution,
              workflowTaskCompletedEventId: wftId,
            }),
      );
    });
  }

  // ---------------------------------------------------------------- signals, cancels, queries, updates

  signal(execution: Execution, attributes: Proto): void {
    if (!execution.running) throw notFound('workflow execution already completed');
    this.deliver(execution, () => execution.append(this.now(), 'WORKFLOW_EXECUTION_SIGNALED', attributes));
  }

  requestCancel(
    execution: Execution,
    reason: string,
    external?: Proto,
    externalInitiatedEventId?: number,
  ): void {
    if (!execution.running) throw notFound('workflow execution already completed');
    if (execution.cancelRequested) return;
    execution.cancelRequested = true;
    this.deliver(execution, () =>
      execution.append(this.now(), 'WORKFLOW_EXECUTION_CANCEL_REQUESTED', {
        cause: reason,
        identity: '',
        ...(external
          ? {
              externalWorkflowExecution: external,
              externalInitiatedEventId: String(externalInitiatedEventId ?? 0),
            }
          : {}),
      }),
    );
  }

  query(execution: Execution, query: Proto): Promise<{ result?: Proto; error?: string; failure?: Proto }> {
    if (execution.previousStartedEventId === 0) {
      // No workflow code has run yet, so there is no state to query.
      throw failedPrecondition('workflow task has not completed yet, query cannot be answered');
    }
    return new Promise((settle) => {
      execution.queries.push({ token: randomUUID(), query, dispatched: false, settle });
      this.dispatchQueries(execution);
    });
  }

  /** Sends waiting queries as legacy query tasks when no workflow task is in flight for the run. */
  private dispatchQueries(execution: Execution): void {
    if (execution.workflowTask.phase !== 'none') return;
    if (execution.queries.some((query) => query.dispatched)) return;
    const next = execution.queries[0];
    if (!next) return;
    next.dispatched = true;
    this.busy(1);
    this.workflowQueue(execution.namespace, execution.taskQueue).offer({
      kind: 'query',
      execution,
      token: next.token,
    });
  }

  private startQueryTask(item: WorkflowQueueItem): Proto | undefined {
    const { execution } = item;
    const query = execution.queries.find((candidate) => candidate.token === item.token);
    if (!query) return undefined;
    return {
      taskToken: encodeToken({
        kind: 'query',
        namespace: execution.namespace,
        workflowId: execution.workflowId,
        runId: execution.runId,
        id: query.token,
      }),
      workflowExecution: { workflowId: execution.workflowId, runId: execution.runId },
      workflowType: { name: execution.workflowType },
      history: { events: execution.history },
      query: query.query,
      workflowExecutionTaskQueue: { name: execution.taskQueue, kind: NORMAL_QUEUE },
      startedEventId: String(execution.previousStartedEventId),
      previousStartedEventId: String(execution.previousStartedEventId),
      attempt: 1,
    };
  }

  answerQuery(request: Proto): void {
    const token = decodeToken(request.taskToken);
    const execution = this.fromToken(token);
    const index = execution.queries.findIndex((query) => query.token === token.id);
    if (index < 0) throw notFound('query not found');
    const [query] = execution.queries.splice(index, 1);
    this.busy(-1);
    if (request.completedType === 'QUERY_RESULT_TYPE_ANSWERED') query.settle({ result: request.queryResult });
    else query.settle({ error: request.errorMessage || 'query failed', failure: request.failure });
    if (execution.workflowTask.phase === 'none' && execution.running && execution.buffered.length > 0) {
      this.flushBuffered(execution);
    }
    this.dispatchQueries(execution);
  }

  /** Admits an update (or finds the one with this id) and sends it to the worker with the next workflow task. */
  admitUpdate(execution: Execution, request: Proto): PendingUpdate {
    const updateId = String(request.meta?.updateId || randomUUID());
    const existing = execution.updates.get(updateId);
    if (existing) return existing;
    if (!execution.running) throw notFound('workflow execution already completed');
    const update: PendingUpdate = {
      updateId,
      request: { ...request, meta: { ...request.meta, updateId } },
      requestMessageId: `${updateId}/request`,
      state: 'admitted',
      waiters: [],
    };
    execution.updates.set(updateId, update);
    if (execution.workflowTask.phase === 'none') this.scheduleWorkflowTask(execution);
    return update;
  }

  private applyUpdateMessage(execution: Execution, message: Proto, sequencingEventId: number): void {
    const update = execution.updates.get(String(message.protocolInstanceId));
    if (!update) return;
    const decoded = unpackWorkerMessage(message.body);
    const now = this.now();
    if (decoded.kind === 'Acceptance') {
      update.state = 'accepted';
      update.acceptedEventId = execution.append(now, 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED', {
        protocolInstanceId: update.updateId,
        acceptedRequestMessageId: update.requestMessageId,
        acceptedRequestSequencingEventId: String(sequencingEventId),
        acceptedRequest: update.request,
      });
      for (const wake of update.waiters.splice(0)) wake();
      return;
    }
    if (decoded.kind === 'Rejection') {
      update.state = 'completed';
      update.outcome = { failure: decoded.body.failure };
    } else {
      update.state = 'completed';
      update.outcome = decoded.body.outcome;
      execution.append(now, 'WORKFLOW_EXECUTION_UPDATE_COMPLETED', {
        meta: { updateId: update.updateId, identity: update.request.meta?.identity ?? '' },
        acceptedEventId: String(update.acceptedEventId ?? 0),
        outcome: update.outcome,
      });
    }
    for (const wake of update.waiters.splice(0)) wake();
  }

  /** Waits until the update reaches `stage` (ACCEPTED or COMPLETED) or the wait is abandoned. */
  async waitUpdate(update: PendingUpdate, stage: string, abandoned: Promise<void>): Promise<void> {
    const reached = () =>
      update.state === 'completed' ||
      (stage === 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED' && update.state === 'accepted');
    while (!reached()) {
      const next = new Promise<void>((resolve) => update.waiters.push(resolve));
      if ((await Promise.race([next.then(() => 'next'), abandoned.then(() => 'abandoned')])) === 'abandoned')
        return;
    }
  }

  // ---------------------------------------------------------------- visibility

  list(namespace: string, query: string): Execution[] {
    let filter: (record: ReturnType<Execution['visibility']>) => boolean;
    try {
      filter = compileVisibilityQuery(query);
    } catch (error) {
      if (error instanceof VisibilityQueryError) throw invalidArgument(error.message);
      throw error;
    }
    const matches = [...this.byRunId.values()].filter(
      (execution) => execution.namespace === namespace && filter(execution.visibility()),
    );
    // Newest first, as Temporal's visibility store orders (running first by start time, then close time).
    return matches.sort(
      (a, b) => (b.closeTime ?? Infinity) - (a.closeTime ?? Infinity) || b.startTime - a.startTime,
    );
  }
}

const CLOSING_COMMANDS = new Set([
  'COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION',
  'COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION',
]);
