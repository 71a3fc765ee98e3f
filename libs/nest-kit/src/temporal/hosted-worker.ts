import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@nestjs/common';
import type { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import type { TemporalConnectionOptions } from '../config/temporal-connection';
import type { DependencyProbe } from '../health/dependency-probe';
import { registeredSpanProcessor } from '../tracing';
import { tracingWorkerOptions, WORKFLOW_TRACING_MODULE } from './temporal-tracing';

/** Where and how to connect (temporalConnection(config): address, namespace, TLS, the payload codec), and what to poll. */
export interface HostedWorkerOptions extends TemporalConnectionOptions {
  taskQueue: string;
  /** The task queue's workflows: see `workflowCode`. */
  workflows: WorkflowCode;
  activities: WorkerOptions['activities'];
}

const STICKY_SCHEDULE_TO_START = '5s';

/**
 * Workflow tasks a worker holds at once. The SDK runs every workflow activation on one thread (reuseV8Context), so
 * more than a few only take tasks from the server that then wait in the worker: under a burst of new cases the
 * default 40 made the server record 40 tasks as started at once, beside the case starts agency systems wait on,
 * and let a task sit in the worker towards its timeout. Four keeps one running and the next ones fetched:
 * `bench/load 10 30` case starts 0.30–0.35× bare instead of 0.17–0.21× (session 13), 0.33× instead of 0.20× in
 * an A/B of session 14; filing after a burst takes longer, the whole journey is no slower (bench/README, #22).
 */
const WORKFLOW_TASK_SLOTS = 4;

/**
 * A bundle made at build time — without and with the workflow tracing interceptors — or a folder of workflow
 * sources bundled when the worker starts.
 */
export type WorkflowCode = { bundlePath: string; tracedBundlePath: string } | { sourcePath: string };

/**
 * Where a task queue's workflows come from, given the resolved entry of the workflows package: built code loads
 * the bundles `npm run build` made (`dist/bundles/<bundle>.js`, and `<bundle>.traced.js` with the tracing
 * interceptors; no bundler at start); TypeScript sources run directly (the tests map packages to their sources)
 * are bundled at start, so a stale build never runs there.
 */
export function workflowCode(packageEntry: string, folder: string, bundle: string): WorkflowCode {
  const dir = path.dirname(packageEntry);
  return packageEntry.endsWith('.ts')
    ? { sourcePath: path.join(dir, folder) }
    : {
        bundlePath: path.join(dir, 'bundles', `${bundle}.js`),
        tracedBundlePath: path.join(dir, 'bundles', `${bundle}.traced.js`),
      };
}

/**
 * A Temporal worker a service runs beside its HTTP API: connected and polling after `start`, drained by `stop`
 * (in-flight tasks finish before the connection closes). Each host builds its activities; this does the rest.
 */
export class HostedWorker {
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(private readonly logger: Logger) {}

  async start(options: HostedWorkerOptions): Promise<void> {
    // Loaded here, not at import: services without a worker never load the SDK's native core.
    const { NativeConnection, Worker } = await import('@temporalio/worker');
    const { workflows } = options;
    // The workflow tracing interceptors only where this process records traces (startTracing ran): they open a span
    // around each workflow task, activity and handler inside the sandbox and hand each one out through a sink, a
    // quarter of the case worker's CPU even when no provider takes the spans (bench/README, issue #22). They add no
    // command, so a history replays the same with or without them.
    const traced = registeredSpanProcessor() !== undefined;
    const tracing = tracingWorkerOptions();
    let code: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'interceptors'>;
    if ('sourcePath' in workflows) {
      const workflowModules = traced ? [WORKFLOW_TRACING_MODULE] : [];
      code = {
        workflowsPath: workflows.sourcePath,
        interceptors: { ...tracing.interceptors, workflowModules },
      };
    } else {
      const codePath = traced ? workflows.tracedBundlePath : workflows.bundlePath;
      if (!existsSync(codePath))
        throw new Error(`no workflow bundle at ${codePath}: run \`npm run build\` first`);
      code = { workflowBundle: { codePath }, interceptors: tracing.interceptors };
    }
    this.connection = await NativeConnection.connect({ address: options.address, tls: options.tls });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: options.namespace,
      taskQueue: options.taskQueue,
      ...code,
      sinks: tracing.sinks,
      // After a crash, a case this worker had in its cache waits this long on the dead worker's sticky queue before
      // any worker may take it: 5 s as Temporal's Go and Java SDKs default to, not the TypeScript SDK's 10 s
      // (bench/worker-restart). A task that waits longer on a live but busy worker is replayed elsewhere instead.
      stickyQueueScheduleToStartTimeout: STICKY_SCHEDULE_TO_START,
      maxConcurrentWorkflowTaskExecutions: WORKFLOW_TASK_SLOTS,
      // Pollers follow the load (the server says how many tasks wait) instead of a fixed ten, most of them on the
      // sticky queue: under a burst of new workflows (a decision each) their first tasks wait 0.3 s, not 2 s.
      workflowTaskPollerBehavior: { type: 'autoscaling' },
      activities: options.activities,
      dataConverter: options.dataConverter,
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error(`Temporal worker stopped: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.logger.log(`polling task queue ${options.taskQueue} on ${options.address}`);
  }

  /** RUNNING while the worker polls; anything else means /health must report it down. */
  state(): string {
    return this.worker?.getState() ?? 'INITIALIZED';
  }

  async stop(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}

/**
 * The health of a hosted worker: not ready unless it polls; not alive once it has FAILED (the SDK stops a worker
 * for good on a fatal error, and only a new process polls again).
 */
export function hostedWorkerProbe(worker: { state(): string }): DependencyProbe {
  return {
    name: 'temporal-worker',
    probe: async () => {
      const state = worker.state();
      if (state !== 'RUNNING') throw new Error(`worker is ${state}`);
    },
    alive: () => {
      if (worker.state() === 'FAILED') throw new Error('worker FAILED and no longer polls');
    },
  };
}
