import { ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { SERVICE_PORTS } from '@lep/contracts';
import { alive, descendants } from '@lep/testing';

const ROOT = path.resolve(__dirname, '../../..');
const PORTS = SERVICE_PORTS;
const STARTUP_MS = 180_000;

/** `npm start` end to end: the built dev stack, exactly as a person runs it (after `npm run build`). */
describe('npm start (tools/dev-stack)', () => {
  let stack: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    stack = spawn(process.execPath, [path.join(ROOT, 'tools/dev-stack/dist/main.js')], {
      cwd: ROOT,
      env: { ...process.env, TEMPORAL_ADDRESS: '', DATABASE_URL: '', KAFKA_BROKERS: '', S3_ENDPOINT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => stack.on('exit', (code) => resolve(code)));
    stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + STARTUP_MS;
    while (!output.includes('LEP is up') && Date.now() < deadline) {
      if (stack.exitCode !== null) throw new Error(`dev stack exited early:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!output.includes('LEP is up')) throw new Error(`dev stack not up after ${STARTUP_MS} ms:\n${output}`);
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
    expect(stdout.trim().split('\n')).toHaveLength(6);
    expect(stdout).not.toContain('DOWN');
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
