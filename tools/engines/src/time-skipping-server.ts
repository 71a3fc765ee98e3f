import { connect } from 'node:net';
import path from 'node:path';
import { ensureEngine } from './build';
import { DataDir } from './data-dir';
import { EngineProcess } from './engine-process';
import { freePort } from './free-port';

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 1_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export interface TimeSkippingServerOptions {
  /** Where the virtual clock starts; now by default. */
  startTime?: Date;
  /**
   * `locked` (default): the clock runs in real time until a client unlocks skipping (sleep() does, and the SDK's
   * time-skipping client while it awaits a result). `enabled`: it jumps to the next timer whenever idle.
   */
  timeSkipping?: 'locked' | 'enabled';
}

/**
 * Temporal's time-skipping test server (the Java SDK's temporal-test-server, through our launcher) on a loopback
 * port. It keeps everything in memory: one per test file, whose clock it is.
 */
export class TimeSkippingServer {
  private constructor(
    private readonly process: EngineProcess,
    private readonly data: DataDir,
    readonly port: number,
  ) {}

  static async start(options: TimeSkippingServerOptions = {}): Promise<TimeSkippingServer> {
    const executable = path.join(await ensureEngine('time-skipping'), 'bin', 'lep-time-skipping-server');
    // Only for its log; the server keeps no state on disk.
    const data = DataDir.of(undefined, 'time-skipping');
    const port = await freePort();
    try {
      const engine = await EngineProcess.start({
        name: 'Temporal time-skipping test server',
        command: executable,
        args: [
          String(port),
          ...(options.timeSkipping === 'enabled' ? ['--enable-time-skipping'] : []),
          ...(options.startTime ? ['--start-time', String(options.startTime.getTime())] : []),
        ],
        cwd: data.path,
        logFile: path.join(data.path, 'test-server.log'),
        ready: () => accepts(port),
        removeOnOrphan: data.removeOnOrphan,
      });
      return new TimeSkippingServer(engine, data, port);
    } catch (error) {
      data.remove();
      throw error;
    }
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.process.pid;
  }

  async stop(): Promise<void> {
    await this.process.stop();
    this.data.remove();
  }
}
