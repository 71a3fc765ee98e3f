import { TASK_QUEUES } from '@lep/contracts';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { testPeers } from '@lep/testing';
// The worker's production activities and the real registry process the worker's own tests start: case-api's
// end-to-end tests drive the same workflows through HTTP that services/worker drives directly.
import { createCaseActivities } from '../../../worker/src/activities/case-activities';
import { RegistryClient } from '../../../worker/src/activities/registry-client';
import { registryCredential } from '../../../worker/src/activities/registry-credential';
import type { WorkerConfig } from '../../../worker/src/config';
import {
  AUTH,
  startRegistryProcess,
  type RegistryProcess,
} from '../../../worker/test/support/registry-process';
import { seedRegistry, type SeededRegistry } from '../../../worker/test/support/registry-seed';

export interface CaseWorker {
  registry: RegistryProcess;
  people: SeededRegistry;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

/**
 * A worker on the production task queue of the shared Temporal test server (time skipping off: these tests
 * take seconds and no statutory timer should fire meanwhile), writing to case-api's case database.
 */
export async function startCaseWorker(dataSource: DataSource): Promise<CaseWorker> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    runtimeInstalled = true;
  }
  const registry = await startRegistryProcess();
  const people = await seedRegistry(registry);
  const connection = await NativeConnection.connect({ address: testPeers().temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue: TASK_QUEUES.cases,
    workflowsPath: require.resolve('@lep/workflows'),
    activities: createCaseActivities({
      dataSource,
      registry: new RegistryClient(
        registry.url,
        registryCredential({
          AUTH_JWT_SECRET: AUTH.secret,
          AUTH_ISSUER: AUTH.issuer,
          AUTH_AUDIENCE: AUTH.audience,
        } as WorkerConfig),
      ),
      reviewSla: { workingDays: 7, extensionWorkingDays: 3 },
    }),
  });
  const running = worker.run();
  return {
    registry,
    people,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await registry.stop();
    },
  };
}

export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}
