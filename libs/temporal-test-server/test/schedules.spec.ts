// Temporal Schedules through the real @temporalio/client, fired on this server's virtual clock.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { TemporalTestServer } from '../src';
import { activities } from './activities';
import { quietRuntime } from './environment';
import * as wf from './workflows';

type EnvironmentFactory = {
  create(options: Record<string, unknown>): Promise<TestWorkflowEnvironment>;
};

interface Stack {
  server: TemporalTestServer;
  env: TestWorkflowEnvironment;
  taskQueue: string;
  stop(): Promise<void>;
}

let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  quietRuntime();
  bundle = await bundleWorkflowCode({
    workflowsPath: path.join(__dirname, 'workflows.ts'),
    logger: new DefaultLogger('ERROR'),
  });
});

/** A server whose clock starts at `startTime`, the test environment on it, and a running worker. */
async function startStack(startTime: Date, options: { locked: boolean }): Promise<Stack> {
  const server = await TemporalTestServer.start({ startTime });
  const env = await (TestWorkflowEnvironment as unknown as EnvironmentFactory).create({
    server: { type: 'existing' },
    address: server.address,
    supportsTimeSkipping: true,
    namespace: 'default',
    client: {},
    plugins: [],
  });
  // A schedule is a timer that is always pending: tests that move the clock step by step hold skipping.
  if (options.locked) await env.connection.testService!.lockTimeSkipping({});
  const taskQueue = `schedules-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    workflowBundle: bundle,
    activities,
    shutdownGraceTime: '1 second',
  });
  const running = worker.run();
  return {
    server,
    env,
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await server.stop();
    },
  };
}

async function until<T>(probe: () => Promise<T | undefined | false>): Promise<T> {
  for (let tries = 0; tries < 600; tries++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met');
}

const NEW_YEAR_IN_CHINA = {
  calendars: [{ month: 'JANUARY' as const, dayOfMonth: 1, hour: 0, minute: 5, comment: '元旦 00:05' }],
  timezone: 'Asia/Shanghai',
};

describe('schedules', () => {
  it('creates, describes, lists and deletes a schedule, answering as Temporal does', async () => {
    const stack = await startStack(new Date('2026-06-01T08:00:00+08:00'), { locked: true });
    const client = stack.env.client;
    try {
      const scheduleId = `report-${randomUUID()}`;
      const handle = await client.schedule.create({
        scheduleId,
        spec: NEW_YEAR_IN_CHINA,
        action: {
          type: 'startWorkflow',
          workflowType: wf.oneActivity,
          args: ['年报'],
          taskQueue: stack.taskQueue,
          workflowId: `annual-${scheduleId}`,
        },
        memo: { owner: '统计' },
      });
      await expect(
        client.schedule.create({
          scheduleId,
          spec: NEW_YEAR_IN_CHINA,
          action: { type: 'startWorkflow', workflowType: wf.oneActivity, args: ['x'], taskQueue: 'q' },
        }),
      ).rejects.toThrow('Schedule already exists');

      const description = await handle.describe();
      expect(description.spec.timezone).toBe('Asia/Shanghai');
      expect(description.spec.calendars?.[0]).toMatchObject({
        month: [{ start: 'JANUARY', end: 'JANUARY', step: 1 }],
        dayOfMonth: [{ start: 1, end: 1, step: 1 }],
        hour: [{ start: 0, end: 0, step: 1 }],
        minute: [{ start: 5, end: 5, step: 1 }],
        comment: '元旦 00:05',
      });
      expect(description.action).toMatchObject({
        type: 'startWorkflow',
        workflowType: 'oneActivity',
        args: ['年报'],
        taskQueue: stack.taskQueue,
        workflowId: `annual-${scheduleId}`,
      });
      expect(description.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
      expect(description.state.paused).toBe(false);
      expect(description.memo).toEqual({ owner: '统计' });
      expect(description.info.numActionsTaken).toBe(0);
      expect(description.info.nextActionTimes.slice(0, 2).map((time) => time.toISOString())).toEqual([
        '2026-12-31T16:05:00.000Z',
        '2027-12-31T16:05:00.000Z',
      ]);

      const listed = [];
      for await (const schedule of client.schedule.list()) listed.push(schedule);
      expect(listed.map((schedule) => schedule.scheduleId)).toEqual([scheduleId]);
      expect(listed[0].action).toEqual({ type: 'startWorkflow', workflowType: 'oneActivity' });
      expect(listed[0].info.nextActionTimes[0].toISOString()).toBe('2026-12-31T16:05:00.000Z');

      await handle.update((previous) => ({
        ...previous,
        spec: { intervals: [{ every: '1 day', offset: '2 hours' }] },
      }));
      const updated = await handle.describe();
      expect(updated.info.nextActionTimes[0].toISOString()).toBe('2026-06-01T02:00:00.000Z');
      expect(updated.info.lastUpdatedAt).toBeInstanceOf(Date);

      await handle.delete();
      await expect(handle.describe()).rejects.toThrow(ScheduleNotFoundError);
      const after = [];
      for await (const schedule of client.schedule.list()) after.push(schedule);
      expect(after).toEqual([]);
    } finally {
      await stack.stop();
    }
  });

  it('fires at New Year in Asia/Shanghai on the virtual clock: an idle server skips to the fire time', async () => {
    // Unlocked: nothing but the schedule is pending, so the server jumps half a year to its fire time at once.
    const stack = await startStack(new Date('2026-06-01T08:00:00+08:00'), { locked: false });
    const client = stack.env.client;
    try {
      const scheduleId = `new-year-${randomUUID()}`;
      const handle = await client.schedule.create({
        scheduleId,
        spec: NEW_YEAR_IN_CHINA,
        // One action only: an endless schedule on an unlocked clock would skip from year to year.
        state: { remainingActions: 1 },
        action: {
          type: 'startWorkflow',
          workflowType: wf.oneActivity,
          args: ['新年'],
          taskQueue: stack.taskQueue,
          workflowId: 'new-year-report',
        },
      });
      const described = await until(async () => {
        const description = await handle.describe();
        return description.info.numActionsTaken === 1 ? description : undefined;
      });
      const [action] = described.info.recentActions;
      expect(action.scheduledAt.toISOString()).toBe('2026-12-31T16:05:00.000Z');
      expect(action.action.workflow.workflowId).toBe('new-year-report-2026-12-31T16:05:00Z');
      expect(described.info.nextActionTimes).toEqual([]);
      expect(described.state.remainingActions).toBe(0);

      const run = client.workflow.getHandle(action.action.workflow.workflowId);
      expect(await run.result()).toBe('新年');
      const execution = await run.describe();
      expect(execution.startTime.toISOString()).toMatch(/^2026-12-31T16:05:0/);
      expect(execution.searchAttributes.TemporalScheduledById).toEqual([scheduleId]);
      expect(execution.searchAttributes.TemporalScheduledStartTime).toEqual([
        new Date('2026-12-31T16:05:00.000Z'),
      ]);
      // The history the scheduler's start wrote replays with the SDK's replayer.
      await Worker.runReplayHistory({ workflowBundle: bundle }, await run.fetchHistory());
      await handle.delete();
    } finally {
      await stack.stop();
    }
  });

  it('skips an action while the previous run is still open (overlap SKIP), and not once it closed', async () => {
    const stack = await startStack(new Date('2026-06-01T00:30:00Z'), { locked: true });
    const client = stack.env.client;
    try {
      const handle = await client.schedule.create({
        scheduleId: `hourly-${randomUUID()}`,
        spec: { intervals: [{ every: '1 hour' }] },
        action: {
          type: 'startWorkflow',
          workflowType: wf.waitForApproval,
          taskQueue: stack.taskQueue,
          workflowId: `approval-${randomUUID()}`,
        },
        policies: { overlap: ScheduleOverlapPolicy.SKIP },
      });
      await stack.env.sleep('1 hour'); // 01:00 fires
      const first = await until(async () => {
        const description = await handle.describe();
        return description.info.numActionsTaken === 1 ? description : undefined;
      });
      const firstRun = first.info.recentActions[0].action.workflow;
      expect(first.info.runningActions.map((running) => running.workflow.workflowId)).toEqual([
        firstRun.workflowId,
      ]);

      await stack.env.sleep('1 hour'); // 02:00 is skipped: the 01:00 run still waits for approval
      const skipped = await handle.describe();
      expect(skipped.info.numActionsTaken).toBe(1);
      expect(skipped.info.numActionsSkippedOverlap).toBe(1);

      const approval = client.workflow.getHandle(firstRun.workflowId);
      await approval.signal(wf.approve, '局长');
      expect(await approval.result()).toBe('局长');
      await stack.env.sleep('1 hour'); // 03:00 starts again
      const third = await until(async () => {
        const description = await handle.describe();
        return description.info.numActionsTaken === 2 ? description : undefined;
      });
      expect(third.info.recentActions.map((recent) => recent.scheduledAt.toISOString())).toEqual([
        '2026-06-01T01:00:00.000Z',
        '2026-06-01T03:00:00.000Z',
      ]);
      await handle.delete();
      await client.workflow.getHandle(third.info.recentActions[1].action.workflow.workflowId).terminate();
    } finally {
      await stack.stop();
    }
  });

  it('takes no action while paused, resumes on unpause, and triggers on demand', async () => {
    const stack = await startStack(new Date('2026-06-01T00:30:00Z'), { locked: true });
    const client = stack.env.client;
    try {
      const handle = await client.schedule.create({
        scheduleId: `paused-${randomUUID()}`,
        spec: { intervals: [{ every: '1 hour' }] },
        action: {
          type: 'startWorkflow',
          workflowType: wf.oneActivity,
          args: ['巡查'],
          taskQueue: stack.taskQueue,
          workflowId: `patrol-${randomUUID()}`,
        },
      });
      await handle.pause('节假日暂停');
      const paused = await handle.describe();
      expect(paused.state).toMatchObject({ paused: true, note: '节假日暂停' });
      expect(paused.info.nextActionTimes).toEqual([]);
      await stack.env.sleep('3 hours');
      expect((await handle.describe()).info.numActionsTaken).toBe(0);

      await handle.trigger();
      const triggered = await until(async () => {
        const description = await handle.describe();
        return description.info.numActionsTaken === 1 ? description : undefined;
      });
      const triggeredRun = triggered.info.recentActions[0].action.workflow.workflowId;
      expect(await client.workflow.getHandle(triggeredRun).result()).toBe('巡查');

      await handle.unpause('恢复');
      const resumed = await handle.describe();
      expect(resumed.state).toMatchObject({ paused: false, note: '恢复' });
      expect(resumed.info.nextActionTimes[0].toISOString()).toBe('2026-06-01T04:00:00.000Z');
      await stack.env.sleep('1 hour');
      const fired = await until(async () => {
        const description = await handle.describe();
        return description.info.numActionsTaken === 2 ? description : undefined;
      });
      expect(fired.info.recentActions[1].scheduledAt.toISOString()).toBe('2026-06-01T04:00:00.000Z');
      await handle.delete();
    } finally {
      await stack.stop();
    }
  });

  it('ends the running action first under TERMINATE_OTHER and CANCEL_OTHER, runs both under ALLOW_ALL', async () => {
    const stack = await startStack(new Date('2026-06-01T00:30:00Z'), { locked: true });
    const client = stack.env.client;
    try {
      // No spec times: this schedule only acts when triggered.
      const handle = await client.schedule.create({
        scheduleId: `on-demand-${randomUUID()}`,
        spec: {},
        action: {
          type: 'startWorkflow',
          workflowType: wf.waitForApproval,
          taskQueue: stack.taskQueue,
          workflowId: `review-${randomUUID()}`,
        },
      });
      expect((await handle.describe()).info.nextActionTimes).toEqual([]);
      const runs = async (count: number) =>
        until(async () => {
          const description = await handle.describe();
          return description.info.numActionsTaken === count
            ? description.info.recentActions.map((action) =>
                client.workflow.getHandle(action.action.workflow.workflowId),
              )
            : undefined;
        });
      const status = async (run: { describe(): Promise<{ status: { name: string } }> }) =>
        (await run.describe()).status.name;

      await handle.trigger();
      const [first] = await runs(1);
      // Each action's id carries its time to the second: move on so the next one differs.
      await stack.env.sleep('1 minute');
      await handle.trigger(ScheduleOverlapPolicy.TERMINATE_OTHER);
      const [, second] = await runs(2);
      expect(await status(first)).toBe('TERMINATED');
      expect(await status(second)).toBe('RUNNING');

      await stack.env.sleep('1 minute');
      await handle.trigger(ScheduleOverlapPolicy.CANCEL_OTHER);
      const [, , third] = await runs(3);
      await until(async () => (await status(second)) === 'CANCELLED');

      await stack.env.sleep('1 minute');
      await handle.trigger(ScheduleOverlapPolicy.ALLOW_ALL);
      const [, , , fourth] = await runs(4);
      const both = await handle.describe();
      expect(both.info.runningActions.map((running) => running.workflow.workflowId).sort()).toEqual(
        [third.workflowId, fourth.workflowId].sort(),
      );
      await handle.delete();
      for (const run of [third, fourth]) await run.terminate();
    } finally {
      await stack.stop();
    }
  });
});
