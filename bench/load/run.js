// Load benchmark. Build first (`npm run build`), then:
//   node bench/load/run.js [clients=20] [casesPerClient=10] [perSecond]
// Runs registry, worker, case-api and publication as processes on embedded peers (Temporal in real time), then:
//  1. bare Temporal: `clients` concurrent clients each start `casesPerClient` empty workflows (no worker needed
//     to start one) — the ceiling the platform's case starts are compared against, same server, same run;
//  2. case starts: the same number of concurrent agency systems each POST /api/v1/cases `casesPerClient` times
//     (authentication, validation, Temporal start), then waits until every case has been filed by the worker;
//  3. public API: the same clients read GET /api/v1/public/decisions.
// Steps 1 and 2 begin with one call per client, reported on a line of their own (a client's first call: for a
// case start, the introspection of an API key case-api has not seen yet), then measure `casesPerClient` calls each.
// Prints throughput and p50/p95/p99 latency for each, the slowest calls (which call of its client, when), and the
// case-start / bare-start ratio.
// With `perSecond`, also an open loop after the filing: clients × casesPerClient bare starts, then as many case
// starts, each begun at that steady rate whatever the earlier ones are doing — the latency a call meets when
// agencies arrive at that pace, where the closed loops above measure it at saturation (each client's next call
// waits for its last, so their mean latency is clients ÷ throughput by Little's law).
const { performance } = require('node:perf_hooks');
const { randomUUID } = require('node:crypto');
const { Client, Connection } = require('@temporalio/client');
const { signStaffToken } = require('../../libs/auth/dist');
const { runBench, withPlatform } = require('../support/platform');

const CLIENTS = Number(process.argv[2] ?? 20);
const PER_CLIENT = Number(process.argv[3] ?? 10);
const PER_SECOND = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const AUTH = { secret: 'load-bench-secret-of-at-least-32-characters', issuer: 'lep', audience: 'lep-api' };
const sign = (claims) => signStaffToken(claims, AUTH);

function stats(name, { latencies, wallMs, calls, began }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
  const perSecond = (latencies.length / wallMs) * 1000;
  console.log(
    `${name.padEnd(34)} ${String(latencies.length).padStart(5)} in ${(wallMs / 1000).toFixed(2)} s: ` +
      `${perSecond.toFixed(1)}/s, p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms`,
  );
  // A p99 is made by a few calls: which ones (the client's nth call, and when it began) tells a cold start, a
  // stall that hit every client at once, or a steady tail apart.
  const slowest = [...calls]
    .sort((a, b) => b.took - a.took)
    .slice(0, Math.max(3, Math.ceil(calls.length / 50)));
  console.log(
    `${''.padEnd(34)} began ${new Date(performance.timeOrigin + began).toISOString()}; slowest: ${slowest.map((call) => `${call.took.toFixed(0)} ms (call ${call.i + 1}, at ${(call.began / 1000).toFixed(2)} s)`).join(', ')}`,
  );
  return perSecond;
}

/** `clients` loops running `operation(client, i)` `perClient` times each; each call's start and latency, total wall time. */
async function drive(operation, perClient = PER_CLIENT) {
  const calls = [];
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; i < perClient; i++) {
        const started = performance.now();
        await operation(client, i);
        calls.push({ i, began: started - began, took: performance.now() - started });
      }
    }),
  );
  return { latencies: calls.map((call) => call.took), calls, began, wallMs: performance.now() - began };
}

/** Open loop: `count` calls of `operation(i)`, the ith begun `i / perSecond` s after the first, however many are still running. */
async function driveAtRate(operation, perSecond, count) {
  const calls = [];
  const running = [];
  const began = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = began + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const started = performance.now();
    running.push(
      operation(i).then(() => calls.push({ i, began: started - began, took: performance.now() - started })),
    );
  }
  await Promise.all(running);
  return { latencies: calls.map((call) => call.took), calls, began, wallMs: performance.now() - began };
}

async function main() {
  const profileDir = process.env.LEP_BENCH_PROFILE_DIR;
  const platform = {
    auth: AUTH,
    sign,
    services: ['worker', 'case-api', 'publication'],
    env: {
      // LEP_BENCH_PROFILE_DIR=<dir>: case-api writes its CPU profile and the time of each step there (profile-hook.js).
      'case-api': profileDir
        ? { NODE_OPTIONS: `--require ${require.resolve('./profile-hook.js')}`, LEP_PROFILE_DIR: profileDir }
        : {},
      publication: { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000' },
    },
  };
  await withPlatform(platform, async ({ peers, registry, url, databaseUrl }) => {
    const connection = await Connection.connect({ address: peers.temporalAddress });
    const client = new Client({ connection, namespace: peers.temporalNamespace });
    const bareStart = (c, i) =>
      client.workflow.start('emptyWorkflow', {
        taskQueue: 'bench-bare',
        workflowId: `bare-${c}-${i}-${randomUUID()}`,
      });
    // Each series begins with one call per client, reported apart: what a client's first call costs (for a case
    // start, the one introspection of a key case-api has not seen, which every client's first call waits for)
    // is not the steady state, and with 10 clients it would be a tenth of a 10 × 10 run — its whole p95 and p99.
    stats('bare Temporal start, first call each', await drive(bareStart, 1));
    const bare = await drive(bareStart);
    const bareRate = stats('bare Temporal start (empty workflow)', bare);

    // Agency systems authenticate with an API key the registry issued (checked by introspection, then cached).
    const { key: token } = await registry.call('POST', '/api/v1/api-keys', {
      agencyCode: 'BT01',
      role: 'agency-system',
      label: 'load bench',
    });
    const run = randomUUID().slice(0, 8);
    const filedOn = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const startCase = async (c, i) => {
      const response = await fetch(`${url['case-api']}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          agencyCode: 'BT01',
          caseNumber: `LOAD-${run}-${c}-${i}`,
          itemCode: 'P-001',
          title: '负载测试案件',
          filedOn,
          handlerIds: registry.people.handlers,
          parties: [{ type: 'legal-person', name: '某某有限公司', creditCode: '91659001MA77XXXX1X' }],
          otherPersonNames: [],
        }),
      });
      if (response.status !== 201)
        throw new Error(`case start answered ${response.status}: ${await response.text()}`);
    };
    stats('case start, first call each', await drive((c) => startCase(c, 'first'), 1));
    const started = await drive(startCase);
    const caseRate = stats('case start via case-api (HTTP)', started);
    console.log(`case starts / bare Temporal starts: ${(caseRate / bareRate).toFixed(2)}×`);

    const filingBegan = performance.now();
    // The same bare starts again at once, while the worker still files the cases just started: what this server
    // gives a start with LEP's filing beside it (the case starts ran beside the filing of the cases before them),
    // none of LEP's own work in them.
    const besideRate = stats('bare Temporal start beside the filing', await drive(bareStart));
    console.log(
      `case starts / bare Temporal starts beside the filing: ${(caseRate / besideRate).toFixed(2)}×`,
    );
    const total = CLIENTS * (PER_CLIENT + 1);
    const { DataSource } = require('typeorm');
    const caseDb = await new DataSource({ type: 'postgres', url: databaseUrl('case-api') }).initialize();
    for (;;) {
      const [row] = await caseDb.query(`SELECT count(*)::int AS n FROM case_file WHERE case_number LIKE $1`, [
        `LOAD-${run}-%`,
      ]);
      if (row.n >= total) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await caseDb.destroy();
    console.log(
      `worker filed all ${total} cases (registry checks, record, index, events) ${((performance.now() - filingBegan) / 1000).toFixed(2)} s after the last start`,
    );

    if (PER_SECOND !== undefined) {
      const count = CLIENTS * PER_CLIENT;
      stats(
        `bare Temporal start at ${PER_SECOND}/s`,
        await driveAtRate((i) => bareStart('rate', i), PER_SECOND, count),
      );
      stats(
        `case start at ${PER_SECOND}/s`,
        await driveAtRate((i) => startCase('rate', i), PER_SECOND, count),
      );
    }

    const reads = await drive(async () => {
      const response = await fetch(`${url.publication}/api/v1/public/decisions?page=1&pageSize=20`);
      if (!response.ok) throw new Error(`public API answered ${response.status}`);
      await response.arrayBuffer();
    });
    stats('public API GET /public/decisions', reads);
    await connection.close();
  });
}

runBench(main);
