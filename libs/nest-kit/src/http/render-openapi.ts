import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { buildOpenApiDocument, ServiceDescription } from './openapi';

/**
 * A complete, valid environment pointing nowhere. Rendering uses Nest's preview mode, which resolves the
 * module graph without instantiating providers, so none of these addresses is ever contacted.
 */
export const OFFLINE_ENV: NodeJS.ProcessEnv = {
  DATABASE_URL: 'postgres://offline:offline@127.0.0.1:1/offline',
  KAFKA_BROKERS: '127.0.0.1:1',
  S3_ENDPOINT: 'http://127.0.0.1:1',
  S3_ACCESS_KEY: 'offline',
  S3_SECRET_KEY: 'offline',
  TEMPORAL_ADDRESS: '127.0.0.1:1',
  // Never encrypts anything either: a valid key ring of one all-zero key.
  TEMPORAL_PAYLOAD_KEYS: `offline:${Buffer.alloc(32).toString('base64')}`,
  TEMPORAL_PAYLOAD_KEY_ID: 'offline',
  REGISTRY_URL: 'http://127.0.0.1:1',
  // Never signs or verifies anything: rendering builds the module graph only.
  AUTH_JWT_SECRET: 'offline-rendering-only-not-a-real-secret',
};

export async function renderOpenApi(rootModule: DynamicModule, service: ServiceDescription): Promise<string> {
  const app = await NestFactory.create(rootModule, { preview: true, logger: false, abortOnError: false });
  try {
    return JSON.stringify(buildOpenApiDocument(app, service), null, 2) + '\n';
  } finally {
    await app.close();
  }
}

/** docs/api/<service>.json at the repository root (this file sits four levels below it, in src or dist). */
export function committedOpenApiPath(service: ServiceDescription): string {
  return path.resolve(__dirname, '../../../../docs/api', `${service.name}.json`);
}

export function readCommittedOpenApi(service: ServiceDescription): string {
  return readFileSync(committedOpenApiPath(service), 'utf8');
}

export function writeCommittedOpenApi(service: ServiceDescription, document: string): void {
  writeFileSync(committedOpenApiPath(service), document);
  console.log(`wrote ${path.relative(process.cwd(), committedOpenApiPath(service))}`);
}
