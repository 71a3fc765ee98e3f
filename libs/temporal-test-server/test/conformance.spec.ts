import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  Connection,
  WorkflowFailedError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { createWorker, replayAll, startTarget, type Target } from './environment';
import type { Workflow } from '@temporalio/common';
import type { Worker } from '@temporalio/worker';
import * as wf from './workflows';

let target: Target;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  target = await startTarget();
  worker = await createWorker(target);
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await target?.stop();
});

const id = (name: string) => `${name}-${randomUUID()}`;

function track<T extends WorkflowHandle>(handle: T): T {
  target.started.push(handle);
  return handle;
}

async function start<W extends Workflow>(
  workflow: W,
  args: Parameters<W>,
  options: { workflowId?: string } = {},
): Promise<WorkflowHandle<W>> {
  return track(
    await target.env.client.workflow.start(workflow, {
      taskQueue: target.taskQueue,
      workflowId: options.workflowId ?? id(workflow.name),
      args,
    } as never),
  );
}

describe('Temporal conformance', () => {
  it('runs a case lifecycle: flaky activity, 28-day timer, signal, query and a validated update', async () => {
    const began = performance.now();
    const handle = await start(wf.caseLifecycle, [randomUUID(), target.long(28)]);
    await expect(handle.executeUpdate(wf.addNote, { args: ['  '] })).rejects.toThrow(
      WorkflowUpdateFailedError,
    );
    await expect(handle.executeUpdate(wf.addNote, { args: ['首次听证'] })).resolves.toBe(1);
    await handle.signal(wf.approve, '法制审核员');
    const result = await handle.result();
    expect(result).toMatch(/^fetched:.*:attempt3\/法制审核员\/首次听证$/);
    await expect(handle.query(wf.status)).resolves.toBe('done');
    // 28 virtual days in under a real minute, even on a loaded machine: the timer was skipped, not waited for.
    if (target.timeSkipping) expect(performance.now() - began).toBeLessThan(60_000);
    const history = await handle.fetchHistory();
    const activityEvents = (history.events ?? []).filter(
      (event) =>
        event.activityTaskScheduledEventAttributes ||
        event.activityTaskStartedEventAttributes ||
        event.activityTaskCompletedEventAttributes ||
        event.activityTaskFailedEventAttributes,
    );
    // Retries write nothing: one scheduled, one started (attempt 3), one completed.
    expect(activityEvents).toHaveLength(3);
    expect(activityEvents[1].activityTaskStartedEventAttributes?.attempt).toBe(3);
  });

  it('starts with signal-with-start and applies the id reuse and conflict policies', async () => {
    const workflowId = id('swS');
    const handle = track(
      await target.env.client.workflow.signalWithStart(wf.waitForApproval, {
        taskQueue: target.taskQueue,
        workflowId,
        signal: wf.approve,
        signalArgs: ['申请人'],
      }),
    );
    await expect(handle.result()).resolves.toBe('申请人');
    await expect(
      target.env.client.workflow.start(wf.waitForApproval, {
        taskQueue: target.taskQueue,
        workflowId,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    ).rejects.toThrow(/already/i);
    const again = await target.env.client.workflow.start(wf.waitForApproval, {
      taskQueue: target.taskQueue,
      workflowId,
    });
    await expect(
      target.env.client.workflow.start(wf.waitForApproval, { taskQueue: target.taskQueue, workflowId }),
    ).rejects.toThrow(/already/i);
    const existing = await target.env.client.workflow.start(wf.waitForApproval, {
      taskQueue: target.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    expect(existing.firstExecutionRunId).toBe(again.firstExecutionRunId);
    await again.terminate('测试结束');
    track(again);
  });

  it('answers a repeated start with the same request id with the same run', async () => {
    const workflowId = id('dedupe');
    const request = {
      namespace: 'default',
      workflowId,
      workflowType: { name: 'waitForApproval' },
      taskQueue: { name: target.taskQueue },
      requestId: randomUUID(),
      identity: 'conformance',
    };
    const service = target.env.connection.workflowService;
    const first = await service.startWorkflowExecution(request);
    const second = await service.startWorkflowExecution(request);
    expect(second.runId).toBe(first.runId);
    const handle = track(target.env.client.workflow.getHandle(workflowId));
    await handle.signal(wf.approve, '申请人');
    await expect(handle.result()).resolves.toBe('申请人');
  });

  it('fails a workflow with a non-retryable application failure', async () => {
    const handle = await start(wf.failing, []);
    const error = await handle.result().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((error as WorkflowFailedError).cause?.message).toBe('案件材料不全');
  });

  it('times out activity attempts (start-to-close) and reports the timeout after the retries', async () => {
    const handle = await start(wf.timesOut, []);
    await expect(handle.result()).resolves.toMatch(/failed: .*timeout/i);
  });

  it('cancels a workflow and its heartbeating activity', async () => {
    const handle = await start(wf.cancellable, []);
    await waitUntil(
      async () => (await handle.describe()).raw.pendingActivities?.[0]?.state === 2 /* STARTED */,
    );
    await handle.cancel();
    const error = await handle.result().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((await handle.describe()).status.name).toBe('CANCELLED');
  });

  it('runs a child workflow and terminates the child left running when the parent closes', async () => {
    const handle = await start(wf.parent, ['案件', target.long(1)]);
    const result = await handle.result();
    expect(result).toBe(`child:案件/${handle.workflowId}-terminated-on-close`);
    const orphan = target.env.client.workflow.getHandle(`${handle.workflowId}-terminated-on-close`);
    await waitUntil(async () => (await orphan.describe()).status.name === 'TERMINATED');
    track(target.env.client.workflow.getHandle(`${handle.workflowId}-child`));
  });

  it('signals an external workflow and fails to cancel a missing one', async () => {
    const receiver = await start(wf.waitForApproval, []);
    const sender = await start(wf.signalsExternal, [receiver.workflowId]);
    await expect(receiver.result()).resolves.toBe('external');
    await expect(sender.result()).resolves.toMatch(/^missing: /);
  });

  it('continues as new and follows the chain to the last result', async () => {
    const handle = await start(wf.countdown, [3, target.long(1)]);
    await expect(handle.result()).resolves.toBe(0);
  });

  it('lists and counts by type, status, start time and custom search attributes', async () => {
    const major = await start(wf.indexed, [true]);
    const minor = await start(wf.indexed, [false]);
    await target.env.client.workflow
      .start(wf.waitForApproval, { taskQueue: target.taskQueue, workflowId: id('noise') })
      .then(track);
    await waitUntil(async () => (await major.describe()).typedSearchAttributes.get(wf.LepStage) === 'review');
    const majorInfo = (await major.describe()).raw.workflowExecutionInfo;
    const majorType = majorInfo?.searchAttributes?.indexedFields?.LepMajor?.metadata?.type;
    expect(Buffer.from(majorType ?? []).toString('utf8')).toBe('Bool');
    const query = `WorkflowType = 'indexed' AND ExecutionStatus = 'Running' AND LepMajor = true AND StartTime > '2000-01-01T00:00:00Z'`;
    const listed: string[] = [];
    for await (const info of target.env.client.workflow.list({ query })) listed.push(info.workflowId);
    expect(listed).toContain(major.workflowId);
    expect(listed).not.toContain(minor.workflowId);
    const count = await target.env.client.workflow.count(
      `WorkflowType = 'indexed' AND (LepStage = 'review' OR LepStage = 'closed')`,
    );
    expect(count.count).toBeGreaterThanOrEqual(2);
    await Promise.all([major.signal(wf.approve, '审核员'), minor.signal(wf.approve, '审核员')]);
    await Promise.all([major.result(), minor.result()]);
    await expect(
      target.env.client.workflow.count(`LepStage = 'closed' AND WorkflowId = '${major.workflowId}'`),
    ).resolves.toMatchObject({ count: 1 });
    await expect(target.env.client.workflow.count('LepStage = ')).rejects.toThrow();
  });

  it('times out a run at its run timeout', async () => {
    const handle = track(
      await target.env.client.workflow.start(wf.sleeper, {
        taskQueue: target.taskQueue,
        workflowId: id('run-timeout'),
        args: [target.long(30)],
        workflowRunTimeout: target.timeSkipping ? '1 day' : '1 second',
      }),
    );
    const error = await handle.result().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((await handle.describe()).status.name).toBe('TIMED_OUT');
  });

  it('pages through a history', async () => {
    const handle = await start(wf.countdown, [0, '1 second']);
    await handle.result();
    const connection: Connection = target.env.connection;
    const first = await connection.workflowService.getWorkflowExecutionHistory({
      namespace: 'default',
      execution: { workflowId: handle.workflowId },
      maximumPageSize: 2,
    });
    expect(first.history?.events).toHaveLength(2);
    expect(first.nextPageToken?.length).toBeGreaterThan(0);
    const rest = await connection.workflowService.getWorkflowExecutionHistory({
      namespace: 'default',
      execution: { workflowId: handle.workflowId },
      nextPageToken: first.nextPageToken,
    });
    expect(Number(rest.history?.events?.[0]?.eventId)).toBe(3);
  });

  it('answers a query on a closed workflow and writes histories that replay', async () => {
    const handle = await start(wf.waitForApproval, []);
    await handle.signal(wf.approve, '审核员');
    await handle.result();
    await expect(handle.query(wf.status)).resolves.toBe('approved');
    await expect(replayAll(target)).resolves.toEqual([]);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
