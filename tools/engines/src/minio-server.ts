import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { ensureEngine } from './build';
import { DataDir } from './data-dir';
import { EngineProcess } from './engine-process';
import { RestartableEngine } from './restartable-engine';
import { freePort } from './free-port';

export interface MinioServerOptions {
  /** The drive, kept across restarts; temporary (removed by remove()) when absent. */
  dataDir?: string;
  port?: number;
  /** The MinIO Console's port; null (the default) turns the console off. */
  consolePort?: number | null;
  accessKey?: string;
  /** At least 8 characters (MinIO refuses shorter root passwords). */
  secretKey?: string;
  /** A folder with public.crt and private.key: MinIO then serves HTTPS with that certificate. */
  certsDir?: string;
}

/** Connection settings in the shape the `minio` client takes. */
export interface S3Connection {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  region: string;
}

function answersReady(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const target = new URL(url);
    // Only the readiness probe skips the certificate check: the store may run on a test CA we do not hold here.
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const probe = send(target, { rejectUnauthorized: false, timeout: 1_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    probe.once('error', () => resolve(false));
    probe.once('timeout', () => probe.destroy());
    probe.end();
  });
}

/**
 * MinIO on one folder (its single-drive erasure backend, which keeps versions and object locks), on loopback.
 */
export class MinioServer extends RestartableEngine {
  readonly region = 'us-east-1';

  private constructor(
    private readonly binary: string,
    data: DataDir,
    readonly port: number,
    readonly consolePort: number | null,
    readonly accessKey: string,
    readonly secretKey: string,
    private readonly certsDir: string | undefined,
  ) {
    super(data);
  }

  static async start(options: MinioServerOptions = {}): Promise<MinioServer> {
    const binary = path.join(await ensureEngine('minio'), 'bin', 'minio');
    const data = DataDir.of(options.dataDir, 'minio');
    const server = new MinioServer(
      binary,
      data,
      options.port ?? (await freePort()),
      options.consolePort ?? null,
      options.accessKey ?? 'lep-minio',
      options.secretKey ?? 'lep-minio-password',
      options.certsDir,
    );
    try {
      await server.up();
    } catch (error) {
      data.remove();
      throw error;
    }
    return server;
  }

  /** http(s)://127.0.0.1:port, as services take it in S3_ENDPOINT. */
  get endpoint(): string {
    return `${this.certsDir ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  get consoleUrl(): string | undefined {
    return this.consolePort === null
      ? undefined
      : `${this.certsDir ? 'https' : 'http'}://127.0.0.1:${this.consolePort}`;
  }

  get connection(): S3Connection {
    return {
      endPoint: '127.0.0.1',
      port: this.port,
      useSSL: Boolean(this.certsDir),
      accessKey: this.accessKey,
      secretKey: this.secretKey,
      region: this.region,
    };
  }

  /** Its data folder (temporary ones go with remove()). */
  get dataDir(): string {
    return this.data.path;
  }

  get logFile(): string {
    return path.join(this.data.path, 'minio.log');
  }

  /** Starts it (again) on the same port and drive; resolves once /minio/health/ready answers. */
  async up(): Promise<void> {
    const drive = path.join(this.data.path, 'drive');
    this.process = await EngineProcess.start({
      name: 'MinIO',
      command: this.binary,
      args: [
        'server',
        drive,
        '--address',
        `127.0.0.1:${this.port}`,
        ...(this.consolePort === null ? [] : ['--console-address', `127.0.0.1:${this.consolePort}`]),
        ...(this.certsDir ? ['--certs-dir', this.certsDir] : []),
        '--quiet',
      ],
      cwd: this.data.path,
      env: {
        ...process.env,
        MINIO_ROOT_USER: this.accessKey,
        MINIO_ROOT_PASSWORD: this.secretKey,
        MINIO_BROWSER: this.consolePort === null ? 'off' : 'on',
        MINIO_UPDATE: 'off',
      },
      logFile: this.logFile,
      ready: () => answersReady(`${this.endpoint}/minio/health/ready`),
      removeOnOrphan: this.data.removeOnOrphan,
    });
  }
}
