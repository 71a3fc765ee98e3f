import type { INestApplication } from '@nestjs/common';
import { createServiceApp, loadConfig } from '@lep/nest-kit';
import {
  createDatabase,
  createTemporalNamespace,
  dropDatabase,
  TEST_PAYLOAD_KEY_ENV,
  testPeers,
} from '@lep/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import request from 'supertest';
import { StatisticsConfig } from '../src/config';
import { SERVICE } from '../src/service';
import { StatisticsModule } from '../src/statistics.module';

describe('the statistics service as deployed (StatisticsModule)', () => {
  let databaseUrl: string;
  let app: INestApplication;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    // The project's Temporal dev server (the service keeps a Schedule there), in a namespace of this file's own.
    const namespace = await createTemporalNamespace(testPeers().temporalAddress);
    databaseUrl = await createDatabase(testPeers().databaseServerUrl, 'stat_service');
    const config = loadConfig(StatisticsConfig, {
      PORT: '3004',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: testPeers().kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: testPeers().temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
      ...TEST_PAYLOAD_KEY_ENV,
      AUTH_JWT_SECRET: 'statistics-service-test-secret-32-characters',
      // No registry here: the daily sweep's calendar check cannot read it and skips, as when it is down.
      REGISTRY_URL: 'http://127.0.0.1:1',
    });
    app = await createServiceApp(StatisticsModule.forRoot(config), SERVICE, { logger: false });
    await app.init();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
  });

  it('starts with every module wired and reports its database, Kafka, Temporal and worker healthy', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(JSON.stringify(response.body)).toContain('temporal-worker');
    await request(app.getHttpServer()).get('/dashboard').expect(200);
    await request(app.getHttpServer())
      .get('/api/v1/statistics')
      .query({ agency: 'XJBT', year: 2026 })
      .expect(401);
  });
});
