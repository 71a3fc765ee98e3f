import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort, testPeers } from '@lep/testing';
import { AUTH } from './registry-process';

const WORKER_MAIN = path.resolve(__dirname, '../../dist/main.js');

export interface WorkerProcess {
  pid: number;
  /** SIGKILL: the process dies mid-task, nothing drains, no hooks run. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The worker service itself (its built `dist/main.js`), as production runs it. */
export async function startWorkerProcess(env: {
  databaseUrl: string;
  temporalAddress: string;
  registryUrl: string;
}): Promise<WorkerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [WORKER_MAIN], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATABASE_URL: env.databaseUrl,
      KAFKA_BROKERS: testPeers().kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: env.temporalAddress,
      REGISTRY_URL: env.registryUrl,
      AUTH_JWT_SECRET: AUTH.secret,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}: ${stderr}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`worker did not become healthy: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { pid: child.pid ?? 0, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
