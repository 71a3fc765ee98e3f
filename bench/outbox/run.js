// Outbox relay benchmark. Build first (`npm run build`), then: node bench/outbox/run.js [events=50]
// One event at a time, committed by another process's connection pool (as the worker's case steps, a registry
// import or a CLI write theirs: nothing in the relay's process calls nudge()), and read back from Kafka: the time
// from the commit to the event on the topic, with the relay's default tuning (a 200 ms poll). Compared in the same
// run with a bare kafkajs produce → consume of the same events through a scratch topic.
const { performance } = require('node:perf_hooks');
const { setTimeout } = require('node:timers');
const { randomUUID } = require('node:crypto');
const { Kafka, logLevel, Partitioners } = require('kafkajs');
const { DataSource } = require('typeorm');
const { createDatabase, dropDatabase, startKafka, startPostgres } = require('../../libs/testing/dist');
const { TOPICS, createCloudEvent } = require('../../libs/contracts/dist');
const {
  enqueueEvent,
  KafkaClient,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  OutboxRelay,
} = require('../../libs/nest-kit/dist');

const EVENTS = Number(process.argv[2] ?? 50);
const BASELINE_TOPIC = { name: 'bench.outbox.baseline', partitions: 6 };
const RUN = randomUUID().slice(0, 8);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function report(label, latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `${label} (${sorted.length}, one at a time): p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
  );
  return percentile(sorted, 50);
}

/** Reads `topic` from its end; `next(key)` resolves when the message keyed `key` arrives. */
async function reader(kafka, topic) {
  const consumer = kafka.consumer({ groupId: `bench-outbox-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  const waiting = new Map();
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = message.key.toString();
      waiting.get(key)?.(performance.now());
      waiting.delete(key);
    },
  });
  await joined;
  return {
    next: (key) => new Promise((resolve) => waiting.set(key, resolve)),
    stop: () => consumer.disconnect(),
  };
}

async function main() {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const postgres = await startPostgres(process.env.TEST_DATABASE_URL || undefined);
  const kafkaPeer = await startKafka({ extraTopics: [BASELINE_TOPIC] });
  const url = await createDatabase(postgres.url, 'bench_outbox');
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: MESSAGING_ENTITIES,
    migrations: MESSAGING_MIGRATIONS,
    migrationsTableName: 'lep_migrations',
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const relay = new OutboxRelay(
    dataSource,
    new KafkaClient({ clientId: 'bench-outbox', brokers: kafkaPeer.brokers }),
  );
  relay.onApplicationBootstrap();
  const writer = new DataSource({ type: 'postgres', url });
  await writer.initialize();

  const kafka = new Kafka({ clientId: 'bench', brokers: kafkaPeer.brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 50));

  const bareReader = await reader(kafka, BASELINE_TOPIC.name);
  const bare = [];
  for (let i = 0; i < EVENTS; i += 1) {
    const key = `${RUN}-bare-${i}`;
    const arrived = bareReader.next(key);
    const sent = performance.now();
    await producer.send({ topic: BASELINE_TOPIC.name, acks: -1, messages: [{ key, value: '{}' }] });
    bare.push((await arrived) - sent);
    await pause();
  }
  await bareReader.stop();

  const outboxReader = await reader(kafka, TOPICS.caseLifecycle.name);
  const relayed = [];
  for (let i = 0; i < EVENTS; i += 1) {
    const key = `${RUN}-case-${i}`;
    const event = createCloudEvent({ source: '/bench', type: 'cn.lep.bench.v1', subject: key, data: { i } });
    const arrived = outboxReader.next(key);
    await writer.transaction((manager) => enqueueEvent(manager, TOPICS.caseLifecycle, key, event));
    const committed = performance.now();
    relayed.push((await arrived) - committed);
    await pause();
  }
  await outboxReader.stop();

  const bareP50 = report('bare kafkajs produce (acks all) → consume', bare);
  const relayP50 = report('commit in another process → relayed → consumed', relayed);
  console.log(`relay latency p50 = ${(relayP50 / bareP50).toFixed(1)}× the bare produce → consume`);

  await producer.disconnect();
  await relay.beforeApplicationShutdown();
  await writer.destroy();
  await dataSource.destroy();
  await dropDatabase(url);
  await kafkaPeer.stop();
  await postgres.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
