import * as grpc from '@grpc/grpc-js';
import { type Engine } from './engine';
import { RpcError, notFound } from './errors';
import { type Execution, type Proto } from './execution';
import { type Scheduler } from './schedules/scheduler';
import { describeNamespace, systemInfo } from './system-info';
import { LONG_POLL_MS } from './task-queue';
import { toDuration, toTimestamp } from './time';

type Call = grpc.ServerUnaryCall<Proto, Proto>;
type Handler = (request: Proto, call: Call) => Proto | Promise<Proto>;

const DEFAULT_PAGE_SIZE = 1000;

/** Adapts a promise-returning handler to grpc-js, answering RpcErrors with their status. */
function unary(handler: Handler): grpc.handleUnaryCall<Proto, Proto> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => handler(call.request, call))
      .then(
        (response) => callback(null, response),
        (error: unknown) => {
          if (error instanceof RpcError) callback({ code: error.code, details: error.message });
          else
            callback({
              code: grpc.status.INTERNAL,
              details: error instanceof Error ? error.message : String(error),
            });
        },
      );
  };
}

/** Resolves after `ms`, or earlier when `cut` resolves; never leaves its timer behind. */
async function delay(ms: number, ...cut: Array<Promise<unknown>>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, ms))), ...cut]);
  clearTimeout(timer);
}

/** Resolves when the caller goes away, so long polls and waits end with it. */
function abandoned(call: Call): Promise<void> {
  return new Promise((resolve) => {
    if (call.cancelled) resolve();
    call.on('cancelled', () => resolve());
  });
}

function pageToken(offset: number): Buffer {
  return Buffer.from(String(offset));
}

function fromPageToken(token: Buffer | Uint8Array | undefined): number {
  return token && token.length > 0 ? Number(Buffer.from(token).toString('utf8')) || 0 : 0;
}

function namespaceOf(request: Proto): string {
  return String(request.namespace || 'default');
}

/** The WorkflowService methods the SDK's client and worker call; anything else answers UNIMPLEMENTED. */
export function workflowServiceHandlers(
  engine: Engine,
  scheduler: Scheduler,
): grpc.UntypedServiceImplementation {
  /** Waits until `done()` holds for the run, the caller leaves or the server stops. */
  async function waitFor(
    execution: Execution,
    done: () => boolean,
    call: Call,
    timeoutMs?: number,
  ): Promise<void> {
    const gone = abandoned(call);
    const deadline = Date.now() + (timeoutMs ?? Infinity);
    while (!done() && !engine.stopped && !call.cancelled) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return;
      const changed = execution.changed();
      if (remaining === Infinity) await Promise.race([changed, gone, engine.whenStopped]);
      else await delay(remaining, changed, gone, engine.whenStopped);
    }
  }

  async function pollQueue<T>(
    queue: { poll: (onCancel: (cancel: () => void) => void) => Promise<T | undefined> },
    call: Call,
    start: (item: T) => Proto | undefined,
  ): Promise<Proto> {
    const deadline = Date.now() + LONG_POLL_MS;
    while (!engine.stopped && !call.cancelled && Date.now() < deadline) {
      const item = await queue.poll((cancel) => call.on('cancelled', cancel));
      if (item === undefined) return {};
      const response = start(item);
      if (response) return response;
    }
    return {};
  }

  const execute = (request: Proto) => engine.find(namespaceOf(request), request.workflowExecution);

  return {
    GetSystemInfo: unary(() => systemInfo()),
    DescribeNamespace: unary((request) =>
      describeNamespace(String(request.namespace || request.id || 'default')),
    ),
    RegisterNamespace: unary(() => ({})),
    ShutdownWorker: unary(() => ({})),
    GetSearchAttributes: unary(() => ({ keys: {}, systemKeys: {} })),

    StartWorkflowExecution: unary((request) => {
      const { execution, started } = engine.start(request);
      return { runId: execution.runId, started };
    }),

    SignalWorkflowExecution: unary((request) => {
      engine.signal(execute(request), {
        signalName: request.signalName,
        input: request.input,
        identity: request.identity ?? '',
        header: request.header,
      });
      return {};
    }),

    SignalWithStartWorkflowExecution: unary((request) => {
      const signal = {
        signalName: request.signalName,
        input: request.signalInput,
        identity: request.identity ?? '',
        header: request.header,
      };
      const running = engine.current(namespaceOf(request), String(request.workflowId));
      if (running?.running) {
        engine.signal(running, signal);
        return { runId: running.runId, started: false };
      }
      const { execution } = engine.start(request, {
        beforeFirstTask: (run) => run.append(engine.now(), 'WORKFLOW_EXECUTION_SIGNALED', signal),
      });
      return { runId: execution.runId, started: true };
    }),

    PollWorkflowTaskQueue: unary(async (request, call) => {
      const taskQueue = request.taskQueue ?? {};
      if (taskQueue.kind === 'TASK_QUEUE_KIND_STICKY') {
        // Sticky queues are never used: every task goes to the normal queue, with the history since the last
        // completed task (see Engine.startWorkflowTask), which a worker with the run cached continues from.
        await delay(LONG_POLL_MS, abandoned(call), engine.whenStopped);
        return {};
      }
      const queue = engine.workflowQueue(namespaceOf(request), String(taskQueue.name));
      return pollQueue(queue, call, (item) => engine.startWorkflowTask(item, String(request.identity ?? '')));
    }),
    RespondWorkflowTaskCompleted: unary((request) => engine.completeWorkflowTask(request)),
    RespondWorkflowTaskFailed: unary((request) => {
      engine.failWorkflowTask(request);
      return {};
    }),

    PollActivityTaskQueue: unary((request, call) => {
      const queue = engine.activityQueue(namespaceOf(request), String(request.taskQueue?.name));
      return pollQueue(queue, call, (item) => engine.startActivityTask(item, String(request.identity ?? '')));
    }),
    RecordActivityTaskHeartbeat: unary((request) => engine.heartbeat(request)),
    RespondActivityTaskCompleted: unary((request) => {
      engine.completeActivity(request);
      return {};
    }),
    RespondActivityTaskFailed: unary((request) => {
      engine.failActivity(request);
      return {};
    }),
    RespondActivityTaskCanceled: unary((request) => {
      engine.cancelActivity(request);
      return {};
    }),

    QueryWorkflow: unary(async (request) => {
      const answer = await engine.query(
        execute({ ...request, workflowExecution: request.execution }),
        request.query,
      );
      if (answer.error !== undefined) {
        throw new RpcError(grpc.status.INVALID_ARGUMENT, answer.error);
      }
      return { queryResult: answer.result };
    }),
    RespondQueryTaskCompleted: unary((request) => {
      engine.answerQuery(request);
      return {};
    }),

    UpdateWorkflowExecution: unary(async (request, call) => {
      const execution = execute(request);
      const update = engine.admitUpdate(execution, request.request ?? {});
      const stage = String(
        request.waitPolicy?.lifecycleStage ?? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED',
      );
      await engine.waitUpdate(update, stage, Promise.race([abandoned(call), engine.whenStopped]));
      return updateResponse(execution, update);
    }),
    PollWorkflowExecutionUpdate: unary(async (request, call) => {
      const execution = execute({ ...request, workflowExecution: request.updateRef?.workflowExecution });
      const update = execution.updates.get(String(request.updateRef?.updateId));
      if (!update) throw notFound(`update ${request.updateRef?.updateId} not found`);
      const stage = String(
        request.waitPolicy?.lifecycleStage ?? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED',
      );
      await engine.waitUpdate(update, stage, Promise.race([abandoned(call), engine.whenStopped]));
      return updateResponse(execution, update);
    }),

    RequestCancelWorkflowExecution: unary((request) => {
      engine.requestCancel(execute(request), String(request.reason ?? ''));
      return {};
    }),
    TerminateWorkflowExecution: unary((request) => {
      engine.terminate(
        execute(request),
        String(request.reason ?? ''),
        request.details,
        String(request.identity ?? ''),
      );
      return {};
    }),

    DescribeWorkflowExecution: unary((request) => {
      const execution = engine.find(namespaceOf(request), request.execution);
      return describe(execution);
    }),

    GetWorkflowExecutionHistory: unary(async (request, call) => {
      const execution = engine.find(namespaceOf(request), request.execution);
      if (request.historyEventFilterType === 'HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT') {
        if (request.waitNewEvent) await waitFor(execution, () => !execution.running, call);
        if (execution.running) return { history: { events: [] }, nextPageToken: pageToken(0) };
        return { history: { events: [execution.history[execution.history.length - 1]] } };
      }
      const from = fromPageToken(request.nextPageToken);
      if (request.waitNewEvent) {
        await waitFor(
          execution,
          () => execution.history.length > from || !execution.running,
          call,
          LONG_POLL_MS,
        );
      }
      const size = Number(request.maximumPageSize) > 0 ? Number(request.maximumPageSize) : DEFAULT_PAGE_SIZE;
      const events = execution.history.slice(from, from + size);
      const next = from + events.length;
      const more = next < execution.history.length || (request.waitNewEvent && execution.running);
      return { history: { events }, ...(more ? { nextPageToken: pageToken(next) } : {}) };
    }),

    CreateSchedule: unary((request) => scheduler.create(namespaceOf(request), request)),
    DescribeSchedule: unary((request) =>
      scheduler.describe(namespaceOf(request), String(request.scheduleId)),
    ),
    UpdateSchedule: unary((request) => {
      scheduler.update(namespaceOf(request), request);
      return {};
    }),
    PatchSchedule: unary((request) => {
      scheduler.patch(namespaceOf(request), request);
      return {};
    }),
    DeleteSchedule: unary((request) => {
      scheduler.delete(namespaceOf(request), String(request.scheduleId));
      return {};
    }),
    ListSchedules: unary((request) => {
      const schedules = scheduler.list(namespaceOf(request), String(request.query ?? ''));
      const from = fromPageToken(request.nextPageToken);
      const size = Number(request.maximumPageSize) > 0 ? Number(request.maximumPageSize) : DEFAULT_PAGE_SIZE;
      const page = schedules.slice(from, from + size);
      const next = from + page.length;
      return { schedules: page, ...(next < schedules.length ? { nextPageToken: pageToken(next) } : {}) };
    }),

    ListWorkflowExecutions: unary((request) => listPage(request)),
    ScanWorkflowExecutions: unary((request) => listPage(request)),
    CountWorkflowExecutions: unary((request) => ({
      count: String(engine.list(namespaceOf(request), String(request.query ?? '')).length),
    })),
  };

  function listPage(request: Proto): Proto {
    const matches = engine.list(namespaceOf(request), String(request.query ?? ''));
    const from = fromPageToken(request.nextPageToken);
    const size = Number(request.pageSize) > 0 ? Number(request.pageSize) : DEFAULT_PAGE_SIZE;
    const page = matches.slice(from, from + size);
    const next = from + page.length;
    return {
      executions: page.map((execution) => execution.executionInfo()),
      ...(next < matches.length ? { nextPageToken: pageToken(next) } : {}),
    };
  }

  function pendingWorkflowTask(execution: Execution): Proto {
    const task = execution.workflowTask;
    return {
      state:
        task.phase === 'started'
          ? 'PENDING_WORKFLOW_TASK_STATE_STARTED'
          : 'PENDING_WORKFLOW_TASK_STATE_SCHEDULED',
      scheduledTime: toTimestamp(task.scheduledAt),
      originalScheduledTime: toTimestamp(task.scheduledAt),
      ...(task.phase === 'started' ? { startedTime: toTimestamp(task.startedAt) } : {}),
      attempt: task.attempt,
    };
  }

  function describe(execution: Execution): Proto {
    const request = execution.startRequest;
    return {
      executionConfig: {
        taskQueue: { name: execution.taskQueue, kind: 'TASK_QUEUE_KIND_NORMAL' },
        workflowExecutionTimeout: request.workflowExecutionTimeout ?? toDuration(0),
        workflowRunTimeout: request.workflowRunTimeout ?? toDuration(0),
        defaultWorkflowTaskTimeout: request.workflowTaskTimeout ?? toDuration(10_000),
      },
      workflowExecutionInfo: execution.executionInfo(),
      pendingActivities: [...execution.activities.values()].map((activity) => ({
        activityId: activity.activityId,
        activityType: activity.attributes.activityType,
        state: activity.cancelRequested
          ? 'PENDING_ACTIVITY_STATE_CANCEL_REQUESTED'
          : activity.phase === 'started'
            ? 'PENDING_ACTIVITY_STATE_STARTED'
            : 'PENDING_ACTIVITY_STATE_SCHEDULED',
        heartbeatDetails: activity.heartbeatDetails,
        attempt: activity.attempt,
        scheduledTime: toTimestamp(activity.currentScheduledAt),
        ...(activity.startedAt ? { lastStartedTime: toTimestamp(activity.startedAt) } : {}),
        lastFailure: activity.lastFailure,
        maximumAttempts: Number(activity.attributes.retryPolicy?.maximumAttempts ?? 0),
      })),
      ...(execution.workflowTask.phase === 'none'
        ? {}
        : { pendingWorkflowTask: pendingWorkflowTask(execution) }),
      pendingChildren: [...execution.children.entries()].map(([initiatedId, child]) => ({
        workflowId: child.workflowId,
        runId: child.runId ?? '',
        workflowTypeName: child.workflowType,
        initiatedId: String(initiatedId),
        parentClosePolicy: child.parentClosePolicy,
      })),
    };
  }
}

function updateResponse(
  execution: Execution,
  update: { updateId: string; state: string; outcome?: Proto },
): Proto {
  const stage =
    update.state === 'completed'
      ? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED'
      : update.state === 'accepted'
        ? 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED'
        : 'UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED';
  return {
    updateRef: {
      workflowExecution: { workflowId: execution.workflowId, runId: execution.runId },
      updateId: update.updateId,
    },
    stage,
    ...(update.outcome ? { outcome: update.outcome } : {}),
  };
}
