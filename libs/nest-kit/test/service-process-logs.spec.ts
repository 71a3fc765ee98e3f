import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@lep/testing';

interface RunningService {
  url: string;
  lines: () => Array<Record<string, unknown>>;
  stop: () => Promise<void>;
}

/** Starts the plain fixture service (built library) and waits until /health answers. */
async function startPlainService(env: Record<string, string>): Promise<RunningService> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'fixtures/plain-service.js')], {
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`${url}/health/live`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the plain service did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    lines: () =>
      stdout
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a service process', () => {
  it('writes only JSON lines to standard output, at the LOG_LEVEL of its environment', async () => {
    const service = await startPlainService({ LOG_LEVEL: 'log' });
    try {
      await fetch(`${service.url}/no/such/route`, { headers: { 'X-Request-Id': 'process-check-1' } });
      // The request's line is written once the response has finished, and reaches the pipe a moment later.
      await until(() => service.lines().some((line) => line.requestId === 'process-check-1'));
      expect(service.lines()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            level: 'info',
            service: 'plain',
            msg: expect.stringContaining('listening on'),
          }),
          expect.objectContaining({
            level: 'info',
            requestId: 'process-check-1',
            status: 404,
            route: 'unmatched',
          }),
        ]),
      );
    } finally {
      await service.stop();
    }

    const quiet = await startPlainService({ LOG_LEVEL: 'warn' });
    await fetch(`${quiet.url}/no/such/route`, { headers: { 'X-Request-Id': 'process-check-2' } });
    // Stopped first, so everything it wrote has arrived: the request's info line was never written.
    await quiet.stop();
    expect(quiet.lines().filter((line) => line.level !== 'warn' && line.level !== 'error')).toEqual([]);
  }, 60_000);

  it('relays the Temporal runtime exporter on /metrics when it hosts workers', async () => {
    const service = await startPlainService({ PLAIN_TEMPORAL_RUNTIME: 'true' });
    try {
      const text = await (await fetch(`${service.url}/metrics`)).text();
      expect(text).toContain('lep_http_requests_total');
      expect(text).not.toContain('source failed');
    } finally {
      await service.stop();
    }
  }, 60_000);
});
