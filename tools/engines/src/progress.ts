import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Where build progress goes: stderr, so a command's own output (e.g. `status`) stays clean. */
export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
}

const stderrSink: ProgressSink = {
  write: (text) => process.stderr.write(text),
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
};

/** How long the build has taken, as people read it: "47s", "3m36s". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60
    ? `${seconds}s`
    : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/**
 * Shows that a long build is alive: on a terminal one line that updates in place, elsewhere (CI logs) a line
 * every 30 s. `step` counts what the tool reported (modules downloaded, packages compiled, artifacts fetched).
 */
export class Progress {
  private readonly started = Date.now();
  private steps = 0;
  private stage = '';
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly title: string,
    private readonly sink: ProgressSink = stderrSink,
  ) {
    this.sink.write(`engines: building ${title}\n`);
    this.timer = setInterval(() => this.show(), sink.isTTY ? 500 : 30_000);
    this.timer.unref();
  }

  step(stage: string): void {
    this.steps += 1;
    this.stage = stage;
  }

  private line(): string {
    return `engines: ${this.title}: ${formatDuration(Date.now() - this.started)}, ${this.steps} steps${this.stage ? ` (${this.stage})` : ''}`;
  }

  private show(): void {
    if (this.sink.isTTY)
      this.sink.write(`\r\x1b[K${this.line().slice(0, (process.stderr.columns || 120) - 1)}`);
    else this.sink.write(`${this.line()}\n`);
  }

  done(): void {
    clearInterval(this.timer);
    if (this.sink.isTTY) this.sink.write('\r\x1b[K');
    this.sink.write(`engines: ${this.title} built in ${formatDuration(Date.now() - this.started)}\n`);
  }

  failed(): void {
    clearInterval(this.timer);
    if (this.sink.isTTY) this.sink.write('\r\x1b[K');
  }
}

/**
 * Runs one build command, feeding every output line to `onLine`. Fails with the command, its exit code and the
 * last lines it printed.
 */
export function runBuildCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onLine(line: string): void },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 30) tail.shift();
        options.onLine(line);
      });
    }
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` failed (${signal ?? `exit code ${code}`}):\n${tail.join('\n')}`,
          ),
        );
    });
  });
}
