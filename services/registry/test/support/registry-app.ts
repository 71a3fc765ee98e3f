import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { AuthModule, Role, signStaffToken } from '@lep/auth';
import { createServiceApp, DatabaseModule, MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@lep/nest-kit';
import { createDatabase, dropDatabase, testPeers } from '@lep/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS, REGISTRY_MODULES } from '../../src/registry-domain';
import { SERVICE } from '../../src/service';
import { IMPORT_JSON_BODY_LIMIT } from '../../src/imports/imports.dto';
import { RegistryApiKeyVerifier } from '../../src/api-keys/registry-api-key-verifier';

export interface RegistryTestApp {
  app: INestApplication;
  dataSource: DataSource;
  /** An HTTP client carrying a staff token; a 兵团 platform admin unless told otherwise. */
  client(staff?: { roles: Role[]; agency: string; subject?: string }): ReturnType<typeof request.agent>;
  close(): Promise<void>;
}

const AUTH = { secret: 'registry-test-secret-at-least-32-characters', issuer: 'lep', audience: 'lep-api' };

@Module({})
class RegistryTestRoot {}

const PLATFORM_ADMIN = { roles: ['platform-admin'] as Role[], agency: 'BT' };

/**
 * The registry's domain modules over a real database, served the way production serves them (same pipes,
 * filters, migrations, guard with staff tokens and API keys). Kafka is left out: these tests read what the outbox holds, not what a relay sent.
 */
export async function startRegistryApp(databaseUrl: string): Promise<RegistryTestApp> {
  const app = await createServiceApp(
    {
      module: RegistryTestRoot,
      imports: [
        DatabaseModule.forRoot({
          url: databaseUrl,
          entities: [...MESSAGING_ENTITIES, ...REGISTRY_ENTITIES],
          migrations: [...MESSAGING_MIGRATIONS, ...REGISTRY_MIGRATIONS],
        }),
        AuthModule.forRoot(
          { jwt: { hs256Secret: AUTH.secret, issuer: AUTH.issuer, audience: AUTH.audience } },
          { apiKeyVerifier: RegistryApiKeyVerifier },
        ),
        ...REGISTRY_MODULES,
      ],
    },
    SERVICE,
    { logger: false, jsonBodyLimit: IMPORT_JSON_BODY_LIMIT },
  );
  await app.init();
  const client = (staff: { roles: Role[]; agency: string; subject?: string } = PLATFORM_ADMIN) => {
    const token = signStaffToken(
      { sub: staff.subject ?? 'test-staff', roles: staff.roles, agency: staff.agency },
      AUTH,
    );
    return request.agent(app.getHttpServer()).set('authorization', `Bearer ${token}`);
  };
  return { app, dataSource: app.get(DataSource), client, close: () => app.close() };
}

export interface OutboxRow {
  topic: string;
  message_key: string;
  event: { type: string; subject: string; source: string; data: Record<string, unknown> };
}

export function outboxEvents(dataSource: DataSource, type?: string): Promise<OutboxRow[]> {
  return dataSource.query(
    `SELECT topic, message_key, event FROM outbox_event
      WHERE $1::text IS NULL OR event->>'type' = $1 ORDER BY created_at, id`,
    [type ?? null],
  );
}

/**
 * A registry app over a fresh database for the calling test file; the app is closed before the database is
 * dropped, so no pooled connection outlives it.
 */
export function useRegistryApp(prefix: string): () => RegistryTestApp {
  let databaseUrl: string | undefined;
  let registry: RegistryTestApp | undefined;
  beforeAll(async () => {
    databaseUrl = await createDatabase(testPeers().databaseServerUrl, prefix);
    registry = await startRegistryApp(databaseUrl);
  });
  afterAll(async () => {
    await registry?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
  });
  return () => {
    if (!registry) throw new Error('the registry app exists only inside tests (after beforeAll)');
    return registry;
  };
}

/**
 * Submits `items` as the agency's enforcement item list and has it approved as a platform admin would (the
 * review step itself is tested in item-list-review.spec): the list is published. Returns the version view.
 */
export async function publishEnforcementItems(
  registry: RegistryTestApp,
  agencyCode: string,
  items: object[],
): Promise<{ version: number; publishedAt: string }> {
  const submitted = await registry
    .client()
    .post(`/api/v1/agencies/${agencyCode}/enforcement-items`)
    .send({ items })
    .expect(201);
  await registry
    .client()
    .post(`/api/v1/agencies/${agencyCode}/enforcement-items/submissions/${submitted.body.id}/approval`)
    .send({})
    .expect(200);
  return (await registry.client().get(`/api/v1/agencies/${agencyCode}/enforcement-items`).expect(200)).body;
}
