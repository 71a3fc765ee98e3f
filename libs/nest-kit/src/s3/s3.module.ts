import { DynamicModule, Global, Module } from '@nestjs/common';
import { Client } from 'minio';
import { s3TransportAgent } from '../config/transport-security';
import type { DependencyProbe } from '../health/dependency-probe';

export const S3_PROBE = 'S3_PROBE';

export interface S3ModuleOptions {
  /** http(s)://host:port of MinIO or any S3-compatible store. */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
  /** Checked by /health: the service cannot work while it is missing. */
  bucket: string;
  /** CA bundle for an https endpoint with a private certificate. */
  caFile?: string;
}

export function createS3Client(options: Omit<S3ModuleOptions, 'bucket'>): Client {
  const url = new URL(options.endpoint);
  const useSSL = url.protocol === 'https:';
  return new Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    region: options.region,
    pathStyle: true,
    ...(useSSL && options.caFile ? { transportAgent: s3TransportAgent({ S3_CA_FILE: options.caFile }) } : {}),
  });
}

/** The `minio` client for the service's bucket; /health checks that it is reachable. */
@Global()
@Module({})
export class S3Module {
  static forRoot(options: S3ModuleOptions): DynamicModule {
    return {
      module: S3Module,
      providers: [
        { provide: Client, useValue: createS3Client(options) },
        {
          provide: S3_PROBE,
          useFactory: (client: Client): DependencyProbe => ({
            name: 's3',
            probe: async () => {
              if (!(await client.bucketExists(options.bucket)))
                throw new Error(`bucket ${options.bucket} does not exist`);
            },
          }),
          inject: [Client],
        },
      ],
      exports: [Client, S3_PROBE],
    };
  }
}
