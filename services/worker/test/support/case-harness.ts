import { randomUUID } from 'node:crypto';
import { CASE_DATABASE_MIGRATIONS, CASE_STORE_ENTITIES } from '@lep/case-store';
import {
  caseQueries,
  CASE_WORKFLOWS,
  TASK_QUEUES,
  caseWorkflowId,
  type CaseActor,
  type CaseState,
  type StartCaseInput,
} from '@lep/contracts';
import { MESSAGING_ENTITIES } from '@lep/nest-kit';
import {
  createTemporalNamespace,
  CASE_AGENCY,
  createDatabase,
  dropDatabase,
  runMigrations,
  startCaseRegistry,
  startTimeSkippingTemporal,
  testDataConverter,
  testPeers,
  type CaseRegistry,
} from '@lep/testing';
import { signStaffToken, type Role } from '@lep/auth';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { CaseActivities } from '@lep/workflows';
import { CalendarClient, chinaDateOf } from '@lep/calendar';
import { createCaseActivities } from '../../src/activities/case-activities';
import { DocumentsClient } from '../../src/activities/documents-client';
import { documentsCredential } from '../../src/activities/documents-credential';
import { RegistryClient } from '../../src/activities/registry-client';
import { registryCredential } from '../../src/activities/registry-credential';
import type { WorkerConfig } from '../../src/config';

export const AUTH = {
  secret: 'worker-test-secret-at-least-32-characters!',
  issuer: 'lep',
  audience: 'lep-api',
};
export const AGENCY = CASE_AGENCY;

export interface CaseHarness {
  env: TestWorkflowEnvironment;
  temporalAddress: string;
  /** The namespace the cases live in (a worker process must poll there). */
  temporalNamespace: string;
  databaseUrl: string;
  dataSource: DataSource;
  registry: CaseRegistry;
  people: CaseRegistry['people'];
  /** The activities the worker runs, against the same registry and database: for checks below the workflow. */
  activities: CaseActivities;
  taskQueue: string;
  /** A fresh worker on the same queue (after `stopWorker`), as after a crash and restart. */
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  startCase(overrides?: Partial<StartCaseInput>): Promise<WorkflowHandle>;
  state(handle: WorkflowHandle): Promise<CaseState>;
  /** Moves the virtual clock forward, firing every timer on the way. */
  sleep(ms: number): Promise<void>;
  /** Ends a case a test is done with (terminates it) once no activity of it or of its review is running. */
  endCase(handle: WorkflowHandle): Promise<void>;
  /** The documents service given with the `documents` option. */
  documentsUrl?: string;
  close(): Promise<void>;
}

export const HANDLER_ACTOR = (id: string): CaseActor => ({ id, role: 'handler', agencyCode: AGENCY });

let runtimeInstalled = false;
let caseSerial = 0;

/**
 * Everything a case workflow runs against, real: the registry process, a case database with the checked-in
 * migrations, Temporal's time-skipping test server of its own (its virtual clock optionally starting at
 * `startTime`) with time skipping locked so the test moves time itself, and a worker with the production activities.
 */
export interface CaseHarnessOptions {
  /**
   * `time-skipping` (default): Temporal's time-skipping test server of the harness's own, its clock held until the
   * test moves it. `dev-server`: the project's Temporal dev server in real time, with visibility (list queries by
   * search attributes, as operators use the Web UI); `sleep` then really waits.
   */
  server?: 'time-skipping' | 'dev-server';
  /** Where the virtual clock starts (time-skipping only). */
  startTime?: Date;
  /** Run no worker in this process: the test runs the worker service itself (on the production queue). */
  externalWorker?: boolean;
  /**
   * Starts the documents service the activities render drafts with, over the harness's registry and token secret
   * (none unless given: drafts without the 决定书's fields render nothing).
   */
  documents?: (registryUrl: string, secret: string) => Promise<{ url: string; stop(): Promise<void> }>;
}

/**
 * The project's dev server (peersGlobalSetup), in a namespace of this harness's own (with LEP's search attributes):
 * visibility queries see only this file's cases. Stopping leaves the server running.
 */
async function devServerEnvironment(): Promise<{
  env: TestWorkflowEnvironment;
  address: string;
  stop(): Promise<void>;
}> {
  const { temporalAddress: address } = testPeers();
  const namespace = await createTemporalNamespace(address);
  const env = await TestWorkflowEnvironment.createFromExistingServer({
    address,
    namespace,
    client: { dataConverter: testDataConverter() },
  });
  return { env, address, stop: () => env.teardown() };
}

export async function startCaseHarness(options: CaseHarnessOptions = {}): Promise<CaseHarness> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    runtimeInstalled = true;
  }
  const registry = await startCaseRegistry({
    secret: AUTH.secret,
    sign: (claims) => signStaffToken({ ...claims, roles: claims.roles as Role[] }, AUTH),
  });
  const people = registry.people;
  const documents = await options.documents?.(registry.url, AUTH.secret);
  const databaseUrl = await createDatabase(testPeers().databaseServerUrl, 'worker_cases');
  const dataSource = await runMigrations({
    type: 'postgres',
    url: databaseUrl,
    entities: [...MESSAGING_ENTITIES, ...CASE_STORE_ENTITIES],
    migrations: CASE_DATABASE_MIGRATIONS,
    migrationsTableName: 'lep_migrations',
  });
  const temporal =
    options.server === 'dev-server'
      ? await devServerEnvironment()
      : // Time skipping starts locked: the test moves the clock itself (sleep).
        await startTimeSkippingTemporal({ startTime: options.startTime });
  const { env } = temporal;
  // Cases are started through a plain client: awaiting a handle's result() must not let the clock run (the
  // time-skipping client unlocks skipping while it waits, and Temporal's test server then jumps to its next timer,
  // years ahead). The test alone moves the clock, with sleep().
  const client = new Client({
    connection: env.connection,
    namespace: env.namespace ?? 'default',
    dataConverter: testDataConverter(),
  });
  const taskQueue = options.externalWorker ? TASK_QUEUES.cases : `cases-${randomUUID()}`;
  const activities = createCaseActivities({
    dataSource,
    registry: new RegistryClient(
      registry.url,
      registryCredential({
        AUTH_JWT_SECRET: AUTH.secret,
        AUTH_ISSUER: AUTH.issuer,
        AUTH_AUDIENCE: AUTH.audience,
      } as WorkerConfig),
    ),
    // Without a documents service (the default) nothing may be rendered: its calls would fail and be retried.
    documents: new DocumentsClient(
      documents?.url ?? 'http://127.0.0.1:1',
      documentsCredential({
        AUTH_JWT_SECRET: AUTH.secret,
        AUTH_ISSUER: AUTH.issuer,
        AUTH_AUDIENCE: AUTH.audience,
      } as WorkerConfig),
    ),
    calendar: new CalendarClient({ registryUrl: registry.url }),
    reviewSla: { workingDays: 7, extensionWorkingDays: 3 },
  });
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  const startWorker = async () => {
    worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      workflowsPath: require.resolve('@lep/workflows'),
      activities,
      dataConverter: testDataConverter(),
    });
    running = worker.run();
  };
  const stopWorker = async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    worker = undefined;
  };
  if (!options.externalWorker) await startWorker();

  return {
    env,
    temporalAddress: temporal.address,
    temporalNamespace: env.namespace ?? 'default',
    databaseUrl,
    dataSource,
    registry,
    people,
    activities,
    taskQueue,
    startWorker,
    stopWorker,
    async startCase(overrides = {}) {
      caseSerial += 1;
      const input: StartCaseInput = {
        agencyCode: AGENCY,
        caseNumber: `2026-${String(caseSerial).padStart(4, '0')}-${randomUUID().slice(0, 6)}`,
        itemCode: 'P-001',
        title: '张三销售不合格电热水壶案',
        // 立案日期 is a date in China: the decision limit counts from it (a UTC date is a day early after 16:00).
        filedOn: chinaDateOf(await env.currentTimeMs()),
        handlerIds: people.handlers,
        parties: [
          { type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' },
        ],
        otherPersonNames: ['李四'],
        actor: HANDLER_ACTOR(people.handlers[0]),
        ...overrides,
      };
      return client.workflow.start(CASE_WORKFLOWS.lifecycle, {
        taskQueue,
        workflowId: caseWorkflowId(input.agencyCode, input.caseNumber),
        args: [input],
      });
    },
    state: (handle) => handle.query<CaseState>(caseQueries.state),
    sleep: (ms) => env.sleep(ms),
    async endCase(handle) {
      // Temporal's test server holds its clock while an activity runs, and a workflow terminated meanwhile never
      // gives it back; nor does it end a terminated case's review (the parent close policy): a later sleep() would
      // wait forever or fire that review's timers. Real servers do both; here the harness waits, then ends each.
      const running = async (id: string): Promise<{ activities: number; children: string[] }> => {
        const { raw } = await client.workflow.getHandle(id).describe();
        const children = (raw.pendingChildren ?? []).map((child) => child.workflowId!);
        const nested = await Promise.all(children.map(running));
        return {
          activities: (raw.pendingActivities?.length ?? 0) + nested.reduce((sum, n) => sum + n.activities, 0),
          children: [...children, ...nested.flatMap((n) => n.children)],
        };
      };
      // Idle means no activity over several looks: a workflow task that just ran (a review answered, say) may be
      // about to schedule the next step's activity.
      const deadline = Date.now() + 30_000;
      let found = await running(handle.workflowId);
      for (let idleLooks = 0; idleLooks < 4 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        found = await running(handle.workflowId);
        idleLooks = found.activities === 0 ? idleLooks + 1 : 0;
      }
      for (const child of found.children) await client.workflow.getHandle(child).terminate('test done');
      await handle.terminate('test done');
    },
    documentsUrl: documents?.url,
    async close() {
      await stopWorker();
      await temporal.stop();
      await dataSource.destroy();
      await dropDatabase(databaseUrl);
      await documents?.stop();
      await registry.stop();
    },
  };
}
