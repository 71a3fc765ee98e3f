import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

const GUARD = path.resolve(__dirname, '../bin/guard.js');

export interface EngineProcessSpec {
  /** Names it in errors. */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Everything the engine prints is appended here. */
  logFile: string;
  /** Resolves true once the engine serves; polled until `readyTimeoutMs`. */
  ready(): Promise<boolean>;
  readyTimeoutMs?: number;
  /** How long a graceful stop may take before SIGKILL. */
  stopGraceMs?: number;
  /** Removed by the guard if this process dies without stopping the engine. */
  removeOnOrphan?: string;
}

export interface EngineExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The last lines of a log, for start-up failures. */
export function logTail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

/**
 * One run of an engine, watched by a guard process (bin/guard.js) so that it ends with us whatever ends us. The
 * guard runs in its own process group: a Ctrl-C at the terminal reaches whoever started it, which stops its
 * services before its engines.
 */
export class EngineProcess {
  /** Resolves when the engine has ended (and its guard with it). */
  readonly exited: Promise<EngineExit>;
  private exit?: EngineExit;

  private constructor(
    private readonly spec: EngineProcessSpec,
    private readonly guard: ChildProcess,
    /** The engine's own pid (not the guard's). */
    readonly pid: number,
    exited: Promise<EngineExit>,
  ) {
    this.exited = exited.then((exit) => (this.exit = exit));
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  static async start(spec: EngineProcessSpec): Promise<EngineProcess> {
    const log = openSync(spec.logFile, 'a');
    let guard: ChildProcess;
    try {
      guard = spawn(
        process.execPath,
        [
          GUARD,
          JSON.stringify({
            command: spec.command,
            args: spec.args,
            cwd: spec.cwd,
            env: spec.env ?? process.env,
            graceMs: spec.stopGraceMs ?? 10_000,
            removeOnOrphan: spec.removeOnOrphan,
          }),
        ],
        { stdio: ['ignore', log, log, 'ipc'], detached: true },
      );
    } finally {
      closeSync(log);
    }
    let reportedExit: EngineExit | undefined;
    const exited = new Promise<EngineExit>((resolve) => {
      guard.on('message', (message: { exited?: EngineExit }) => {
        if (message.exited) reportedExit = message.exited;
      });
      guard.once('exit', (code, signal) => resolve(reportedExit ?? { code, signal }));
    });
    const pid = await new Promise<number>((resolve, reject) => {
      guard.on('message', (message: { started?: number }) => {
        if (message.started) resolve(message.started);
      });
      void exited.then((exit) =>
        reject(new Error(`${spec.name} did not start (${describeExit(exit)}):\n${logTail(spec.logFile)}`)),
      );
    });
    const engine = new EngineProcess(spec, guard, pid, exited);
    await engine.waitUntilReady();
    return engine;
  }

  private async waitUntilReady(): Promise<void> {
    const timeoutMs = this.spec.readyTimeoutMs ?? 60_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running)
        throw new Error(
          `${this.spec.name} exited while starting (${describeExit(this.exit!)}):\n${logTail(this.spec.logFile)}`,
        );
      if (await this.spec.ready().catch(() => false)) return;
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(
          `${this.spec.name} did not become ready within ${timeoutMs} ms:\n${logTail(this.spec.logFile)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGKILL to the engine itself: it dies mid-request, as in a crash. */
  async kill(): Promise<void> {
    if (this.running) {
      try {
        process.kill(this.pid, 'SIGKILL');
      } catch {
        // Already gone; the guard reports it.
      }
    }
    await this.exited;
  }

  /** A graceful stop (SIGTERM, SIGKILL after the grace period), as an operator stops it. */
  async stop(): Promise<void> {
    if (this.running) this.guard.kill('SIGTERM');
    await this.exited;
  }
}

function describeExit(exit: EngineExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
