import path from 'node:path';
import { Connection } from '@temporalio/client';
import { ensureEngine } from './build';
import { DataDir } from './data-dir';
import { EngineProcess } from './engine-process';
import { RestartableEngine } from './restartable-engine';
import { freePorts } from './free-port';

export interface TemporalDevServerOptions {
  /** Holds the SQLite file, kept across restarts; a temporary folder (removed by remove()) when absent. */
  dataDir?: string;
  port?: number;
  /** The Web UI's port; null runs the server headless. A free port by default. */
  uiPort?: number | null;
  /**
   * The remote codec the Web UI asks to decode payloads (`--ui-codec-endpoint`): case-api's
   * /api/v1/temporal-codec, so operators read the encrypted payloads decrypted (docs/operations.md).
   */
  uiCodecEndpoint?: string;
}

const SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=normal'];

/** Answers once the frontend serves the default namespace (it exists from the first start on). */
async function serves(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    await connection.workflowService.describeNamespace({ namespace: 'default' });
    return true;
  } finally {
    await connection.close();
  }
}

/**
 * The real Temporal server, as the Temporal CLI's dev server runs it (`temporal server start-dev`): every service
 * in one process, its state in one SQLite file, the Web UI on its own port. Restarted on the same file, running
 * workflows carry on where they were.
 */
export class TemporalDevServer extends RestartableEngine {
  private constructor(
    private readonly binary: string,
    data: DataDir,
    readonly port: number,
    readonly uiPort: number | null,
    private readonly uiCodecEndpoint?: string,
  ) {
    super(data);
  }

  static async start(options: TemporalDevServerOptions = {}): Promise<TemporalDevServer> {
    const binary = path.join(await ensureEngine('temporal'), 'bin', 'temporal');
    const data = DataDir.of(options.dataDir, 'temporal');
    const [freeFrontend, freeUi] = await freePorts(2);
    const port = options.port ?? freeFrontend;
    const uiPort = options.uiPort === undefined ? freeUi : options.uiPort;
    const server = new TemporalDevServer(binary, data, port, uiPort, options.uiCodecEndpoint);
    try {
      await server.up();
    } catch (error) {
      data.remove();
      throw error;
    }
    return server;
  }

  /** host:port of the gRPC frontend. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get uiUrl(): string | undefined {
    return this.uiPort === null ? undefined : `http://127.0.0.1:${this.uiPort}`;
  }

  /** Its data folder (temporary ones go with remove()). */
  get dataDir(): string {
    return this.data.path;
  }

  get dbFile(): string {
    return path.join(this.data.path, 'temporal.sqlite');
  }

  get logFile(): string {
    return path.join(this.data.path, 'temporal.log');
  }

  /** Starts the server (again) on the same ports and SQLite file; resolves once it serves. */
  async up(): Promise<void> {
    const ui =
      this.uiPort === null
        ? ['--headless']
        : [
            '--ui-port',
            String(this.uiPort),
            ...(this.uiCodecEndpoint ? ['--ui-codec-endpoint', this.uiCodecEndpoint] : []),
          ];
    this.process = await EngineProcess.start({
      name: 'Temporal dev server',
      command: this.binary,
      args: [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(this.port),
        ...ui,
        '--db-filename',
        this.dbFile,
        // The server holds one SQLite connection; in SQLite's default rollback journal every transaction waits on
        // two fsyncs, which made a bare workflow start take 200 ms here. Write-ahead logging with NORMAL sync
        // commits without waiting on the disk and still keeps every committed transaction when the process is
        // killed (only an OS crash or power loss can undo the last ones) — the fault suite kills it, the machine
        // stays up. 4.6× the bare starts per second, bench/README.md "Temporal dev server in WAL mode".
        ...SQLITE_PRAGMAS.flatMap((pragma) => ['--sqlite-pragma', pragma]),
        '--log-level',
        'warn',
        '--color',
        'never',
      ],
      cwd: this.data.path,
      logFile: this.logFile,
      ready: () => serves(this.address),
      removeOnOrphan: this.data.removeOnOrphan,
    });
  }
}
