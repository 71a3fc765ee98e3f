import { createCloudEvent, parseCloudEvent, TOPICS } from '@lep/contracts';
import { startKafka, testPeers, useTestDatabase } from '@lep/testing';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource, IsNull } from 'typeorm';
import {
  consumeOnce,
  DEFAULT_RELAY_TUNING,
  enqueueEvent,
  KafkaClient,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  OutboxEventEntity,
  OutboxRelay,
} from '../src';

const databaseUrl = useTestDatabase('outbox');
const TUNING = {
  ...DEFAULT_RELAY_TUNING,
  pollIntervalMs: 50,
  batchSize: 50,
  firstBackoffMs: 100,
  maxBackoffMs: 400,
};

function decisionEvent(n: number) {
  return createCloudEvent({
    source: '/lep/test',
    type: 'cn.lep.case.decision.made.v1',
    subject: `decision-${n}`,
    data: { n },
  });
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('transactional outbox relayed to Kafka', () => {
  let dataSource: DataSource;
  let kafkaClient: KafkaClient;
  let relay: OutboxRelay;
  const kafka = () =>
    new Kafka({
      clientId: 'outbox-test-reader',
      brokers: testPeers().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'postgres',
      url: databaseUrl(),
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
      migrationsTableName: 'lep_migrations',
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    kafkaClient = new KafkaClient({ clientId: 'outbox-test', brokers: testPeers().kafkaBrokers });
    relay = new OutboxRelay(dataSource, kafkaClient, TUNING);
  });

  afterAll(async () => {
    await relay.beforeApplicationShutdown();
    await dataSource.destroy();
  });

  it('writes nothing when the business transaction rolls back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await enqueueEvent(manager, TOPICS.caseDecision, 'decision-0', decisionEvent(0));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await dataSource.getRepository(OutboxEventEntity).count()).toBe(0);
  });

  it('publishes committed events as CloudEvents keyed by aggregate, once each', async () => {
    const events = [1, 2, 3].map(decisionEvent);
    await dataSource.transaction(async (manager) => {
      for (const event of events) await enqueueEvent(manager, TOPICS.caseDecision, event.subject, event);
      // The same fact enqueued again (a retried request) stays one row.
      await enqueueEvent(manager, TOPICS.caseDecision, events[0].subject, events[0]);
    });
    expect(await relay.relayBatch()).toBe(3);
    expect(await relay.relayBatch()).toBe(0);

    const consumer = kafka().consumer({ groupId: 'outbox-test-1' });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.caseDecision.name, fromBeginning: true });
    const received: Array<{ key: string; id: string; contentType: string }> = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          const event = parseCloudEvent(message.value);
          // Other test files publish on the same topic.
          if (!events.some((sent) => sent.id === event.id)) return;
          received.push({
            key: message.key!.toString(),
            id: event.id,
            contentType: String(message.headers!['content-type']),
          });
          if (received.length === 3) resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(received.map((message) => message.id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(received.map((message) => message.key).sort()).toEqual(['decision-1', 'decision-2', 'decision-3']);
    expect(received[0].contentType).toContain('application/cloudevents+json');
  });

  // A broker of its own to start, kill and start again (a JVM recovering its log): up to minutes when loaded.
  it('keeps events through a broker outage, retrying each key from its first event, and delivers them in order once it returns', async () => {
    // A private broker, so the outage hits only this relay.
    const cluster = await startKafka();
    const outageRelay = new OutboxRelay(
      dataSource,
      new KafkaClient({ clientId: 'outbox-outage', brokers: cluster.brokers }),
      TUNING,
    );
    try {
      await cluster.brokersDown();
      const keys = ['outage-a', 'outage-b'];
      const events = keys.flatMap((key) =>
        [0, 1, 2].map((n) =>
          createCloudEvent({
            source: '/lep/test',
            type: 'cn.lep.test.numbered.v1',
            subject: key,
            data: { n },
          }),
        ),
      );
      await dataSource.transaction(async (manager) => {
        for (const event of events) await enqueueEvent(manager, TOPICS.caseReview, event.subject, event);
      });
      outageRelay.onApplicationBootstrap();
      const rows = dataSource.getRepository(OutboxEventEntity);
      // Each attempt lasts as long as the Kafka client's own connection retries (about 10 s with kafkajs defaults).
      await until(async () => (await rows.findOneByOrFail({ id: events[0].id })).attempts >= 2, 90_000);
      const waiting = await rows.find({
        where: events.map((event) => ({ id: event.id })),
        order: { seq: 'ASC' },
      });
      expect(waiting.every((row) => row.publishedAt === null)).toBe(true);
      // Only each key's first event is tried (and backs off); the rest of the key waits behind it untouched.
      expect(
        waiting.map((row) => [
          row.messageKey,
          (row.event.data as { n: number }).n,
          row.attempts > 0,
          row.lastError !== null,
        ]),
      ).toEqual([
        ['outage-a', 0, true, true],
        ['outage-a', 1, false, false],
        ['outage-a', 2, false, false],
        ['outage-b', 0, true, true],
        ['outage-b', 1, false, false],
        ['outage-b', 2, false, false],
      ]);

      await cluster.brokersUp();
      await until(
        async () => (await rows.countBy({ topic: TOPICS.caseReview.name, publishedAt: IsNull() })) === 0,
        60_000,
      );

      const reader = new Kafka({
        clientId: 'outage-reader',
        brokers: cluster.brokers,
        logLevel: logLevel.NOTHING,
      });
      const consumer = reader.consumer({ groupId: 'outage-reader' });
      await consumer.connect();
      await consumer.subscribe({ topic: TOPICS.caseReview.name, fromBeginning: true });
      const received: Array<{ key: string; id: string }> = [];
      await new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            received.push({ key: message.key!.toString(), id: parseCloudEvent(message.value).id });
            if (received.length === events.length) resolve();
          },
        });
      });
      await consumer.disconnect();
      for (const key of keys)
        expect(received.filter((message) => message.key === key).map((message) => message.id)).toEqual(
          events.filter((event) => event.subject === key).map((event) => event.id),
        );
    } finally {
      await outageRelay.beforeApplicationShutdown();
      await cluster.stop();
    }
  }, 240_000);

  it('sends an event as soon as another process commits it, not at its next poll, and listens again after losing its connection', async () => {
    // A relay that polls once an hour: within this test only a commit's notification can make it send.
    const listening = new OutboxRelay(dataSource, kafkaClient, { ...TUNING, pollIntervalMs: 3_600_000 });
    // Another process writing to the same database: a pool of its own, no nudge() to call.
    const writer = new DataSource({ type: 'postgres', url: databaseUrl() });
    await writer.initialize();
    const rows = dataSource.getRepository(OutboxEventEntity);
    const published = async (id: string) => (await rows.findOneByOrFail({ id })).publishedAt !== null;
    const commit = async (n: number) => {
      const event = decisionEvent(n);
      await writer.transaction((manager) => enqueueEvent(manager, TOPICS.caseDecision, event.subject, event));
      return event.id;
    };
    try {
      const before = await commit(20);
      listening.onApplicationBootstrap();
      // Its first round, which starts once it listens, sends what was waiting.
      await until(() => published(before));

      const next = await commit(21);
      await until(() => published(next));

      // The listening connection is cut (a database restart, a proxy's idle timeout): it listens again, and
      // what was committed meanwhile is sent then.
      await dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'lep-outbox-relay' AND datname = current_database()`,
      );
      const duringOutage = await commit(22);
      await until(() => published(duringOutage));
      const afterwards = await commit(23);
      await until(() => published(afterwards));
    } finally {
      await listening.beforeApplicationShutdown();
      await writer.destroy();
    }
  });

  it('applies a redelivered event once per consumer', async () => {
    const applied: string[] = [];
    const event = decisionEvent(9);
    const handle = async () => {
      applied.push(event.id);
    };
    expect(await consumeOnce(dataSource, 'statistics', event.id, handle)).toBe(true);
    expect(await consumeOnce(dataSource, 'statistics', event.id, handle)).toBe(false);
    expect(await consumeOnce(dataSource, 'publication', event.id, handle)).toBe(true);
    expect(applied).toEqual([event.id, event.id]);
  });

  it('forgets the consumed mark when the handler fails, so the redelivery is applied', async () => {
    const event = decisionEvent(10);
    await expect(
      consumeOnce(dataSource, 'statistics', event.id, async () => {
        throw new Error('handler crashed');
      }),
    ).rejects.toThrow('handler crashed');
    expect(await consumeOnce(dataSource, 'statistics', event.id, async () => undefined)).toBe(true);
  });
});
