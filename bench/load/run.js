// Load benchmark. Build first (`npm run build`), then: node bench/load/run.js [clients=20] [casesPerClient=10]
// Runs registry, worker, case-api and publication as processes on embedded peers (Temporal in real time), then:
//  1. bare Temporal: `clients` concurrent clients each start `casesPerClient` empty workflows (no worker needed
//     to start one) — the ceiling the platform's case starts are compared against, same server, same run;
//  2. case starts: the same number of concurrent agency systems each POST /api/v1/cases `casesPerClient` times
//     (authentication, validation, Temporal start), then waits until every case has been filed by the worker;
//  3. public API: the same clients read GET /api/v1/public/decisions.
// Prints throughput and p50/p95/p99 latency for each, and the case-start / bare-start ratio.
const { performance } = require('node:perf_hooks');
const { randomUUID } = require('node:crypto');
const { Client, Connection } = require('@temporalio/client');
const { signStaffToken } = require('../../libs/auth/dist');
const { runBench, withPlatform } = require('../support/platform');

const CLIENTS = Number(process.argv[2] ?? 20);
const PER_CLIENT = Number(process.argv[3] ?? 10);
const AUTH = { secret: 'load-bench-secret-of-at-least-32-characters', issuer: 'lep', audience: 'lep-api' };
const sign = (claims) => signStaffToken(claims, AUTH);

function stats(name, latencies, wallMs) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
  const perSecond = (latencies.length / wallMs) * 1000;
  console.log(
    `${name.padEnd(34)} ${String(latencies.length).padStart(5)} in ${(wallMs / 1000).toFixed(2)} s: ` +
      `${perSecond.toFixed(1)}/s, p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms`,
  );
  return perSecond;
}

/** `clients` loops running `operation(client, i)` `PER_CLIENT` times each; latency per call and total wall time. */
async function drive(operation) {
  const latencies = [];
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; i < PER_CLIENT; i++) {
        const started = performance.now();
        await operation(client, i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - began };
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
    const client = new Client({ connection });
    const bare = await drive((c, i) =>
      client.workflow.start('emptyWorkflow', {
        taskQueue: 'bench-bare',
        workflowId: `bare-${c}-${i}-${randomUUID()}`,
      }),
    );
    const bareRate = stats('bare Temporal start (empty workflow)', bare.latencies, bare.wallMs);

    // Agency systems authenticate with an API key the registry issued (checked by introspection, then cached).
    const { key: token } = await registry.call('POST', '/api/v1/api-keys', {
      agencyCode: 'BT01',
      role: 'agency-system',
      label: 'load bench',
    });
    const run = randomUUID().slice(0, 8);
    const filedOn = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const started = await drive(async (c, i) => {
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
    });
    const caseRate = stats('case start via case-api (HTTP)', started.latencies, started.wallMs);
    console.log(`case starts / bare Temporal starts: ${(caseRate / bareRate).toFixed(2)}×`);

    const filingBegan = performance.now();
    const total = CLIENTS * PER_CLIENT;
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

    const reads = await drive(async () => {
      const response = await fetch(`${url.publication}/api/v1/public/decisions?page=1&pageSize=20`);
      if (!response.ok) throw new Error(`public API answered ${response.status}`);
      await response.arrayBuffer();
    });
    stats('public API GET /public/decisions', reads.latencies, reads.wallMs);
    await connection.close();
  });
}

runBench(main);
