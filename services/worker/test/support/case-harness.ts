import { randomUUID } from 'node:crypto';
import { CASE_STORE_ENTITIES, CASE_STORE_MIGRATIONS } from '@lep/case-store';
import {
  CASE_QUERIES,
  CASE_WORKFLOWS,
  TASK_QUEUES,
  caseWorkflowId,
  type CaseActor,
  type CaseState,
  type StartCaseInput,
} from '@lep/contracts';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@lep/nest-kit';
import { TemporalTestServer } from '@lep/temporal-test-server';
import {
  CASE_AGENCY,
  createDatabase,
  dropDatabase,
  runMigrations,
  startCaseRegistry,
  testPeers,
  type CaseRegistry,
} from '@lep/testing';
import { signStaffToken, type Role } from '@lep/auth';
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { CalendarClient } from '@lep/calendar';
import { createCaseActivities } from '../../src/activities/case-activities';
import { RegistryClient } from '../../src/activities/registry-client';
import { registryCredential } from '../../src/activities/registry-credential';
import type { WorkerConfig } from '../../src/config';

export const AUTH = {
  secret: 'worker-test-secret-at-least-32-characters!',
  issuer: 'lep',
  audience: 'lep-api',
};
export const AGENCY = CASE_AGENCY;

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

export interface CaseHarness {
  env: TestWorkflowEnvironment;
  temporalAddress: string;
  databaseUrl: string;
  dataSource: DataSource;
  registry: CaseRegistry;
  people: CaseRegistry['people'];
  taskQueue: string;
  /** A fresh worker on the same queue (after `stopWorker`), as after a crash and restart. */
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  startCase(overrides?: Partial<StartCaseInput>): Promise<WorkflowHandle>;
  state(handle: WorkflowHandle): Promise<CaseState>;
  /** Moves the virtual clock forward, firing every timer on the way. */
  sleep(ms: number): Promise<void>;
  close(): Promise<void>;
}

export const HANDLER_ACTOR = (id: string): CaseActor => ({ id, role: 'handler', agencyCode: AGENCY });

let runtimeInstalled = false;
let caseSerial = 0;

/**
 * Everything a case workflow runs against, real: the registry process, a case database with the checked-in
 * migrations, an own Temporal test server (its virtual clock optionally starting at `startTime`) with time
 * skipping locked so the test moves time itself, and a worker with the production activities.
 */
export interface CaseHarnessOptions {
  /** Where the virtual clock starts. */
  startTime?: Date;
  /** Run no worker in this process: the test runs the worker service itself (on the production queue). */
  externalWorker?: boolean;
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
  const databaseUrl = await createDatabase(testPeers().databaseServerUrl, 'worker_cases');
  const dataSource = await runMigrations({
    type: 'postgres',
    url: databaseUrl,
    entities: [...MESSAGING_ENTITIES, ...CASE_STORE_ENTITIES],
    migrations: [...MESSAGING_MIGRATIONS, ...CASE_STORE_MIGRATIONS],
    migrationsTableName: 'lep_migrations',
  });
  const server = await TemporalTestServer.start({ startTime: options.startTime });
  const env = await (TestWorkflowEnvironment as unknown as EnvironmentFactory).create({
    server: { type: 'existing' },
    address: server.address,
    supportsTimeSkipping: true,
    namespace: 'default',
    client: {},
    plugins: [],
  });
  await env.connection.testService?.lockTimeSkipping({});
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
    calendar: new CalendarClient({ registryUrl: registry.url }),
    reviewSla: { workingDays: 7, extensionWorkingDays: 3 },
  });
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  const startWorker = async () => {
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('@lep/workflows'),
      activities,
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
    temporalAddress: server.address,
    databaseUrl,
    dataSource,
    registry,
    people,
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
        filedOn: new Date(await env.currentTimeMs()).toISOString().slice(0, 10),
        handlerIds: people.handlers,
        parties: [
          { type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' },
        ],
        otherPersonNames: ['李四'],
        actor: HANDLER_ACTOR(people.handlers[0]),
        ...overrides,
      };
      return env.client.workflow.start(CASE_WORKFLOWS.lifecycle, {
        taskQueue,
        workflowId: caseWorkflowId(input.agencyCode, input.caseNumber),
        args: [input],
      });
    },
    state: (handle) => handle.query<CaseState>(CASE_QUERIES.state),
    sleep: (ms) => env.sleep(ms),
    async close() {
      await stopWorker();
      await env.teardown();
      await server.stop();
      await dataSource.destroy();
      await dropDatabase(databaseUrl);
      await registry.stop();
    },
  };
}
