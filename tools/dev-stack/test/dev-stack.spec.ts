import { ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { SERVICE_PORTS } from '@lep/contracts';
import { alive, descendants } from '@lep/testing';

const ROOT = path.resolve(__dirname, '../../..');
const PORTS = SERVICE_PORTS;
const STARTUP_MS = 180_000;
/** Given to the stack so the test can look for it in everything the stack and its services print. */
const JWT_SECRET = `dev-stack-test-secret-${process.pid}-0123456789abcdef`;
const BOOTSTRAP_KEY = /Bootstrap platform-admin API key[^\n]*\n\s+(lep_[0-9a-f]{16}_[A-Za-z0-9_-]{43})/;

/** `npm start` end to end: the built dev stack, exactly as a person runs it (after `npm run build`). */
describe('npm start (tools/dev-stack)', () => {
  let stack: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;
  let mintedKey = '';

  beforeAll(async () => {
    stack = spawn(process.execPath, [path.join(ROOT, 'tools/dev-stack/dist/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: '',
        DATABASE_URL: '',
        KAFKA_BROKERS: '',
        S3_ENDPOINT: '',
        AUTH_JWT_SECRET: JWT_SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => stack.on('exit', (code) => resolve(code)));
    stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + STARTUP_MS;
    while (!BOOTSTRAP_KEY.test(output) && Date.now() < deadline) {
      if (stack.exitCode !== null) throw new Error(`dev stack exited early:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!BOOTSTRAP_KEY.test(output)) throw new Error(`dev stack not up after ${STARTUP_MS} ms:\n${output}`);
  }, STARTUP_MS + 10_000);

  afterAll(() => {
    if (stack.exitCode === null) stack.kill('SIGKILL');
  });

  it('prints every service URL, its OpenAPI page and the Temporal address', () => {
    for (const [name, port] of Object.entries(PORTS)) {
      expect(output).toMatch(new RegExp(`${name}\\s+http://127\\.0\\.0\\.1:${port}`));
    }
    expect(output).toContain('http://127.0.0.1:3001/api/docs');
    expect(output).toMatch(/temporal\s+127\.0\.0\.1:\d+ \(gRPC\)/);
    expect(output).toMatch(/Temporal: .*test server/i);
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
    const { stdout } = await promisify(execFile)(process.execPath, [
      path.join(ROOT, 'tools/cli/bin/lep.js'),
      'health',
    ]);
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
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, 'tools/cli/bin/lep.js'),
        'auth',
        'create-key',
        '--agency',
        'XPCC',
        '--role',
        'platform-admin',
      ],
      { env: { ...process.env, LEP_TOKEN: key } },
    );
    expect(stdout.trim()).toMatch(/^lep_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    mintedKey = stdout.trim();
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
    expect(mintedKey).not.toBe('');
    expect(output).not.toContain(mintedKey);
    expect(output).not.toContain(mintedKey.split('_')[2]);
  });

  it('stops on SIGTERM with exit code 0 and leaves no process behind', async () => {
    const stackProcesses = descendants(stack.pid!);
    expect(stackProcesses.length).toBeGreaterThanOrEqual(6);
    stack.kill('SIGTERM');
    expect(await exited).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stackProcesses.filter(alive)).toEqual([]);
    for (const port of Object.values(PORTS)) {
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    }
  }, 60_000);
});
