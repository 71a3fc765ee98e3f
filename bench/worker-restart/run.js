// How soon a case worker killed mid-work answers again: the worker service (its built dist/main.js, as production
// runs it) SIGKILLed and started anew, against a bare Temporal worker process on the same bundle and task queue,
// same server, same run. Issue #21 ("a restarted worker answers in under 10 s") and #22.
// Build first (`npm run build`), then: node bench/worker-restart/run.js [rounds=5]
// Before each kill the worker has just worked on an open case (as a worker always has) and finished that work (the
// case has nothing in flight); after it: `ready` is the time to /health/ready 200 (what an orchestrator waits for;
// the bare worker has none, so its figure is its first poll), `answers` the time until a query on that case is
// answered — a query needs a worker, so it is the moment the case can be driven again. A round marked `*` killed
// the worker while it held a workflow task of the case anyway: that task goes to another worker only once its
// workflow task timeout runs out (LEP's WORKFLOW_TASK_TIMEOUT, 30 s), so such a round's `answers` is that timeout,
// not the restart (bench/README, "Worker restart").
/* global fetch */
const { spawn } = require('node:child_process');
const { setTimeout } = require('node:timers');
const { performance } = require('node:perf_hooks');
const path = require('node:path');
const { createInterface } = require('node:readline');
const { Client, Connection } = require('@temporalio/client');
const { temporal } = require('@temporalio/proto');
const { signStaffToken } = require('../../libs/auth/dist');
const { TASK_QUEUES, caseWorkflowId, caseQueries, caseUpdates } = require('../../libs/contracts/dist');
const {
  startPeers,
  ensureDatabases,
  databaseUrl,
  freePort,
  startServiceProcess,
  startCaseRegistry,
  testDataConverter,
  TEST_PAYLOAD_KEY_ENV,
} = require('../../libs/testing/dist');

const ROUNDS = Number(process.argv[2] ?? 5);
const AUTH = { secret: 'restart-bench-secret-of-at-least-32-characters', issuer: 'lep', audience: 'lep-api' };
const ROOT = path.resolve(__dirname, '../..');

/** The bare comparison: nothing but a Temporal worker on the case bundle, printing a line once it polls. */
const BARE_WORKER = `
const { NativeConnection, Worker } = require('@temporalio/worker');
const { dataConverterFromEnv } = require(${JSON.stringify(path.join(ROOT, 'libs/temporal-codec/dist'))});
(async () => {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    taskQueue: ${JSON.stringify(TASK_QUEUES.cases)},
    workflowBundle: { codePath: ${JSON.stringify(path.join(ROOT, 'workflows/dist/bundles/case.js'))} },
    activities: {},
    dataConverter: dataConverterFromEnv(process.env),
    sinks: { exporter: { export: { fn: () => undefined } } },
  });
  const running = worker.run();
  console.log('polling');
  await running;
})();
`;

const TASK_STARTED = temporal.api.enums.v1.PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_STARTED;

/**
 * Resolves once the case has nothing in flight (no workflow task, no activity) in two looks 200 ms apart: each
 * round then kills a worker that has finished its work on the case, as the rounds mean to measure, rather than
 * one still filing it (that is the task timeout, marked apart).
 */
async function quiet(handle) {
  for (let still = 0; still < 2;) {
    const { raw } = await handle.describe();
    still = raw.pendingWorkflowTask || raw.pendingActivities?.length ? 0 : still + 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Whether a workflow task of the case is held by a worker (the one just killed) as the round begins. */
async function taskHeld(handle) {
  const { raw } = await handle.describe();
  return raw.pendingWorkflowTask?.state === TASK_STARTED;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Resolves once a query on the case is answered: each try bounded, so a lost try never holds the clock. */
async function answered(connection, handle) {
  for (;;) {
    try {
      await connection.withDeadline(Date.now() + 2_000, () => handle.query(caseQueries.state));
      return performance.now();
    } catch {
      // No worker yet (or the query sat on the dead worker's sticky queue): ask again.
    }
  }
}

/**
 * Has the running worker process a workflow task of the case — an update its validator refuses, which leaves no
 * trace in the history — so the case sits in that worker's cache, bound to its sticky queue, as every case it
 * worked on last does when it is killed.
 */
async function touch(handle) {
  const refused = await handle.executeUpdate(caseUpdates.notify, { args: [{}] }).then(
    () => false,
    () => true,
  );
  if (!refused) throw new Error('the probe update was accepted');
}

async function waitReady(url) {
  for (;;) {
    const ok = await fetch(`${url}/health/ready`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main() {
  const peers = await startPeers({ postgres: true, kafka: true, temporal: { timeSkipping: false } });
  Object.assign(process.env, {
    LEP_TEST_DATABASE_URL: peers.databaseUrl,
    LEP_TEST_KAFKA_BROKERS: peers.kafkaBrokers.join(','),
    LEP_TEST_TEMPORAL_ADDRESS: peers.temporalAddress,
  });
  const processes = [];
  const connection = await Connection.connect({ address: peers.temporalAddress });
  try {
    await ensureDatabases(peers.databaseUrl, ['lep_cases']);
    const registry = await startCaseRegistry({
      secret: AUTH.secret,
      sign: (claims) => signStaffToken(claims, AUTH),
    });
    processes.push(registry);
    const env = {
      KAFKA_BROKERS: peers.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: peers.temporalAddress,
      ...TEST_PAYLOAD_KEY_ENV,
      AUTH_JWT_SECRET: AUTH.secret,
      REGISTRY_URL: registry.url,
      DATABASE_URL: databaseUrl(peers.databaseUrl, 'lep_cases'),
      AUTH_API_KEY_INTROSPECTION_URL: `${registry.url}/api/v1/auth/introspect`,
    };
    const workerPort = await freePort();
    let worker = await startServiceProcess('worker', env, { port: workerPort });
    const caseApi = await startServiceProcess('case-api', env);
    processes.push(caseApi);

    // One open case, filed and waiting in investigation: what the restarted worker must answer for.
    const { key } = await registry.call('POST', '/api/v1/api-keys', {
      agencyCode: 'BT01',
      role: 'agency-system',
      label: 'restart bench',
    });
    const caseNumber = `RESTART-${process.pid}`;
    const filed = await fetch(`${caseApi.url}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        agencyCode: 'BT01',
        caseNumber,
        itemCode: 'P-001',
        title: '重启测试案件',
        filedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
        handlerIds: registry.people.handlers,
        parties: [{ type: 'legal-person', name: '某某有限公司', creditCode: '91659001MA77XXXX1X' }],
        otherPersonNames: [],
      }),
    });
    if (filed.status !== 201) throw new Error(`case start answered ${filed.status}: ${await filed.text()}`);
    const client = new Client({ connection, dataConverter: testDataConverter() });
    const handle = client.workflow.getHandle(caseWorkflowId('BT01', caseNumber));
    await answered(connection, handle);

    const lep = { ready: [], answers: [], held: [] };
    for (let round = 0; round < ROUNDS; round++) {
      await quiet(handle);
      await touch(handle);
      await worker.kill();
      const began = performance.now();
      const answering = answered(connection, handle);
      lep.held.push(await taskHeld(handle));
      worker = await startServiceProcess('worker', env, { port: workerPort });
      lep.ready.push((await waitReady(worker.url)) - began);
      lep.answers.push((await answering) - began);
    }
    await worker.kill();

    const bare = { ready: [], answers: [], held: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const began = performance.now();
      const answering = answered(connection, handle);
      bare.held.push(await taskHeld(handle));
      const child = spawn(process.execPath, ['-e', BARE_WORKER], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, TEMPORAL_ADDRESS: peers.temporalAddress, ...TEST_PAYLOAD_KEY_ENV },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise((resolve) =>
        createInterface({ input: child.stdout }).on('line', (line) => line === 'polling' && resolve()),
      );
      bare.ready.push(performance.now() - began);
      bare.answers.push((await answering) - began);
      await quiet(handle);
      await touch(handle);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }

    const show = (values, held = []) =>
      values.map((ms, round) => `${(ms / 1000).toFixed(1)}${held[round] ? '*' : ''}`).join(' / ');
    console.log(`case worker SIGKILLed and started again, ${ROUNDS} rounds (seconds per round)`);
    console.log(`LEP worker service   ready ${show(lep.ready)}   answers ${show(lep.answers, lep.held)}`);
    console.log(`bare Temporal worker polls ${show(bare.ready)}   answers ${show(bare.answers, bare.held)}`);
    if ([...lep.held, ...bare.held].some(Boolean))
      console.log('* killed while it held a workflow task of the case: answered once that task timed out');
    console.log(
      `median: LEP ready ${(median(lep.ready) / 1000).toFixed(1)} s, answers ${(median(lep.answers) / 1000).toFixed(1)} s; ` +
        `bare polls ${(median(bare.ready) / 1000).toFixed(1)} s, answers ${(median(bare.answers) / 1000).toFixed(1)} s; ` +
        `answers ratio bare/LEP ${(median(bare.answers) / median(lep.answers)).toFixed(2)}×`,
    );
  } finally {
    await connection.close();
    for (const process of processes.reverse()) await process.stop().catch(() => undefined);
    await peers.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
