// Publication pipeline benchmark. Build first (`npm run build`), then: node bench/publication/run.js [decisions=500]
// Decision CloudEvents go into lep.case.decision.v1; the publication service (its Kafka consumer, masking, the
// deadline workflow on the Temporal dev server, the outbox relay) turns each into a published disclosure on
// lep.publication.disclosure.v1. Compared in the same run with a bare kafkajs produce → consume of the same
// messages through a scratch topic. Prints throughput and end-to-end latency percentiles for both.
const { performance } = require('node:perf_hooks');
const { randomUUID } = require('node:crypto');
const { Kafka, logLevel, Partitioners } = require('kafkajs');
const { DefaultLogger, Runtime } = require('@temporalio/worker');
const { Connection, WorkflowClient } = require('@temporalio/client');
const { Client: PgClient } = require('pg');
const {
  createDatabase,
  dropDatabase,
  startKafka,
  startPostgres,
  startServiceProcess,
  startTemporal,
  TEST_PAYLOAD_KEY_ENV,
} = require('../../libs/testing/dist');
const {
  TOPICS,
  createCloudEvent,
  CASE_EVENT_TYPES,
  CASE_EVENT_SOURCE,
  caseDecisionId,
  caseWorkflowId,
} = require('../../libs/contracts/dist');
const { createServiceApp, loadConfig } = require('../../libs/nest-kit/dist');
const { PublicationConfig } = require('../../services/publication/dist/config');
const { PublicationModule } = require('../../services/publication/dist/publication.module');
const { SERVICE } = require('../../services/publication/dist/service');

const DECISIONS = Number(process.argv[2] ?? 500);
const SEQUENTIAL = 20;
const BASELINE_TOPIC = { name: 'bench.publication.baseline', partitions: 6 };

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(label, sentAt, receivedAt) {
  const latencies = [...receivedAt.entries()].map(([key, at]) => at - sentAt.get(key)).sort((a, b) => a - b);
  const first = Math.min(...sentAt.values());
  const last = Math.max(...receivedAt.values());
  const seconds = (last - first) / 1000;
  console.log(
    `${label}: ${receivedAt.size}/${sentAt.size} in ${seconds.toFixed(2)} s = ${(receivedAt.size / seconds).toFixed(0)} msg/s; ` +
      `latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(0)} ms`,
  );
  return receivedAt.size / seconds;
}

// Per run, so a second run on the same broker does not meet the first run's decisions.
const RUN = randomUUID().slice(0, 8);

function decision(i) {
  // Ids as the case workflow makes them (publication sets aside any other shape).
  const caseNumber = `兵师市监立〔2026〕${RUN}-${i}号`;
  const caseId = caseWorkflowId('BT-SC-01', caseNumber);
  const decisionId = caseDecisionId(caseId, 1);
  return {
    caseId,
    agencyCode: 'BT-SC-01',
    caseNumber,
    category: 'penalty',
    itemCode: 'CF-001',
    decisionId,
    documentNumber: `兵师市监罚〔2026〕${i}号`,
    decidedOn: '2026-09-30',
    decidedAt: '2026-09-30T03:00:00.000Z',
    agencyName: '第一师阿拉尔市市场监督管理局',
    agencyCreditCode: '11659002MB1234567X',
    region: 'national',
    major: false,
    party: { type: 'natural-person', name: '张三丰', idType: '居民身份证', idNumber: '11010519491231002X' },
    otherPersonNames: ['李四'],
    penalty: {
      violationType: '销售过期食品',
      facts:
        '当事人张三丰（身份证号11010519491231002X，住址：阿拉尔市幸福路88号，电话13912345678）销售过期食品，证人李四证实。',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      penaltyKinds: ['警告', '罚款'],
      content: '警告，并处罚款人民币5000元。',
      fineYuan: 5000,
      validUntil: '2027-09-30',
    },
    publicationBlocks: [],
    draftHash: 'sha256-bench',
  };
}

/** Consumes `topic` from the beginning, recording the arrival time of each key in `receivedAt`, until `done()`. */
async function collect(kafka, topic, receivedAt, expected) {
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  // Arrival times count only once the reader is in its group, or the join time would pass for latency.
  const joined = new Promise((r) => consumer.on(consumer.events.GROUP_JOIN, r));
  let resolve;
  const complete = new Promise((r) => (resolve = r));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = message.key.toString();
      if (expected.has(key) && !receivedAt.has(key)) receivedAt.set(key, performance.now());
      if (receivedAt.size === expected.size) resolve();
    },
  });
  await joined;
  return { complete, stop: () => consumer.disconnect() };
}

const STEPS = [
  ['workflow started (consumer → Temporal start)', 'started'],
  ['first workflow task taken by the worker', 'firstTaskStarted'],
  [
    'first workflow task completed (local activities: receipt, publication and deadline done)',
    'firstTaskCompleted',
  ],
  ['receiveDecision scheduled (server activities)', 'receiveScheduled'],
  ['receiveDecision started (activity task taken)', 'receiveStarted'],
  ['receiveDecision completed', 'receiveCompleted'],
  ['second workflow task taken', 'secondTaskStarted'],
  ['tryPublish started', 'publishStarted'],
  ["outbox row written (its transaction began: the consumer's, or tryPublish's)", 'outboxCreated'],
  ['record published (the publication time it carries)', 'recordPublished'],
  ['tryPublish completed', 'publishCompleted'],
  ['relay round took the row (its transaction began)', 'outboxPublished'],
  ['disclosure read from the topic', 'arrived'],
];

const millis = (timestamp) => Number(timestamp.seconds) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6);

/**
 * Where the time of the burst goes: for each decision, when each step happened after the decision was sent, from
 * the workflow's own history (server clock), the outbox row's times (database clock) and the reader (all on this
 * machine). Printed as percentiles per step, so the step where the latency grows stands out.
 */
async function stepBreakdown(temporal, databaseUrl, events, sent, received) {
  const connection = await Connection.connect({ address: temporal.address });
  const client = new WorkflowClient({ connection, namespace: temporal.namespace });
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  const origin = performance.timeOrigin;
  const steps = new Map(events.map((event) => [event.subject, {}]));
  for (const [key, at] of received) steps.get(key).arrived = origin + at;
  const { rows } = await pg.query(
    `SELECT message_key, created_at, published_at FROM outbox_event WHERE message_key = ANY($1) AND id LIKE '%:published:%'`,
    [[...steps.keys()]],
  );
  for (const row of rows) {
    steps.get(row.message_key).outboxCreated = row.created_at.getTime();
    steps.get(row.message_key).outboxPublished = row.published_at?.getTime();
  }
  const published = await pg.query(
    `SELECT decision_id, published_at FROM disclosure WHERE decision_id = ANY($1)`,
    [[...steps.keys()]],
  );
  for (const row of published.rows) steps.get(row.decision_id).recordPublished = row.published_at?.getTime();
  await pg.end();
  // A record published at receipt has no deadline workflow (the consumer publishes it); one that waits has.
  let workflows = 0;
  for (const [key, step] of steps) {
    const history = await client
      .getHandle(`disclosure-${key}`)
      .fetchHistory()
      .then(
        (found) => found.events,
        (error) => {
          if (error.code === 5) return undefined; // NOT_FOUND
          throw error;
        },
      );
    if (!history) continue;
    workflows += 1;
    const at = (type, nth = 0) => {
      const found = history.filter((event) => event.eventType === type)[nth];
      return found ? millis(found.eventTime) : undefined;
    };
    // EventType numbers (temporal.api.enums.v1.EventType).
    step.started = at(1);
    step.firstTaskStarted = at(6, 0);
    step.firstTaskCompleted = at(7, 0);
    step.receiveScheduled = at(10, 0);
    step.secondTaskStarted = at(6, 1);
    step.receiveStarted = at(11, 0);
    step.receiveCompleted = at(12, 0);
    step.publishStarted = at(11, 1);
    step.publishCompleted = at(12, 1);
  }
  await connection.close();
  console.log(`deadline workflows started for the burst: ${workflows} of ${steps.size}`);
  console.log('where the time goes, ms after the decision was sent (p50 / p95 / max over the burst):');
  for (const [label, field] of STEPS) {
    const offsets = [...steps]
      .filter(([, step]) => step[field] !== undefined)
      .map(([key, step]) => step[field] - (origin + sent.get(key)))
      .sort((a, b) => a - b);
    if (offsets.length === 0) continue;
    console.log(
      `  ${label}: ${percentile(offsets, 50).toFixed(0)} / ${percentile(offsets, 95).toFixed(0)} / ` +
        `${offsets[offsets.length - 1].toFixed(0)}`,
    );
  }
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const postgres = await startPostgres(process.env.TEST_DATABASE_URL || undefined);
  const kafkaPeer = await startKafka({ extraTopics: [BASELINE_TOPIC] });
  // The real server: the deadline workflow publishes at once (its decision needs no confirmation).
  const temporal = await startTemporal();
  const databaseUrl = await createDatabase(postgres.url, 'bench_publication');
  // The working-day calendar's owner: publication counts each disclosure deadline on it.
  const registryDatabaseUrl = await createDatabase(postgres.url, 'bench_registry');
  const registry = await startServiceProcess('registry', {
    DATABASE_URL: registryDatabaseUrl,
    KAFKA_BROKERS: kafkaPeer.brokers.join(','),
    AUTH_JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
  });
  const config = loadConfig(PublicationConfig, {
    PORT: '3003',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafkaPeer.brokers.join(','),
    TEMPORAL_ADDRESS: temporal.address,
    ...TEST_PAYLOAD_KEY_ENV,
    AUTH_JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    REGISTRY_URL: registry.url,
  });
  const app = await createServiceApp(PublicationModule.forRoot(config), SERVICE, { logger: ['error'] });
  await app.init();

  const kafka = new Kafka({ clientId: 'bench', brokers: kafkaPeer.brokers, logLevel: logLevel.NOTHING });

  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();

  const events = Array.from({ length: DECISIONS }, (_, i) => {
    const data = decision(i);
    return createCloudEvent({
      source: CASE_EVENT_SOURCE,
      type: CASE_EVENT_TYPES.decisionMade,
      subject: data.decisionId,
      data,
    });
  });
  const keys = new Set(events.map((event) => event.subject));

  // Baseline: the same messages, produced and consumed back with nothing in between.
  const baselineSent = new Map();
  const baselineReceived = new Map();
  const baselineReader = await collect(kafka, BASELINE_TOPIC.name, baselineReceived, keys);
  for (const event of events) {
    baselineSent.set(event.subject, performance.now());
    await producer.send({
      topic: BASELINE_TOPIC.name,
      messages: [{ key: event.subject, value: JSON.stringify(event) }],
    });
  }
  await baselineReader.complete;
  await baselineReader.stop();
  const bare = summary('bare kafkajs produce → consume', baselineSent, baselineReceived);

  // Warm-up: one decision all the way through, so the service's consumer has joined its group and the worker
  // has its workflow bundle before the clock starts.
  const warmUp = decision(-1);
  const warmUpReader = await collect(
    kafka,
    TOPICS.publicationDisclosure.name,
    new Map(),
    new Set([warmUp.decisionId]),
  );
  await producer.send({
    topic: TOPICS.caseDecision.name,
    messages: [
      {
        key: warmUp.decisionId,
        value: JSON.stringify(
          createCloudEvent({
            source: CASE_EVENT_SOURCE,
            type: CASE_EVENT_TYPES.decisionMade,
            subject: warmUp.decisionId,
            data: warmUp,
          }),
        ),
      },
    ],
  });
  await warmUpReader.complete;
  await warmUpReader.stop();

  const sent = new Map();
  const received = new Map();
  const reader = await collect(kafka, TOPICS.publicationDisclosure.name, received, keys);
  for (const event of events) {
    sent.set(event.subject, performance.now());
    await producer.send({
      topic: TOPICS.caseDecision.name,
      messages: [{ key: event.subject, value: JSON.stringify(event) }],
    });
  }
  await reader.complete;
  await reader.stop();
  const pipeline = summary('decision in → masked disclosure out (publication)', sent, received);
  console.log(`publication pipeline throughput = ${((pipeline / bare) * 100).toFixed(1)} % of bare kafkajs`);
  await stepBreakdown(temporal, databaseUrl, events, sent, received);

  // Unloaded latency: one decision at a time, each waited for before the next.
  const single = [];
  for (let i = 0; i < SEQUENTIAL; i += 1) {
    const data = decision(DECISIONS + i);
    const arrivals = new Map();
    const oneReader = await collect(
      kafka,
      TOPICS.publicationDisclosure.name,
      arrivals,
      new Set([data.decisionId]),
    );
    const started = performance.now();
    await producer.send({
      topic: TOPICS.caseDecision.name,
      messages: [
        {
          key: data.decisionId,
          value: JSON.stringify(
            createCloudEvent({
              source: CASE_EVENT_SOURCE,
              type: CASE_EVENT_TYPES.decisionMade,
              subject: data.decisionId,
              data,
            }),
          ),
        },
      ],
    });
    await oneReader.complete;
    single.push(arrivals.get(data.decisionId) - started);
    await oneReader.stop();
  }
  single.sort((a, b) => a - b);
  console.log(
    `one decision at a time (${SEQUENTIAL}): latency p50 ${percentile(single, 50).toFixed(0)} ms, ` +
      `p95 ${percentile(single, 95).toFixed(0)} ms, max ${single[single.length - 1].toFixed(0)} ms`,
  );

  await producer.disconnect();
  await app.close();
  await registry.stop();
  await dropDatabase(databaseUrl);
  await temporal.stop();
  await kafkaPeer.stop();
  await postgres.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
