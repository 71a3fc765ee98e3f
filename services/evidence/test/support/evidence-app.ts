import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { Client } from 'minio';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthModule, Role, signStaffToken } from '@lep/auth';
import {
  createServiceApp,
  DatabaseModule,
  loadConfig,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  S3Module,
  ServiceConfigModule,
} from '@lep/nest-kit';
import { createDatabase, createEvidenceBuckets, dropDatabase, testPeers } from '@lep/testing';
import { EvidenceConfig } from '../../src/config';
import { EVIDENCE_ENTITIES, EVIDENCE_MIGRATIONS, EvidenceDomainModule } from '../../src/evidence-domain';
import { SERVICE } from '../../src/service';

export const AUTH = {
  secret: 'evidence-test-secret-at-least-32-characters',
  issuer: 'lep',
  audience: 'lep-api',
};

export interface Staff {
  sub?: string;
  roles: Role[];
  agency: string;
}

/** A handler of agency BT-8: the default uploader of these tests. */
export const HANDLER: Staff = { sub: 'officer-1', roles: ['handler'], agency: 'BT-8' };

export interface EvidenceTestApp {
  app: INestApplication;
  dataSource: DataSource;
  s3: Client;
  bucket: string;
  config: EvidenceConfig;
  /** http://127.0.0.1:<port> of the listening app, for raw streaming clients. */
  baseUrl: string;
  token(staff?: Staff): string;
  client(staff?: Staff): ReturnType<typeof request.agent>;
  /**
   * Every object key in the evidence bucket, then `unsealed:<key>` for every multipart upload the service started
   * and neither completed nor aborted (bytes that would show nowhere, yet take space until MinIO purges them).
   */
  objectKeys(): Promise<string[]>;
  close(): Promise<void>;
}

@Module({})
class EvidenceTestRoot {}

/**
 * The evidence domain over a real database and a fresh bucket of the S3 peer, served the way production
 * serves it (same pipes, filters, migrations, staff-token guard) and listening on a real port, so uploads
 * stream over a socket. Kafka is left out: these tests read what the outbox holds.
 */
export async function startEvidenceApp(
  databaseUrl: string,
  env: NodeJS.ProcessEnv = {},
): Promise<EvidenceTestApp> {
  const peers = testPeers();
  const bucket = `evidence-${randomBytes(4).toString('hex')}`;
  const config = loadConfig(EvidenceConfig, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: '127.0.0.1:9',
    S3_ENDPOINT: peers.s3Endpoint,
    S3_ACCESS_KEY: peers.s3.accessKey,
    S3_SECRET_KEY: peers.s3.secretKey,
    S3_BUCKET: bucket,
    AUTH_JWT_SECRET: AUTH.secret,
    EVIDENCE_PART_SIZE_MIB: '5',
    ...env,
  });
  const app = await createServiceApp(
    {
      module: EvidenceTestRoot,
      imports: [
        ServiceConfigModule.forValue(EvidenceConfig, config),
        DatabaseModule.forRoot({
          url: databaseUrl,
          entities: [...MESSAGING_ENTITIES, ...EVIDENCE_ENTITIES],
          migrations: [...MESSAGING_MIGRATIONS, ...EVIDENCE_MIGRATIONS],
        }),
        S3Module.forRoot({
          endpoint: config.S3_ENDPOINT,
          accessKey: config.S3_ACCESS_KEY,
          secretKey: config.S3_SECRET_KEY,
          region: config.S3_REGION,
          bucket,
        }),
        AuthModule.forRoot({
          jwt: { hs256Secret: AUTH.secret, issuer: AUTH.issuer, audience: AUTH.audience },
        }),
        EvidenceDomainModule,
      ],
    },
    SERVICE,
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  const s3 = app.get(Client);
  // MinIO lists the multipart uploads of one exact key only, so the keys the service starts uploads under are
  // noted as it goes (the calls themselves go to MinIO unchanged).
  const uploadKeys = new Set<string>();
  const initiate = s3.initiateNewMultipartUpload.bind(s3);
  s3.initiateNewMultipartUpload = (bucketName, objectName, headers) => {
    uploadKeys.add(objectName);
    return initiate(bucketName, objectName, headers);
  };
  // As deploy/minio/create-buckets.sh makes it: write-once (object lock, default retention 30 days).
  await createEvidenceBuckets(peers.s3, { evidence: bucket, retention: { mode: 'GOVERNANCE', days: 30 } });
  const address = app.getHttpServer().address() as { port: number };
  const token = (staff: Staff = HANDLER) =>
    signStaffToken({ sub: staff.sub ?? 'test-staff', roles: staff.roles, agency: staff.agency }, AUTH);
  const objectKeys = async () => {
    const keys: string[] = [];
    for await (const item of s3.listObjectsV2(bucket, '', true)) if (item.name) keys.push(item.name);
    const unsealed: string[] = [];
    for (const key of uploadKeys)
      for await (const pending of s3.listIncompleteUploads(bucket, key, true))
        unsealed.push(`unsealed:${pending.key}`);
    return [...keys.sort(), ...unsealed.sort()];
  };
  return {
    app,
    dataSource: app.get(DataSource),
    s3,
    bucket,
    config,
    baseUrl: `http://127.0.0.1:${address.port}`,
    token,
    client: (staff = HANDLER) =>
      request.agent(app.getHttpServer()).set('authorization', `Bearer ${token(staff)}`),
    objectKeys,
    close: () => app.close(),
  };
}

export interface OutboxRow {
  topic: string;
  message_key: string;
  event: { id: string; type: string; subject: string; source: string; data: Record<string, unknown> };
}

export function outboxEvents(dataSource: DataSource, type?: string): Promise<OutboxRow[]> {
  return dataSource.query(
    `SELECT topic, message_key, event FROM outbox_event
      WHERE $1::text IS NULL OR event->>'type' = $1 ORDER BY created_at, id`,
    [type ?? null],
  );
}

/** An evidence app over a fresh database and bucket for the calling test file. */
export function useEvidenceApp(prefix: string, env: NodeJS.ProcessEnv = {}): () => EvidenceTestApp {
  let databaseUrl: string | undefined;
  let evidence: EvidenceTestApp | undefined;
  beforeAll(async () => {
    databaseUrl = await createDatabase(testPeers().databaseServerUrl, prefix);
    evidence = await startEvidenceApp(databaseUrl, env);
  });
  afterAll(async () => {
    await evidence?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
  });
  return () => {
    if (!evidence) throw new Error('the evidence app exists only inside tests (after beforeAll)');
    return evidence;
  };
}
