import { randomUUID } from 'node:crypto';
import { INestApplication, Module } from '@nestjs/common';
import { createCloudEvent, TOPICS } from '@lep/contracts';
import { testPeers, useTestDatabase } from '@lep/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createServiceApp, dependencyModules, enqueueEvent, KafkaClient, setAsideMessage } from '../src';

const databaseUrl = useTestDatabase('metrics');
const SERVICE = { name: 'metered', title: 'Metered', description: 'test service', version: '1' };

/** The value of one series in a Prometheus text exposition; undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('/metrics of a service with an outbox and consumers (real PostgreSQL and Kafka)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let kafkaClient: KafkaClient;
  const scrape = async () => (await request(app.getHttpServer()).get('/metrics').expect(200)).text;

  beforeAll(async () => {
    @Module({
      imports: dependencyModules({
        serviceName: 'metered',
        config: { DATABASE_URL: databaseUrl(), KAFKA_BROKERS: testPeers().kafkaBrokers },
        outbox: true,
      }),
    })
    class MeteredModule {}
    // Not initialised yet: the relay starts with app.init(), so the test first sees rows wait in the outbox.
    app = await createServiceApp(MeteredModule, SERVICE, { logger: false });
    dataSource = app.get(DataSource);
    kafkaClient = app.get(KafkaClient);
  });

  afterAll(() => app.close());

  it('shows the outbox backlog and its age growing as events are written, and falling to zero once relayed', async () => {
    expect(sample(await scrape(), 'lep_outbox_pending_events', { service: 'metered' })).toBe(0);
    expect(sample(await scrape(), 'lep_outbox_oldest_pending_age_seconds')).toBe(0);

    // A consumer group of this process, positioned at the end of the topic: it is behind by what comes next.
    const group = `metered-${randomUUID()}`;
    const consumer = kafkaClient.consumer(group);
    const admin = kafkaClient.kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(TOPICS.caseDecision.name);
      await admin.setOffsets({
        groupId: group,
        topic: TOPICS.caseDecision.name,
        partitions: ends.map((end) => ({ partition: end.partition, offset: end.high })),
      });
    } finally {
      await admin.disconnect();
    }
    expect(sample(await scrape(), 'lep_kafka_consumer_lag', { group, topic: TOPICS.caseDecision.name })).toBe(
      0,
    );

    const events = [1, 2, 3].map((n) =>
      createCloudEvent({
        source: '/lep/test',
        type: 'cn.lep.case.decision.made.v1',
        subject: `metered-${n}`,
        data: { n },
      }),
    );
    await dataSource.transaction(async (manager) => {
      for (const event of events) await enqueueEvent(manager, TOPICS.caseDecision, event.subject, event);
    });
    const backlog = await scrape();
    expect(sample(backlog, 'lep_outbox_pending_events')).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(sample(await scrape(), 'lep_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(1);

    await app.init(); // starts the relay
    await until(async () => sample(await scrape(), 'lep_outbox_pending_events') === 0);
    expect(sample(await scrape(), 'lep_outbox_oldest_pending_age_seconds')).toBe(0);
    // Relayed, not yet consumed: the group is behind by at least these three (other files share the topic).
    await until(
      async () =>
        (sample(await scrape(), 'lep_kafka_consumer_lag', { group, topic: TOPICS.caseDecision.name }) ?? 0) >=
        3,
    );

    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.caseDecision.name });
    await consumer.run({ eachMessage: async () => undefined });
    try {
      await until(
        async () =>
          sample(await scrape(), 'lep_kafka_consumer_lag', { group, topic: TOPICS.caseDecision.name }) === 0,
      );
    } finally {
      await consumer.disconnect();
    }
  }, 120_000);

  it('counts the messages each consumer set aside, and the outbox rows Kafka refused for good', async () => {
    expect(sample(await scrape(), 'lep_consumer_dead_letter_events', { consumer: 'ingest' })).toBeUndefined();
    for (const offset of ['10', '11'])
      await setAsideMessage(dataSource, {
        consumer: 'ingest',
        topic: TOPICS.caseDecision.name,
        partition: 0,
        offset,
        payload: 'not json',
        reason: 'not a CloudEvent',
      });
    const event = createCloudEvent({
      source: '/lep/test',
      type: 'cn.lep.test.v1',
      subject: 'dead',
      data: {},
    });
    await dataSource.query(
      `INSERT INTO outbox_event (id, topic, message_key, event, dead_lettered_at) VALUES ($1, $2, 'dead', $3, now())`,
      [event.id, TOPICS.caseDecision.name, JSON.stringify(event)],
    );
    const text = await scrape();
    expect(sample(text, 'lep_consumer_dead_letter_events', { consumer: 'ingest' })).toBe(2);
    expect(sample(text, 'lep_outbox_dead_lettered_events')).toBe(1);
    expect(sample(text, 'lep_outbox_pending_events')).toBe(1);
  });

  it('counts HTTP requests by route template and status', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/no/such/route').expect(404);
    const text = await scrape();
    expect(
      sample(text, 'lep_http_requests_total', { route: '/health/live', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'lep_http_requests_total', { route: 'unmatched', status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'lep_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/health/live',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'lep_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('METRICS_TOKEN', () => {
  it('makes /metrics answer only a scrape with the token', async () => {
    @Module({ imports: dependencyModules({ serviceName: 'gated', config: {} }) })
    class GatedModule {}
    const app = await createServiceApp(GatedModule, SERVICE, {
      logger: false,
      metricsToken: 'scrape-token-0123456789',
    });
    try {
      await request(app.getHttpServer()).get('/metrics').expect(401);
      await request(app.getHttpServer())
        .get('/metrics')
        .set('Authorization', 'Bearer wrong-token')
        .expect(401);
      const ok = await request(app.getHttpServer())
        .get('/metrics')
        .set('Authorization', 'Bearer scrape-token-0123456789')
        .expect(200);
      expect(ok.headers['content-type']).toContain('text/plain');
      expect(sample(ok.text, 'lep_process_resident_memory_bytes')).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
