import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { signStaffToken, type Role } from '@lep/auth';
import { createDatabase, dropDatabase, freePort, testPeers } from '@lep/testing';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const AUTH = {
  secret: 'worker-test-secret-at-least-32-characters!',
  issuer: 'lep',
  audience: 'lep-api',
};

export interface RegistryProcess {
  url: string;
  /** Calls the registry as a platform admin (or the given staff) and returns the parsed body. */
  call<T = unknown>(
    method: string,
    route: string,
    body?: unknown,
    staff?: { roles: Role[]; agency: string },
  ): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The real registry service (its built `dist/main.js`) over a fresh database: the worker's activities talk to
 * it over HTTP exactly as in production.
 */
export async function startRegistryProcess(): Promise<RegistryProcess> {
  const peers = testPeers();
  const databaseUrl = await createDatabase(peers.databaseServerUrl, 'worker_registry');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'services/registry/dist/main.js')],
    {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: peers.kafkaBrokers.join(','),
        AUTH_JWT_SECRET: AUTH.secret,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => stderr);
  const call = async <T>(
    method: string,
    route: string,
    body?: unknown,
    staff = { roles: ['platform-admin'] as Role[], agency: 'XPCC' },
  ) => {
    const token = signStaffToken({ sub: 'test-admin', ...staff }, AUTH);
    const response = await fetch(url + route, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`registry ${method} ${route} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    url,
    call,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await dropDatabase(databaseUrl);
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`registry exited with ${child.exitCode}: ${stderr()}`);
    const healthy = await fetch(`${url}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`registry did not become healthy: ${stderr()}`);
}
