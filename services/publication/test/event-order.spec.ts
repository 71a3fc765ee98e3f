import {
  caseDecisionId,
  parseCloudEvent,
  PUBLICATION_EVENT_TYPES,
  TOPICS,
  type DecisionWithdrawnData,
} from '@lep/contracts';
import { testPeers } from '@lep/testing';
import { Kafka, logLevel } from 'kafkajs';
import { DisclosureEntity } from '../src/disclosures/disclosure.entity';
import { decisionMadeEvent, decisionWithdrawnEvent, penaltyDecision } from './support/decisions';
import { readWithKcat } from './support/kcat';
import { outboxEvents, until, usePublicationApp } from './support/publication-app';

const DECISION_DAY = new Date('2026-09-30T10:00:00+08:00');

function withdrawal(
  decision: ReturnType<typeof penaltyDecision>,
  kind: DecisionWithdrawnData['kind'],
  reason: string,
) {
  return decisionWithdrawnEvent({
    decisionId: decision.decisionId,
    caseId: decision.caseId,
    agencyCode: decision.agencyCode,
    kind,
    reason,
    withdrawnOn: '2026-10-08',
    region: 'national',
  });
}

describe('a withdrawal that reaches publication before its decision', () => {
  const publication = usePublicationApp('pub_order_kafka', { startsAt: DECISION_DAY, consumeKafka: true });

  it('leaves the decision withdrawn: never on the portal, never published on the disclosure topic', async () => {
    const decision = penaltyDecision();
    const revoked = withdrawal(decision, 'revoked', '经行政复议，原处罚决定予以撤销');
    const producer = new Kafka({
      clientId: 'case-producer-test',
      brokers: testPeers().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    // One key, one partition: the consumer reads the withdrawal first.
    await producer.send({
      topic: TOPICS.caseDecision.name,
      messages: [revoked, decisionMadeEvent(decision)].map((event) => ({
        key: decision.decisionId,
        value: JSON.stringify(event),
      })),
    });
    await producer.disconnect();

    // Watch the public API the whole time, as a citizen refreshing the page would.
    const client = publication().anonymous();
    const seen = new Set<string>();
    await until(async () => {
      const response = await client.get(`/api/v1/public/decisions/${decision.decisionId}`);
      seen.add(response.status === 200 ? response.body.status : String(response.status));
      return seen.has('withdrawn') || seen.has('published');
    }, 45_000);
    expect([...seen].filter((status) => status !== '404')).toEqual(['withdrawn']);

    const notice = await client.get(`/api/v1/public/decisions/${decision.decisionId}`).expect(200);
    expect(notice.body.withdrawal).toMatchObject({ kind: '撤销', reason: '经行政复议，原处罚决定予以撤销' });
    expect(notice.body.record).not.toHaveProperty('penalty');
    const listed = await client.get('/api/v1/public/decisions').expect(200);
    expect(listed.body.items.map((item: { decisionId: string }) => item.decisionId)).not.toContain(
      decision.decisionId,
    );
    const row = await publication()
      .dataSource.getRepository(DisclosureEntity)
      .findOneByOrFail({ decisionId: decision.decisionId });
    expect({ status: row.status, publishedAt: row.publishedAt }).toEqual({
      status: 'withdrawn',
      publishedAt: null,
    });
    expect(await publication().dataSource.query(`SELECT event_id FROM parked_event`)).toEqual([]);

    // What external consumers read: the withdrawal only, saying nothing was ever published.
    await until(async () => {
      const [{ waiting }] = await publication().dataSource.query(
        `SELECT count(*)::int AS waiting FROM outbox_event WHERE message_key = $1 AND published_at IS NULL`,
        [decision.decisionId],
      );
      return waiting === 0;
    });
    const onTopic = (await readWithKcat(testPeers().kafkaBrokers, TOPICS.publicationDisclosure.name))
      .filter((message) => message.key === decision.decisionId)
      .map((message) => parseCloudEvent(message.value));
    expect(onTopic.map((event) => event.type)).toEqual([PUBLICATION_EVENT_TYPES.withdrawn]);
    expect(onTopic[0].data).toMatchObject({ kind: 'revoked', wasPublished: false });
  });
});

describe('a re-decision that reaches publication before the decision it replaces', () => {
  const publication = usePublicationApp('pub_order_redecision', { startsAt: DECISION_DAY });

  it('waits for that decision, which arrives withdrawn; only the new decision is published', async () => {
    const original = penaltyDecision();
    const remade = penaltyDecision({
      caseId: original.caseId,
      decisionId: caseDecisionId(original.caseId, 2),
      replacesDecisionId: original.decisionId,
    });
    const withdrawn = withdrawal(original, 'remade', '原决定适用依据错误，已重新作出决定');
    const remadeEvent = decisionMadeEvent(remade);
    const originalEvent = decisionMadeEvent(original);
    const disclosures = () => publication().dataSource.getRepository(DisclosureEntity);
    const parked = async () =>
      (
        await publication().dataSource.query(`SELECT event_id, waiting_for FROM parked_event ORDER BY seq`)
      ).map((row: { event_id: string; waiting_for: string }) => [row.event_id, row.waiting_for]);

    // The withdrawal and the re-decision come first: both wait for the original decision.
    expect(await publication().deliver(withdrawn)).toBe(true);
    expect(await publication().deliver(remadeEvent)).toBe(true);
    expect(await disclosures().count()).toBe(0);
    expect(await parked()).toEqual([
      [withdrawn.id, `decision:${original.decisionId}`],
      [remadeEvent.id, `decision:${original.decisionId}`],
    ]);
    // Redelivered while parked: parked once.
    expect(await publication().deliver(withdrawn)).toBe(false);

    expect(await publication().deliver(originalEvent)).toBe(true);
    // Stored in one transaction with both parked events: the withdrawal applied, the re-decision stored and
    // published.
    expect(await parked()).toEqual([]);
    expect((await disclosures().findOneByOrFail({ decisionId: remade.decisionId })).status).toBe('published');
    expect((await disclosures().findOneByOrFail({ decisionId: original.decisionId })).status).toBe(
      'withdrawn',
    );

    for (const event of [withdrawn, remadeEvent, originalEvent])
      expect(await publication().deliver(event)).toBe(false);
    const events = await outboxEvents(publication().dataSource);
    const typesOf = (decisionId: string) =>
      events.filter((row) => row.message_key === decisionId).map((row) => row.event.type);
    expect(typesOf(original.decisionId)).toEqual([PUBLICATION_EVENT_TYPES.withdrawn]);
    expect(typesOf(remade.decisionId)).toEqual([PUBLICATION_EVENT_TYPES.published]);
  });
});
