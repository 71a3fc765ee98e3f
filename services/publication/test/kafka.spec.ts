import {
  caseDecisionId,
  CLOUD_EVENT_CONTENT_TYPE,
  parseCloudEvent,
  PUBLICATION_EVENT_TYPES,
  TOPICS,
} from '@lep/contracts';
import { createDatabase, dropDatabase, KafkaPeer, startKafka, testPeers } from '@lep/testing';
import { Kafka, logLevel } from 'kafkajs';
import { decisionMadeEvent, penaltyDecision } from './support/decisions';
import { readWithKcat } from './support/kcat';
import { PublicationTestApp, startPublicationApp, until, usePublicationApp } from './support/publication-app';

const DECISION_DAY = new Date('2026-09-30T10:00:00+08:00');

describe('Kafka in and out', () => {
  usePublicationApp('pub_kafka', { startsAt: DECISION_DAY, consumeKafka: true });

  it('consumes a decision from the case topic and kcat reads its disclosure, keyed by decision id', async () => {
    const decision = penaltyDecision();
    const kafka = new Kafka({
      clientId: 'case-producer-test',
      brokers: testPeers().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.caseDecision.name,
      messages: [{ key: decision.decisionId, value: JSON.stringify(decisionMadeEvent(decision)) }],
    });
    await producer.disconnect();

    const message = await until(async () => {
      const messages = await readWithKcat(testPeers().kafkaBrokers, TOPICS.publicationDisclosure.name);
      return messages.find((candidate) => candidate.key === decision.decisionId);
    }, 60_000);
    const event = parseCloudEvent(message.value);
    expect(event).toMatchObject({
      id: `${decision.decisionId}:published:v1`,
      type: PUBLICATION_EVENT_TYPES.published,
      subject: decision.decisionId,
      data: { decisionId: decision.decisionId, onTime: true, deadlineOn: '2026-10-15' },
    });
    expect(message.headers).toContain(`content-type=${CLOUD_EVENT_CONTENT_TYPE}`);
    expect(message.value).not.toContain(decision.party.idNumber);
    expect(message.value).not.toContain(decision.party.name);
  });
});

describe('a decision that breaks its contract', () => {
  const publication = usePublicationApp('pub_dead_letter', { startsAt: DECISION_DAY, consumeKafka: true });

  it('is set aside with its reasons, and the next decision on its partition is still disclosed', async () => {
    const broken = penaltyDecision({ decidedOn: '2026-02-30', region: 'mars' });
    // The same case decided again (after a withdrawal): its second decision.
    const next = penaltyDecision({ caseId: broken.caseId, decisionId: caseDecisionId(broken.caseId, 2) });
    const brokenEvent = decisionMadeEvent(broken);
    const kafka = new Kafka({
      clientId: 'case-producer-test',
      brokers: testPeers().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    // One key, so one partition: without setting the broken event aside, the next one would wait behind it forever.
    await producer.send({
      topic: TOPICS.caseDecision.name,
      messages: [
        { key: broken.caseId, value: JSON.stringify(brokenEvent) },
        { key: broken.caseId, value: JSON.stringify(decisionMadeEvent(next)) },
      ],
    });
    await producer.disconnect();

    const disclosed = await until(async () => {
      const rows = await publication().dataSource.query(
        `SELECT decision_id FROM disclosure WHERE decision_id = $1`,
        [next.decisionId],
      );
      return rows.length === 1 ? rows : undefined;
    }, 60_000);
    expect(disclosed).toEqual([{ decision_id: next.decisionId }]);
    const setAside = await publication().dataSource.query(
      `SELECT consumer, topic, event_id, reason, payload FROM dead_letter_event WHERE event_id = $1`,
      [brokenEvent.id],
    );
    expect(setAside).toHaveLength(1);
    expect(setAside[0]).toMatchObject({ consumer: 'publication', topic: TOPICS.caseDecision.name });
    expect(setAside[0].reason).toContain('decidedOn must be a calendar date');
    expect(setAside[0].reason).toContain('region must be one of national, xinjiang');
    expect(JSON.parse(setAside[0].payload).data.decisionId).toBe(broken.decisionId);
    const brokenRows = await publication().dataSource.query(
      `SELECT 1 FROM disclosure WHERE decision_id = $1`,
      [broken.decisionId],
    );
    expect(brokenRows).toEqual([]);
  });
});

describe('Kafka down and back', () => {
  let kafka: KafkaPeer;
  let databaseUrl: string;
  let app: PublicationTestApp;

  beforeAll(async () => {
    kafka = await startKafka();
    databaseUrl = await createDatabase(testPeers().databaseServerUrl, 'pub_outage');
    app = await startPublicationApp(databaseUrl, { startsAt: DECISION_DAY, kafkaBrokers: kafka.brokers });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await dropDatabase(databaseUrl);
    await kafka?.stop();
  });

  it('publishes every disclosure once the brokers return: nothing lost, nothing twice after de-duplication', async () => {
    await kafka.brokersDown();
    const decisions = Array.from({ length: 20 }, () => penaltyDecision());
    for (const decision of decisions) await app.deliver(decisionMadeEvent(decision));
    await until(async () => {
      const [{ count }] = await app.dataSource.query(
        `SELECT count(*)::int AS count FROM disclosure WHERE status = 'published'`,
      );
      return count === decisions.length;
    });
    // Published in the database, waiting in the outbox while Kafka is away.
    await until(async () => {
      const [{ failed }] = await app.dataSource.query(
        `SELECT count(*)::int AS failed FROM outbox_event WHERE published_at IS NULL AND attempts > 0`,
      );
      return failed > 0;
    });
    await kafka.brokersUp();
    await until(async () => {
      const [{ pending }] = await app.dataSource.query(
        `SELECT count(*)::int AS pending FROM outbox_event WHERE published_at IS NULL`,
      );
      return pending === 0;
    }, 60_000);

    const messages = await readWithKcat(kafka.brokers, TOPICS.publicationDisclosure.name);
    const ids = new Set(messages.map((message) => parseCloudEvent(message.value).id));
    expect(ids).toEqual(new Set(decisions.map((decision) => `${decision.decisionId}:published:v1`)));
  }, 120_000);
});
