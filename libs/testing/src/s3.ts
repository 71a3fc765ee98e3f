import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { stopOnce } from './cleanup';
import { freePort } from './free-port';

/** Connection settings in the shape the `minio` client takes. */
export interface S3Connection {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  region: string;
}

export interface S3Peer {
  /** http(s)://host:port, as services take it in S3_ENDPOINT. */
  endpoint: string;
  connection: S3Connection;
  embedded: boolean;
  /** Embedded only: the temporary directory holding the objects, removed by stop(). */
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

/** The S3 store at `endpoint`, else s3rver on a free port over a temp directory (its default S3RVER keys). */
export async function startS3(options: StartS3Options = {}): Promise<S3Peer> {
  const region = options.region ?? 'us-east-1';
  if (options.endpoint) {
    if (!options.accessKey || !options.secretKey)
      throw new Error('S3_ENDPOINT needs S3_ACCESS_KEY and S3_SECRET_KEY');
    return {
      endpoint: options.endpoint,
      connection: connectionOf(options.endpoint, options.accessKey, options.secretKey, region),
      embedded: false,
      stop: async () => undefined,
    };
  }
  const directory = await mkdtemp(path.join(tmpdir(), 'lep-s3-'));
  const port = await freePort();
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, ...options.tls });
  await server.run();
  const endpoint = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    endpoint,
    connection: connectionOf(endpoint, 'S3RVER', 'S3RVER', region),
    embedded: true,
    directory,
    stop: stopOnce(async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    }),
  };
}
