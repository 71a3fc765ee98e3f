import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { onInterrupt } from './cleanup';
import { freePort } from './free-port';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const HEALTH_TIMEOUT_MS = 60_000;

export interface ServiceProcess {
  url: string;
  /** SIGKILL: the process dies mid-task; nothing drains, no shutdown hook runs. */
  kill(): Promise<void>;
  /** SIGTERM, as an orchestrator stops it. */
  stop(): Promise<void>;
  /**
   * SIGSTOP, then SIGCONT after `ms`: the process neither runs nor answers meanwhile, as one starved of CPU or
   * paused by its host, and then carries on where it was, its connections and in-flight work still open.
   */
  freeze(ms: number): Promise<void>;
}

/**
 * One of our services as production runs it: its built `services/<name>/dist/main.js` in its own process, on a
 * free port (or `options.port`), with exactly the environment given. Resolves once `/health` answers 200.
 * With `options.logFile`, everything it prints is appended there (a restarted service continues the file), so a
 * long whole-system run can show what each service said when something went wrong.
 */
export async function startServiceProcess(
  name: string,
  env: Record<string, string>,
  options: { port?: number; logFile?: string } = {},
): Promise<ServiceProcess> {
  // A fixed port lets a harness restart a killed service where its clients and peers still look for it.
  if (options.port !== undefined) return startOnPort(name, env, options.port, options.logFile);
  // A free port can be taken between asking for it and the service binding it — by another listener, since picked
  // ports lie below the range outgoing connections use (freePort) — so a taken one is replaced, a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnPort(name, env, await freePort(), options.logFile);
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

const PORT_ATTEMPTS = 5;

/** The service exited because its port was taken before it could listen. */
class PortTakenError extends Error {}

async function startOnPort(
  name: string,
  env: Record<string, string>,
  port: number,
  logFile: string | undefined,
): Promise<ServiceProcess> {
  const log = logFile === undefined ? undefined : openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'services', name, 'dist/main.js')],
    {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
      stdio: ['ignore', log ?? 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (log !== undefined) writeSync(log, chunk);
  });
  // 'close' comes after the last output, so the log is complete before the file is closed.
  child.once('close', () => log !== undefined && closeSync(log));
  // Ctrl-C or a CI timeout ends the harness: its services must not live on, holding ports and polling Temporal.
  const unregister = onInterrupt(async () => {
    child.kill('SIGKILL');
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      unregister();
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      const message = `${name} exited with ${child.exitCode}: ${stderr}`;
      throw stderr.includes('EADDRINUSE') ? new PortTakenError(message) : new Error(message);
    }
    const healthy = await fetch(`${url}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become healthy within ${HEALTH_TIMEOUT_MS} ms: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const freeze = async (ms: number) => {
    child.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, ms));
    child.kill('SIGCONT');
  };
  return { url, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM'), freeze };
}
