// Registry bulk import benchmark. Build first (`npm run build`), then:
//   node bench/registry-import/run.js [rows=100000]
// Imports N generated personnel rows with `lep registry import personnel` against a real registry process
// (PostgreSQL and Kafka embedded unless DATABASE_URL / KAFKA_BROKERS name servers), then re-imports the same
// file (idempotent: nothing changes), and compares with a bare multi-row INSERT of the same rows into a copy of
// the personnel table in the same database, in the same run.
const { spawn, execFile } = require('node:child_process');
const { mkdtempSync, writeFileSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { promisify } = require('node:util');
const { randomUUID } = require('node:crypto');
const { Client } = require('pg');
const { createDatabase, dropDatabase, freePort, startPeers } = require('../../libs/testing/dist');
const { signStaffToken } = require('../../libs/auth/dist');

const ROOT = path.resolve(__dirname, '../..');
const ROWS = Number(process.argv[2] ?? 100_000);
const AUTH = { secret: 'bench-secret-that-is-at-least-32-characters', issuer: 'lep', audience: 'lep-api' };
const COLUMNS =
  'agencyCode,name,idNumber,roles,certificateNumber,certificateIssuedOn,certificateExpiresOn,qualification,scope';

function generateCsv(file, rows) {
  const lines = [COLUMNS];
  for (let i = 0; i < rows; i += 1) {
    const roles = i % 19 === 0 ? 'handler;legal-reviewer' : 'handler';
    lines.push(
      `BENCH,执法人员${i},,${roles},BENCH-${i},2024-01-01,2099-12-31,exam-passed,"市场监管,食品安全"`,
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

async function waitForHealth(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms`);
}

async function timed(label, action) {
  const start = performance.now();
  await action();
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s  ${Math.round(ROWS / seconds)
      .toString()
      .padStart(8)} rows/s`,
  );
  return seconds;
}

async function bareInsert(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_personnel (LIKE personnel INCLUDING ALL)');
    for (let from = 0; from < ROWS; from += 5000) {
      const ids = [];
      const names = [];
      const numbers = [];
      for (let i = from; i < Math.min(ROWS, from + 5000); i += 1) {
        ids.push(randomUUID());
        names.push(`执法人员${i}`);
        numbers.push(`BENCH-${i}`);
      }
      await client.query(
        `INSERT INTO bench_personnel (id, agency_code, name, id_number, roles, certificate_number,
                                      certificate_issued_on, certificate_expires_on, qualification, scope)
         SELECT id, 'BENCH', name, NULL, ARRAY['handler'], number, '2024-01-01', '2099-12-31', 'exam-passed',
                '市场监管,食品安全'
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS input(id, name, number)`,
        [ids, names, numbers],
      );
    }
  } finally {
    await client.end();
  }
}

async function main() {
  const peers = await startPeers({
    postgres: { url: process.env.DATABASE_URL || undefined },
    kafka: { brokers: process.env.KAFKA_BROKERS || undefined },
  });
  const databaseUrl = await createDatabase(peers.databaseUrl, 'lep_bench_import');
  const port = await freePort();
  const registryUrl = `http://127.0.0.1:${port}`;
  const registry = spawn(process.execPath, [path.join(ROOT, 'services/registry/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: peers.kafkaBrokers.join(','),
      AUTH_JWT_SECRET: AUTH.secret,
      AUTH_ISSUER: AUTH.issuer,
      AUTH_AUDIENCE: AUTH.audience,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lep-bench-import-'));
  try {
    await waitForHealth(`${registryUrl}/health`);
    const token = signStaffToken({ sub: 'bench', agency: 'BENCH', roles: ['platform-admin'] }, AUTH);
    const agency = await fetch(`${registryUrl}/api/v1/agencies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'BENCH',
        name: '基准测试执法主体',
        level: 'corps',
        unifiedSocialCreditCode: '11659000000000999G',
        legalBasis: '《中华人民共和国行政处罚法》',
        dutiesAndPowers: '基准测试',
        region: 'xinjiang',
        legalReviewBody: { name: '法制科', agencyCode: 'BENCH' },
      }),
    });
    if (!agency.ok) throw new Error(`agency not created: ${agency.status} ${await agency.text()}`);
    const file = path.join(dir, 'personnel.csv');
    generateCsv(file, ROWS);
    const lep = (...args) =>
      promisify(execFile)(process.execPath, [path.join(ROOT, 'tools/cli/bin/lep.js'), ...args], {
        env: { ...process.env, LEP_TOKEN: token, LEP_REGISTRY_URL: registryUrl },
        maxBuffer: 1 << 24,
      });

    console.log(`${ROWS} personnel rows, ${os.cpus().length} CPUs`);
    const imported = await timed('lep registry import (validate + apply)', async () => {
      const { stdout } = await lep('registry', 'import', 'personnel', file);
      process.stdout.write(`  ${stdout}`);
    });
    await timed('lep registry import, same file again', async () => {
      const { stdout } = await lep('registry', 'import', 'personnel', file);
      process.stdout.write(`  ${stdout}`);
    });
    const bare = await timed('bare multi-row INSERT of the same rows', () => bareInsert(databaseUrl));
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT count(*) AS events FROM outbox_event WHERE event->>'type' = 'cn.lep.registry.personnel.changed.v1'`,
    );
    await client.end();
    console.log(`pre-disclosure events in the outbox: ${rows[0].events}`);
    console.log(`import / bare INSERT time: ${(imported / bare).toFixed(1)}x`);
  } finally {
    registry.kill('SIGTERM');
    await new Promise((resolve) => registry.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase(databaseUrl);
    await peers.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
