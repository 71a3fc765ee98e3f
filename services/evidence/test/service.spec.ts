import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'minio';
import request from 'supertest';
import { signStaffToken } from '@lep/auth';
import { EVIDENCE_EVENT_TYPES, parseCloudEvent, TOPICS } from '@lep/contracts';
import { createServiceApp, loadConfig } from '@lep/nest-kit';
import { createDatabase, dropDatabase, testPeers } from '@lep/testing';
import { EvidenceConfig } from '../src/config';
import { EvidenceModule } from '../src/evidence.module';
import { SERVICE } from '../src/service';
import { AUTH } from './support/evidence-app';
import { metadata, newCaseId, sha256Of } from './support/fixtures';
import { upload } from './support/multipart-client';

/** The service exactly as main.ts builds it: its own module, config, Kafka outbox relay and health probes. */
describe('the evidence service as deployed', () => {
  let app: INestApplication;
  let databaseUrl: string;
  let baseUrl: string;
  let config: EvidenceConfig;

  beforeAll(async () => {
    const peers = testPeers();
    databaseUrl = await createDatabase(peers.databaseServerUrl, 'evidence_service');
    const bucket = `evidence-${randomBytes(4).toString('hex')}`;
    config = loadConfig(EvidenceConfig, {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: peers.kafkaBrokers.join(','),
      S3_ENDPOINT: peers.s3Endpoint,
      S3_ACCESS_KEY: peers.s3.accessKey,
      S3_SECRET_KEY: peers.s3.secretKey,
      S3_BUCKET: bucket,
      AUTH_JWT_SECRET: AUTH.secret,
    });
    const s3 = new Client({ ...peers.s3, pathStyle: true });
    await s3.makeBucket(bucket);
    app = await createServiceApp(EvidenceModule.forRoot(config), SERVICE, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
  });

  it('reports its database, Kafka and bucket healthy', async () => {
    const health = await request(app.getHttpServer()).get('/health').expect(200);
    expect(Object.keys(health.body.details).sort()).toEqual(['database', 'kafka', 's3']);
  });

  it('reports S3 down while the evidence bucket is missing', async () => {
    // Run before anything is uploaded: only an empty bucket can be removed.
    const s3 = new Client({ ...testPeers().s3, pathStyle: true });
    await s3.removeBucket(config.S3_BUCKET);
    try {
      const health = await request(app.getHttpServer()).get('/health').expect(503);
      expect(health.body.error.s3).toMatchObject({ status: 'down' });
      expect(JSON.stringify(health.body.error.s3)).toContain(config.S3_BUCKET);
    } finally {
      await s3.makeBucket(config.S3_BUCKET);
    }
    await request(app.getHttpServer()).get('/health').expect(200);
  });

  it('publishes evidence.stored on Kafka for the case side, keyed by case', async () => {
    const caseId = newCaseId();
    const content = Buffer.from('送达回证照片');
    const token = signStaffToken({ sub: 'officer-1', agency: 'BT-8', roles: ['handler'] }, AUTH);
    const stored = await upload(`${baseUrl}/api/v1/cases/${caseId}/evidence`, token, {
      fields: metadata({ kind: 'photo', stage: 'served' }),
      file: { name: '送达回证.jpg', contentType: 'image/jpeg', content },
    });
    expect(stored.status).toBe(201);

    const kafka = new Kafka({
      clientId: 'evidence-test',
      brokers: testPeers().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const consumer = kafka.consumer({ groupId: `evidence-test-${randomBytes(4).toString('hex')}` });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.evidenceStored.name, fromBeginning: true });
    const received = await new Promise<{ key: string; event: ReturnType<typeof parseCloudEvent> }>(
      (resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            const event = parseCloudEvent(message.value);
            if (event.id === stored.body.id) resolve({ key: String(message.key), event });
          },
        });
      },
    );
    await consumer.disconnect();
    expect(received.key).toBe(caseId);
    expect(received.event).toMatchObject({
      type: EVIDENCE_EVENT_TYPES.stored,
      source: '/lep/evidence',
      subject: caseId,
      data: {
        evidenceId: stored.body.id,
        caseId,
        sha256: sha256Of(content),
        size: content.length,
        stage: 'served',
      },
    });
  });
});
