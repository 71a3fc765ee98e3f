// Time control of this server (not a conformance scenario: a real Temporal has no TestService).
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { TemporalTestServer } from '../src';
import { activities } from './activities';
import { quietRuntime } from './environment';
import * as wf from './workflows';

const DAY_MS = 24 * 3600 * 1000;

type EnvironmentFactory = {
  create(options: Record<string, unknown>): Promise<TestWorkflowEnvironment>;
};

beforeAll(quietRuntime);

describe('time', () => {
  it('starts the virtual clock where the test asks, for cases run across a chosen date', async () => {
    const server = await TemporalTestServer.start({ startTime: new Date('2026-09-28T02:00:00Z') });
    const env = await (TestWorkflowEnvironment as unknown as EnvironmentFactory).create({
      server: { type: 'existing' },
      address: server.address,
      supportsTimeSkipping: true,
      namespace: 'default',
      client: {},
      plugins: [],
    });
    try {
      const now = await env.currentTimeMs();
      expect(now).toBeGreaterThanOrEqual(Date.parse('2026-09-28T02:00:00Z'));
      expect(now).toBeLessThan(Date.parse('2026-09-28T02:01:00Z'));
    } finally {
      await env.teardown();
      await server.stop();
    }
  });

  it('lets TestWorkflowEnvironment read and advance the virtual clock', async () => {
    const server = await TemporalTestServer.start();
    const env = await (TestWorkflowEnvironment as unknown as EnvironmentFactory).create({
      server: { type: 'existing' },
      address: server.address,
      supportsTimeSkipping: true,
      namespace: 'default',
      client: {},
      plugins: [],
    });
    try {
      const before = await env.currentTimeMs();
      const began = performance.now();
      await env.sleep(10 * DAY_MS);
      expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(before + 10 * DAY_MS);
      expect(performance.now() - began).toBeLessThan(1_000);
    } finally {
      await env.teardown();
      await server.stop();
    }
  });

  it('runs timers in real time when time skipping is off', async () => {
    const server = await TemporalTestServer.start({ timeSkipping: false });
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    const connection = await Connection.connect({ address: server.address });
    try {
      const taskQueue = `real-time-${randomUUID()}`;
      const worker = await Worker.create({
        connection: nativeConnection,
        taskQueue,
        workflowBundle: await bundleWorkflowCode({
          workflowsPath: path.join(__dirname, 'workflows.ts'),
          logger: new DefaultLogger('ERROR'),
        }),
        activities,
      });
      const client = new Client({ connection });
      const began = performance.now();
      await worker.runUntil(
        client.workflow.execute(wf.sleeper, { taskQueue, workflowId: randomUUID(), args: ['1 second'] }),
      );
      expect(performance.now() - began).toBeGreaterThanOrEqual(1_000);
    } finally {
      await connection.close();
      await nativeConnection.close();
      await server.stop();
    }
  });
});
