import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MinioServer, S3Connection } from '@lep/engines';
import { stopOnce } from './cleanup';

export type { S3Connection };

export interface S3Peer {
  /** http(s)://host:port, as services take it in S3_ENDPOINT. */
  endpoint: string;
  connection: S3Connection;
  embedded: boolean;
  /** Embedded only: MinIO itself, to kill or restart. */
  minio?: MinioServer;
  /** Embedded only: MinIO's temporary folder (its drive), removed by stop(). */
  directory?: string;
  stop(): Promise<void>;
}

export interface StartS3Options {
  endpoint?: string;
  accessKey?: string;
  secretKey?: string;
  region?: string;
  /** Serve the embedded store over HTTPS with this certificate (tests of TLS towards S3). */
  tls?: { key: Buffer; cert: Buffer };
  /** Embedded only: serve the MinIO Console on this port too. */
  consolePort?: number;
  /** Embedded only: the S3 port. */
  port?: number;
}

function connectionOf(endpoint: string, accessKey: string, secretKey: string, region: string): S3Connection {
  const url = new URL(endpoint);
  const useSSL = url.protocol === 'https:';
  return {
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey,
    secretKey,
    region,
  };
}

/** The S3 store at `endpoint`, else MinIO of our own (from the engine cache) over a temporary drive. */
export async function startS3(options: StartS3Options = {}): Promise<S3Peer> {
  if (options.endpoint) {
    if (!options.accessKey || !options.secretKey)
      throw new Error('S3_ENDPOINT needs S3_ACCESS_KEY and S3_SECRET_KEY');
    return {
      endpoint: options.endpoint,
      connection: connectionOf(
        options.endpoint,
        options.accessKey,
        options.secretKey,
        options.region ?? 'us-east-1',
      ),
      embedded: false,
      stop: async () => undefined,
    };
  }
  // MinIO reads its certificate from <certs-dir>/public.crt and private.key.
  const certsDir = options.tls ? mkdtempSync(path.join(tmpdir(), 'lep-minio-certs-')) : undefined;
  if (certsDir && options.tls) {
    writeFileSync(path.join(certsDir, 'public.crt'), options.tls.cert);
    writeFileSync(path.join(certsDir, 'private.key'), options.tls.key, { mode: 0o600 });
  }
  const removeCerts = () => certsDir && rmSync(certsDir, { recursive: true, force: true });
  const minio = await MinioServer.start({
    certsDir,
    port: options.port,
    consolePort: options.consolePort,
  }).catch((error: unknown) => {
    removeCerts();
    throw error;
  });
  return {
    endpoint: minio.endpoint,
    connection: minio.connection,
    embedded: true,
    minio,
    directory: minio.dataDir,
    stop: stopOnce(async () => {
      await minio.remove();
      removeCerts();
    }),
  };
}
