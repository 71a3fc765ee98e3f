// The suite's target: this package's server, or the real Temporal at env TEMPORAL_ADDRESS.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { TemporalTestServer } from '../src';
import { activities } from './activities';

const realAddress = process.env.TEMPORAL_ADDRESS;

export interface Target {
  env: TestWorkflowEnvironment;
  server?: TemporalTestServer;
  /** True against this server: long timers are skipped, so tests may sleep for days. */
  timeSkipping: boolean;
  taskQueue: string;
  workflowBundle: WorkflowBundleWithSourceMap;
  /** Handles of every workflow the file started, for the replay check. */
  started: WorkflowHandle[];
  /** A duration that is long on the virtual clock, or short in real time against a real server. */
  long(days: number): Duration;
  stop(): Promise<void>;
}

type EnvironmentFactory = {
  create(options: {
    server: { type: 'existing' };
    address: string;
    supportsTimeSkipping: boolean;
    namespace: string;
    client: Record<string, never>;
    plugins: never[];
  }): Promise<TestWorkflowEnvironment>;
};

let runtimeInstalled = false;

/** Keeps the SDK's own logs to errors (each test file has its own module registry, hence its own Runtime). */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  runtimeInstalled = true;
}

export async function startTarget(): Promise<Target> {
  quietRuntime();
  const server = realAddress ? undefined : await TemporalTestServer.start();
  const timeSkipping = server !== undefined;
  // `create` is how TestWorkflowEnvironment attaches to a running server with time skipping (not yet public).
  const env = await (TestWorkflowEnvironment as unknown as EnvironmentFactory).create({
    server: { type: 'existing' },
    address: server?.address ?? (realAddress as string),
    supportsTimeSkipping: timeSkipping,
    namespace: 'default',
    client: {},
    plugins: [],
  });
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: path.join(__dirname, 'workflows.ts'),
    logger: new DefaultLogger('ERROR'),
  });
  return {
    env,
    server,
    timeSkipping,
    taskQueue: `conformance-${randomUUID()}`,
    workflowBundle,
    started: [],
    long: (days): Duration => (timeSkipping ? `${days} days` : '2 seconds'),
    async stop() {
      await env.teardown();
      await server?.stop();
    },
  };
}

export async function createWorker(target: Target, options: { identity?: string } = {}): Promise<Worker> {
  return Worker.create({
    connection: target.env.nativeConnection,
    namespace: 'default',
    taskQueue: target.taskQueue,
    workflowBundle: target.workflowBundle,
    activities,
    ...(options.identity ? { identity: options.identity } : {}),
    shutdownGraceTime: '1 second',
  });
}

/** Replays every history the file wrote with the real SDK replayer; returns the failures. */
export async function replayAll(target: Target): Promise<string[]> {
  const histories = await Promise.all(
    target.started.map(async (handle) => ({
      workflowId: handle.workflowId,
      history: await handle.fetchHistory(),
    })),
  );
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories(
    { workflowBundle: target.workflowBundle },
    histories,
  )) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  return failures;
}
