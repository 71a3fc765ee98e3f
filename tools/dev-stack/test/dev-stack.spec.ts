import { ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Kafka, logLevel } from 'kafkajs';
import { Client as S3Client } from 'minio';
import { chinaDateOf } from '@lep/calendar';
import { SERVICE_PORTS } from '@lep/contracts';
import {
  alive,
  CASE_AGENCY,
  CASE_PENALTY_ITEM,
  descendants,
  seedCaseRegistry,
  TEST_PAYLOAD_KEY_ENV,
  testDataConverter,
} from '@lep/testing';

const ROOT = path.resolve(__dirname, '../../..');
const PORTS = SERVICE_PORTS;
/** The first run on a machine builds the engines (minutes); later runs start in well under one. */
const STARTUP_MS = 20 * 60_000;
/** Given to the stack so the test can look for it in everything the stack and its services print. */
const JWT_SECRET = `dev-stack-test-secret-${process.pid}-0123456789abcdef`;
const BOOTSTRAP_KEY = /Bootstrap platform-admin API key[^\n]*\n\s+(lep_[0-9a-f]{16}_[A-Za-z0-9_-]{43})/;
const run = promisify(execFile);

/** `npm start` end to end, exactly as a person runs it: the npm command, on the real engines. */
describe('npm start (tools/dev-stack)', () => {
  let npm: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;
  let mintedKey = '';

  const printed = (pattern: RegExp): string => {
    const found = pattern.exec(output);
    if (!found) throw new Error(`npm start did not print ${pattern}:\n${output}`);
    return found[1]!;
  };
  const lep = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    run(process.execPath, [path.join(ROOT, 'tools/cli/bin/lep.js'), ...args], { env });

  beforeAll(async () => {
    npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        // Engines of its own, as on a fresh machine: nothing named by the environment.
        TEMPORAL_ADDRESS: '',
        DATABASE_URL: '',
        KAFKA_BROKERS: '',
        S3_ENDPOINT: '',
        AUTH_JWT_SECRET: JWT_SECRET,
        // The payload keys too, so this test's client reads what the services write (memo, results).
        ...TEST_PAYLOAD_KEY_ENV,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => npm.on('exit', (code) => resolve(code)));
    npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + STARTUP_MS;
    while (!BOOTSTRAP_KEY.test(output) && Date.now() < deadline) {
      if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!BOOTSTRAP_KEY.test(output)) throw new Error(`npm start not up after ${STARTUP_MS} ms:\n${output}`);
  }, STARTUP_MS + 10_000);

  // When a test failed before the last one stopped it: stop it as a user would (it removes its temporary data),
  // and kill only what is still there after a minute.
  afterAll(async () => {
    const processes = [npm.pid!, ...descendants(npm.pid!)];
    if (npm.exitCode === null && npm.signalCode === null) {
      npm.kill('SIGTERM');
      const deadline = Date.now() + 60_000;
      while (processes.some(alive) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (const pid of processes.filter(alive)) process.kill(pid, 'SIGKILL');
  }, 90_000);

  it('prints every service URL and its OpenAPI page', () => {
    for (const [name, port] of Object.entries(PORTS)) {
      expect(output).toMatch(new RegExp(`${name}\\s+http://127\\.0\\.0\\.1:${port}`));
    }
    expect(output).toContain('http://127.0.0.1:3001/api/docs');
  });

  it('runs on the real engines and prints where each is: the Temporal Web UI, the Kafka broker, MinIO', async () => {
    expect(output).toMatch(
      /Temporal: dev server \(temporal server start-dev\) at 127\.0\.0\.1:\d+, Web UI http/,
    );
    expect(output).toMatch(/Kafka: Apache Kafka broker \(KRaft\) at 127\.0\.0\.1:\d+/);
    expect(output).toMatch(/S3: MinIO at http:\/\/127\.0\.0\.1:\d+, Console http/);

    const ui = printed(/temporal\s+127\.0\.0\.1:\d+ \(gRPC\)\s+Web UI (http:\/\/127\.0\.0\.1:\d+)/);
    const page = await fetch(ui);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);

    const brokers = printed(/kafka\s+(127\.0\.0\.1:\d+)/);
    const admin = new Kafka({
      clientId: 'dev-stack-test',
      brokers: [brokers],
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    expect(await admin.listTopics()).toEqual(expect.arrayContaining(['lep.case.lifecycle.v1']));
    await admin.disconnect();

    const minio = printed(/minio\s+(http:\/\/127\.0\.0\.1:\d+) \(S3\)/);
    expect((await fetch(`${minio}/minio/health/ready`)).status).toBe(200);
  });

  it('gives the Web UI case-api’s payload codec, which lets that UI’s origin in and no credential-less caller', async () => {
    const ui = printed(/temporal\s+127\.0\.0\.1:\d+ \(gRPC\)\s+Web UI (http:\/\/127\.0\.0\.1:\d+)/);
    const codec = `http://127.0.0.1:${PORTS['case-api']}/api/v1/temporal-codec`;
    // The UI server's settings are what its pages read the codec endpoint from.
    expect(await (await fetch(`${ui}/api/v1/settings`)).text()).toContain(codec);
    const preflight = await fetch(`${codec}/decode`, {
      method: 'OPTIONS',
      headers: { origin: ui, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ui);
    const anonymous = await fetch(`${codec}/decode`, {
      method: 'POST',
      headers: { origin: ui, 'content-type': 'application/json' },
      body: JSON.stringify({ payloads: [] }),
    });
    expect(anonymous.status).toBe(401);
    expect(output).toContain(`--codec-endpoint ${codec} --codec-auth`);
  });

  it('keeps evidence in a bucket with object lock and a default retention, as production does', async () => {
    const minio = new URL(printed(/minio\s+(http:\/\/127\.0\.0\.1:\d+) \(S3\)/));
    // The dev stack's own MinIO takes the engines' default keys.
    const s3 = new S3Client({
      endPoint: minio.hostname,
      port: Number(minio.port),
      useSSL: false,
      accessKey: 'lep-minio',
      secretKey: 'lep-minio-password',
    });
    expect(await s3.getObjectLockConfig('lep-evidence')).toMatchObject({
      objectLockEnabled: 'Enabled',
      mode: 'GOVERNANCE',
      unit: 'Days',
      validity: 30,
    });
  });

  it('answers up on every /health, each dependency up', async () => {
    for (const port of Object.values(PORTS)) {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      const body = (await response.json()) as { status: string; details: Record<string, { status: string }> };
      expect({ port, status: body.status }).toEqual({ port, status: 'ok' });
      expect(Object.values(body.details).every((detail) => detail.status === 'up')).toBe(true);
    }
  });

  it('is seen healthy by `lep health`', async () => {
    const { stdout } = await lep(['health']);
    expect(stdout.trim().split('\n')).toHaveLength(Object.keys(PORTS).length);
    expect(stdout).not.toContain('DOWN');
  });

  it('prints a bootstrap platform-admin API key that the registry and every other service accept', async () => {
    const key = BOOTSTRAP_KEY.exec(output)![1]!;
    const keys = await fetch(`http://127.0.0.1:${PORTS.registry}/api/v1/agencies/XPCC/api-keys`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(keys.status).toBe(200);
    // Credentials are checked even on public routes, so /health shows whether a service accepts the key.
    const caseApi = `http://127.0.0.1:${PORTS['case-api']}/health`;
    expect((await fetch(caseApi, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    const forged = `${key.slice(0, 21)}${'A'.repeat(43)}`;
    expect((await fetch(caseApi, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
  });

  it('lets `lep auth create-key` mint more keys with it', async () => {
    const key = BOOTSTRAP_KEY.exec(output)![1]!;
    const { stdout } = await lep(['auth', 'create-key', '--agency', 'XPCC', '--role', 'platform-admin'], {
      ...process.env,
      LEP_TOKEN: key,
    });
    expect(stdout.trim()).toMatch(/^lep_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    mintedKey = stdout.trim();
  });

  it('shows a case filed through case-api in Temporal, found by LEP’s search attributes as in the Web UI', async () => {
    const key = BOOTSTRAP_KEY.exec(output)![1]!;
    const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
      const response = await fetch(`http://127.0.0.1:${PORTS.registry}${route}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`registry ${method} ${route} → ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    };
    const people = await seedCaseRegistry(call);
    const { stdout } = await lep(['auth', 'create-key', '--agency', CASE_AGENCY, '--role', 'agency-system'], {
      ...process.env,
      LEP_TOKEN: key,
    });
    const filed = await fetch(`http://127.0.0.1:${PORTS['case-api']}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stdout.trim()}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        agencyCode: CASE_AGENCY,
        caseNumber: `DEV-${process.pid}`,
        itemCode: CASE_PENALTY_ITEM,
        title: '张三销售不合格电热水壶案',
        filedOn: chinaDateOf(Date.now()),
        handlerIds: people.handlers,
        parties: [
          { type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' },
        ],
        otherPersonNames: ['李四'],
      }),
    });
    const answer = await filed.text();
    if (filed.status !== 201) throw new Error(`case-api answered ${filed.status}: ${answer}`);
    const { caseId } = JSON.parse(answer) as { caseId: string };

    const address = printed(/temporal\s+(127\.0\.0\.1:\d+) \(gRPC\)/);
    const connection = await Connection.connect({ address });
    try {
      const client = new Client({ connection, dataConverter: testDataConverter() });
      const deadline = Date.now() + 30_000;
      const found: string[] = [];
      while (found.length === 0 && Date.now() < deadline) {
        for await (const execution of client.workflow.list({
          query: `LepAgency = "${CASE_AGENCY}" AND LepStage = "investigating" AND LepCategory = "penalty"`,
        }))
          found.push(execution.workflowId);
        if (found.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(found).toEqual([caseId]);
      // What the Temporal server keeps is encrypted: the party's ID number is nowhere in the raw history.
      const history = await client.workflow.getHandle(caseId).fetchHistory();
      const raw = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
      expect(raw.length).toBeGreaterThan(0);
      expect(raw.includes(Buffer.from('11010519491231002X'))).toBe(false);
    } finally {
      await connection.close();
    }
  });

  it('prints no secret: the bootstrap key once, never the JWT secret or a key used against the services', async () => {
    // Use the minted key on every service, so a service that logged credentials would have printed it.
    for (const port of Object.values(PORTS))
      await fetch(`http://127.0.0.1:${port}/api/v1/no-such-route`, {
        headers: { authorization: `Bearer ${mintedKey}` },
      });
    const key = BOOTSTRAP_KEY.exec(output)![1]!;
    expect(output.split(key)).toHaveLength(2);
    expect(output).not.toContain(JWT_SECRET);
    expect(output).not.toContain(TEST_PAYLOAD_KEY_ENV.TEMPORAL_PAYLOAD_KEYS.split(':')[1]);
    expect(mintedKey).not.toBe('');
    expect(output).not.toContain(mintedKey);
    expect(output).not.toContain(mintedKey.split('_')[2]);
  });

  it('stops whole on SIGTERM to the npm process the user started: no service, engine or helper left', async () => {
    const stackProcesses = descendants(npm.pid!);
    // npm's shell, the stack, six services, PostgreSQL, and each engine with its guard.
    expect(stackProcesses.length).toBeGreaterThanOrEqual(14);
    npm.kill('SIGTERM');
    await exited;
    const deadline = Date.now() + 60_000;
    while (stackProcesses.some(alive) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(stackProcesses.filter(alive)).toEqual([]);
    expect(output).toContain('stopped; nothing left running');
  }, 120_000);

  it(
    'stops whole when npm alone gets SIGHUP (a closed terminal), though npm does not pass that signal on',
    async () => {
      const again = spawn('npm', ['start'], {
        cwd: ROOT,
        env: { ...process.env, TEMPORAL_ADDRESS: '', DATABASE_URL: '', KAFKA_BROKERS: '', S3_ENDPOINT: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let printed = '';
      again.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      again.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      const deadline = Date.now() + STARTUP_MS;
      while (!BOOTSTRAP_KEY.test(printed) && Date.now() < deadline && again.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 250));
      expect(BOOTSTRAP_KEY.test(printed)).toBe(true);
      const stackProcesses = descendants(again.pid!);
      expect(stackProcesses.length).toBeGreaterThanOrEqual(14);

      again.kill('SIGHUP');

      const stopped = Date.now() + 60_000;
      while (stackProcesses.some(alive) && Date.now() < stopped)
        await new Promise((resolve) => setTimeout(resolve, 250));
      expect(stackProcesses.filter(alive)).toEqual([]);
      expect(printed).toContain('stopped; nothing left running');
    },
    STARTUP_MS + 90_000,
  );
});
