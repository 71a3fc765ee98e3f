import { randomUUID } from 'node:crypto';
import { createCloudEvent, parseCloudEvent, TOPICS, type CloudEvent } from '@lep/contracts';
import { testPeers, useTestDatabase } from '@lep/testing';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  DEFAULT_RELAY_TUNING,
  enqueueEvent,
  enqueueEvents,
  KafkaClient,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  OutboxRelay,
  OutboxRelayTuning,
  OutboxRetention,
  outboxFigures,
  releaseDeadLetter,
} from '../src';

const databaseUrl = useTestDatabase('outbox_order');
const TOPIC = TOPICS.caseLifecycle;

interface Numbered {
  key: string;
  n: number;
}

function numberedEvent(key: string, n: number, padding = 0): CloudEvent<Numbered & { padding: string }> {
  return createCloudEvent({
    source: '/lep/test',
    type: 'cn.lep.test.numbered.v1',
    subject: key,
    data: { key, n, padding: 'x'.repeat(padding) },
  });
}

function openDataSource(): Promise<DataSource> {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl(),
    entities: MESSAGING_ENTITIES,
    migrations: MESSAGING_MIGRATIONS,
    migrationsTableName: 'lep_migrations',
  }).initialize();
}

function relayOn(dataSource: DataSource, name: string, tuning: Partial<OutboxRelayTuning> = {}): OutboxRelay {
  return new OutboxRelay(
    dataSource,
    new KafkaClient({ clientId: `outbox-order-${name}`, brokers: testPeers().kafkaBrokers }),
    { ...DEFAULT_RELAY_TUNING, pollIntervalMs: 20, ...tuning },
  );
}

/** Runs relay rounds until `done()` says every row left; returns how many rows this relay published. */
async function drive(relay: OutboxRelay, done: () => boolean): Promise<number> {
  let published = 0;
  while (!done()) {
    const sent = await relay.relayBatch();
    published += sent;
    if (sent === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return published;
}

/**
 * Reads the topic from the beginning until `complete` holds for what was read of the keys starting with `prefix`;
 * returns, per key, the events in the order Kafka holds them.
 */
async function readKeys(
  prefix: string,
  complete: (byKey: Map<string, CloudEvent<Numbered>[]>) => boolean,
): Promise<Map<string, CloudEvent<Numbered>[]>> {
  const consumer = new Kafka({
    clientId: 'outbox-order-reader',
    brokers: testPeers().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  }).consumer({ groupId: `outbox-order-reader-${randomUUID()}` });
  const byKey = new Map<string, CloudEvent<Numbered>[]>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: TOPIC.name, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(
        () => reject(new Error('the topic did not hold every event in time')),
        120_000,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          const key = message.key?.toString() ?? '';
          if (!key.startsWith(prefix)) return;
          byKey.set(key, [...(byKey.get(key) ?? []), parseCloudEvent(message.value) as CloudEvent<Numbered>]);
          if (complete(byKey)) {
            clearTimeout(timeout);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return byKey;
}

/** Each key's numbers in the order Kafka holds them, a redelivered copy counted where it first appeared. */
function firstOccurrences(events: CloudEvent<Numbered>[]): number[] {
  const seen = new Set<string>();
  return events.filter((event) => !seen.has(event.id) && seen.add(event.id)).map((event) => event.data.n);
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

async function pendingCount(dataSource: DataSource, prefix: string): Promise<number> {
  const [{ count }] = await dataSource.query(
    `SELECT count(*)::int AS count FROM outbox_event
      WHERE published_at IS NULL AND discarded_at IS NULL AND message_key LIKE $1 || '%'`,
    [prefix],
  );
  return count;
}

describe('per-key order out of the outbox', () => {
  let writer: DataSource;
  let replicaA: DataSource;
  let replicaB: DataSource;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    writer = await openDataSource();
    await writer.runMigrations();
    replicaA = await openDataSource();
    replicaB = await openDataSource();
  });

  afterAll(async () => {
    for (const relay of relays) await relay.beforeApplicationShutdown();
    await Promise.all([writer, replicaA, replicaB].map((dataSource) => dataSource?.destroy()));
  });

  it('delivers every key in the order it was written while two relays race over the same keys', async () => {
    const prefix = `race-${randomUUID().slice(0, 8)}-`;
    const keys = range(40).map((index) => `${prefix}${index}`);
    const perKey = 75;
    // Small rounds, so the two relays take turns on the same keys hundreds of times.
    const relayA = relayOn(replicaA, 'a', { keysPerRound: 8, batchSize: 40 });
    const relayB = relayOn(replicaB, 'b', { keysPerRound: 8, batchSize: 40 });
    relays.push(relayA, relayB);

    // Eight writers, five keys each; a transaction writes one to three consecutive events of a key, committed
    // before the key's next ones, so every key's order is the order its transactions committed.
    let writing = true;
    const writers = range(8).map(async (writerIndex) => {
      const mine = keys.filter((_, index) => index % 8 === writerIndex);
      const next = new Map(mine.map((key) => [key, 0]));
      while ([...next.values()].some((n) => n < perKey)) {
        for (const key of mine) {
          const from = next.get(key)!;
          if (from >= perKey) continue;
          const count = Math.min(perKey - from, 1 + ((from + writerIndex) % 3));
          await writer.transaction(async (manager) => {
            if (count === 1) await enqueueEvent(manager, TOPIC, key, numberedEvent(key, from));
            else
              await enqueueEvents(
                manager,
                range(count).map((offset) => ({
                  topic: TOPIC,
                  messageKey: key,
                  event: numberedEvent(key, from + offset),
                })),
              );
          });
          next.set(key, from + count);
        }
      }
    });
    const written = Promise.all(writers).then(() => {
      writing = false;
    });
    let drained = false;
    const done = () => drained;
    const driving = Promise.all([drive(relayA, done), drive(relayB, done)]);
    await written;
    while (writing || (await pendingCount(writer, prefix)) > 0)
      await new Promise((resolve) => setTimeout(resolve, 50));
    drained = true;
    const [byA, byB] = await driving;

    expect(byA + byB).toBe(keys.length * perKey);
    // Both relays did a real share of the work: they raced.
    expect(Math.min(byA, byB)).toBeGreaterThan(keys.length * perKey * 0.1);

    const byKey = await readKeys(prefix, (read) =>
      keys.every((key) => new Set(read.get(key)?.map((event) => event.id)).size === perKey),
    );
    for (const key of keys)
      expect({ key, order: firstOccurrences(byKey.get(key)!) }).toEqual({ key, order: range(perKey) });
  }, 300_000);

  it('holds a key behind an event that can never be sent while the other keys go on, until an operator releases it', async () => {
    const prefix = `dead-${randomUUID().slice(0, 8)}-`;
    const [blocked, discarded, flowing] = ['blocked', 'discarded', 'flowing'].map(
      (name) => `${prefix}${name}`,
    );
    await writer.transaction(async (manager) => {
      // The first event of two keys is bigger than the relay may send; each key has two more behind it.
      for (const key of [blocked, discarded]) {
        await enqueueEvent(manager, TOPIC, key, numberedEvent(key, 0, 4_000));
        for (const n of [1, 2]) await enqueueEvent(manager, TOPIC, key, numberedEvent(key, n));
      }
      for (const n of range(10)) await enqueueEvent(manager, TOPIC, flowing, numberedEvent(flowing, n));
    });
    const strict = relayOn(replicaA, 'strict', { maxMessageBytes: 2_000 });
    relays.push(strict);
    for (let round = 0; round < 5; round += 1) await strict.relayBatch();

    expect(await pendingCount(writer, flowing)).toBe(0);
    const figures = await outboxFigures(writer);
    const dead = figures.deadLettered.filter((row) => row.messageKey.startsWith(prefix));
    expect(dead.map((row) => [row.messageKey, row.waitingBehind])).toEqual([
      [blocked, 2],
      [discarded, 2],
    ]);
    expect(dead[0].lastError).toMatch(/more than the 2000 bytes Kafka takes/);
    expect(await pendingCount(writer, blocked)).toBe(3);

    // The operator gives up one event (its key goes on without it) and lets the other go again once the
    // cause is fixed — here, a relay that may send it.
    expect(await releaseDeadLetter(writer, dead[1].id, 'discard')).toBe(true);
    expect(await releaseDeadLetter(writer, dead[0].id, 'retry')).toBe(true);
    expect(await releaseDeadLetter(writer, dead[0].id, 'retry')).toBe(false);
    const fixed = relayOn(replicaB, 'fixed');
    relays.push(fixed);
    for (let round = 0; round < 5 && (await pendingCount(writer, prefix)) > 0; round += 1)
      await fixed.relayBatch();
    expect(await pendingCount(writer, prefix)).toBe(0);
    expect(
      (await outboxFigures(writer)).deadLettered.filter((row) => row.messageKey.startsWith(prefix)),
    ).toEqual([]);

    const byKey = await readKeys(
      prefix,
      (read) =>
        (read.get(blocked)?.length ?? 0) >= 3 &&
        (read.get(discarded)?.length ?? 0) >= 2 &&
        (read.get(flowing)?.length ?? 0) >= 10,
    );
    expect(firstOccurrences(byKey.get(blocked)!)).toEqual([0, 1, 2]);
    expect(firstOccurrences(byKey.get(discarded)!)).toEqual([1, 2]);
    expect(firstOccurrences(byKey.get(flowing)!)).toEqual(range(10));
  }, 180_000);

  it('removes published rows older than the retention, in batches, and keeps every row still to be sent', async () => {
    const prefix = `retention-${randomUUID().slice(0, 8)}-`;
    const key = (name: string) => `${prefix}${name}`;
    await writer.transaction(async (manager) => {
      for (const n of range(5)) await enqueueEvent(manager, TOPIC, key('old'), numberedEvent(key('old'), n));
      for (const n of range(3))
        await enqueueEvent(manager, TOPIC, key('recent'), numberedEvent(key('recent'), n));
    });
    const relay = relayOn(replicaA, 'retention');
    relays.push(relay);
    while ((await pendingCount(writer, prefix)) > 0) await relay.relayBatch();
    // Published eight days ago; and a row written as long ago that was never sent.
    await writer.query(
      `UPDATE outbox_event SET published_at = now() - interval '8 days', created_at = now() - interval '8 days'
        WHERE message_key = $1`,
      [key('old')],
    );
    await writer.query(
      `UPDATE outbox_event SET published_at = now() - interval '6 days 23 hours' WHERE message_key = $1`,
      [key('recent')],
    );
    await writer.transaction((manager) =>
      enqueueEvent(manager, TOPIC, key('unsent'), numberedEvent(key('unsent'), 0)),
    );
    await writer.query(
      `UPDATE outbox_event SET created_at = now() - interval '30 days', dead_lettered_at = now() - interval '29 days'
        WHERE message_key = $1`,
      [key('unsent')],
    );

    const retention = new OutboxRetention(writer, { retentionDays: 7, batchSize: 2, intervalMs: 60_000 });
    expect(await retention.removeExpired()).toBe(5);
    const left: Array<{ message_key: string; count: number }> = await writer.query(
      `SELECT message_key, count(*)::int AS count FROM outbox_event WHERE message_key LIKE $1 || '%'
        GROUP BY message_key ORDER BY message_key`,
      [prefix],
    );
    expect(left).toEqual([
      { message_key: key('recent'), count: 3 },
      { message_key: key('unsent'), count: 1 },
    ]);
  });
});
