import { decisionMadeEvent } from './support/decisions';
import { PUBLICATION_EVENT_TYPES } from '@lep/contracts';
import { generatedDecision, PUBLIC_FACT, seededRandom } from './support/generated-decisions';
import { outboxEvents, until, usePublicationApp } from './support/publication-app';

const publication = usePublicationApp('pub_masking', { startsAt: new Date('2026-09-30T10:00:00+08:00') });
const RECORDS = 120;

describe('the public API never returns an unmasked field', () => {
  it(`hides names, IDs, phones, bank cards, addresses and witnesses of ${RECORDS} generated decisions`, async () => {
    const random = seededRandom(20261001);
    const generated = Array.from({ length: RECORDS }, (_, index) => generatedDecision(random, index));
    for (const { decision } of generated) await publication().deliver(decisionMadeEvent(decision));

    const client = publication().anonymous();
    const pages: string[] = [];
    await until(async () => {
      const first = await client.get('/api/v1/public/decisions').query({ pageSize: 100 }).expect(200);
      return first.body.total === RECORDS;
    });
    for (let page = 1; page <= Math.ceil(RECORDS / 100); page += 1) {
      const response = await client
        .get('/api/v1/public/decisions')
        .query({ page, pageSize: 100 })
        .expect(200);
      pages.push(response.text);
    }
    const listed = pages.join('\n');

    for (const { decision, secrets } of generated) {
      const detail = await client.get(`/api/v1/public/decisions/${decision.decisionId}`).expect(200);
      for (const secret of secrets) {
        expect({ decision: decision.decisionId, secret, leaked: detail.text.includes(secret) }).toMatchObject(
          {
            leaked: false,
          },
        );
        expect({ decision: decision.decisionId, secret, leaked: listed.includes(secret) }).toMatchObject({
          leaked: false,
        });
      }
      // The facts after the address are public and kept whole.
      expect(detail.body.record.penalty.facts).toContain(PUBLIC_FACT);
      // The masked name is still shown (姓+某), so the record stays meaningful.
      expect(detail.body.record.party.name).toMatch(/^(欧阳|司马|.)某$/);
      expect(detail.body.record.party).not.toHaveProperty('idNumber');
    }
    // What goes to Kafka for the credit platforms and the press is the same masked record.
    const published = JSON.stringify(
      await outboxEvents(publication().dataSource, PUBLICATION_EVENT_TYPES.published),
    );
    for (const { secrets } of generated)
      for (const secret of secrets)
        expect({ secret, onKafka: published.includes(secret) }).toMatchObject({ onKafka: false });
  });

  it('finds nothing when the public searches a natural person by the real name (no re-identification)', async () => {
    const random = seededRandom(7);
    const { decision, secrets } = generatedDecision(random, 1_000);
    await publication().deliver(decisionMadeEvent(decision));
    const byRealName = await publication()
      .anonymous()
      .get('/api/v1/public/decisions')
      .query({ party: secrets[0] })
      .expect(200);
    expect(byRealName.body.total).toBe(0);
    const byKeyword = await publication()
      .anonymous()
      .get('/api/v1/public/decisions')
      .query({ keyword: secrets[2] })
      .expect(200);
    expect(byKeyword.body.total).toBe(0);
  });
});
