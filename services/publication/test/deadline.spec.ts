import { chinaDateOf } from '@lep/calendar';
import { PUBLICATION_EVENT_TYPES } from '@lep/contracts';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DisclosureEntity } from '../src/disclosures/disclosure.entity';
import { decisionMadeEvent, penaltyDecision, residentId } from './support/decisions';
import { outboxEvents, until, usePublicationApp } from './support/publication-app';

// The virtual clock starts on the decision day, 10:00 Beijing time, the day before the National Day holiday.
const DECISION_DAY = new Date('2026-09-30T10:00:00+08:00');
const publication = usePublicationApp('pub_deadline', { startsAt: DECISION_DAY });

/** Moves this file's clock (held by the test server until a test moves it) to `instant`, firing every timer on the way. */
async function sleepUntil(instant: string): Promise<void> {
  const { env } = publication().temporal;
  await env.sleep(Date.parse(instant) - (await env.currentTimeMs()));
}

const HEALTH_NOTE = '当事人自述患有高血压，';

async function disclosure(decisionId: string): Promise<DisclosureEntity> {
  return publication().dataSource.getRepository(DisclosureEntity).findOneByOrFail({ decisionId });
}

async function waitForStatus(decisionId: string, status: DisclosureEntity['status']) {
  return until(async () => {
    const row = await disclosure(decisionId);
    return row.status === status ? row : undefined;
  });
}

describe('disclosure deadline workflow (7 working days across the 2026 National Day holiday)', () => {
  it('publishes a penalty decision whose masking needs no confirmation at once, due by 2026-10-15', async () => {
    const decision = penaltyDecision();
    // Published in the consumer's transaction: the record is on the portal once the delivery is handled.
    const row = await publication().receive(decisionMadeEvent(decision));
    expect(row.status).toBe('published');

    // 10/1–10/7 are off, 10/10 (Sat) is a make-up working day: 10/8, 9, 10, 12, 13, 14, 15.
    expect(row.deadlineOn).toBe('2026-10-15');
    expect(row.publishedOnTime).toBe(true);
    expect(row.publishedAt!.getTime()).toBeLessThan(Date.parse('2026-10-01T00:00:00+08:00'));
    const [published] = (
      await outboxEvents(publication().dataSource, PUBLICATION_EVENT_TYPES.published)
    ).filter((event) => event.message_key === decision.decisionId);
    expect(published.event.data).toMatchObject({ onTime: true, deadlineOn: '2026-10-15', version: 1 });
    // Nothing is left to wait for, so no deadline workflow was started.
    await expect(publication().workflows.status(decision.decisionId)).rejects.toThrow(WorkflowNotFoundError);
  });

  it('waits for the publisher to confirm the masking, and publishes on time when confirmed on 2026-10-09', async () => {
    const decision = penaltyDecision();
    decision.penalty!.facts = HEALTH_NOTE + decision.penalty!.facts;
    await publication().receive(decisionMadeEvent(decision));
    expect(await disclosure(decision.decisionId)).toMatchObject({
      status: 'pending',
      needsMaskingConfirmation: true,
    });

    // Exactly nine days pass: past the holiday, before the warning day.
    await publication().temporal.env.sleep('9 days');
    const confirmed = await publication()
      .staff(['handler'], 'BT-SC-01')
      .post(`/api/v1/disclosures/${decision.decisionId}/masking-confirmation`)
      .expect(200);
    expect(confirmed.body.waitingFor).toEqual([]);
    const row = await waitForStatus(decision.decisionId, 'published');
    expect(row.publishedOnTime).toBe(true);
    expect(row.publishedAt!.toISOString() >= '2026-10-09').toBe(true);
    expect(row.warnedAt).toBeNull();
  });

  it('warns on 2026-10-14, records the deadline overdue after 2026-10-15, and publishes late when confirmed', async () => {
    const decision = penaltyDecision();
    decision.penalty!.facts = HEALTH_NOTE + decision.penalty!.facts;
    await publication().receive(decisionMadeEvent(decision));

    await sleepUntil('2026-10-14T00:01:00+08:00');
    const warned = await until(async () => (await disclosure(decision.decisionId)).warnedAt ?? undefined);
    // Timers fire a few milliseconds after their instant.
    expect(warned.getTime() - Date.parse('2026-10-14T00:00:00+08:00')).toBeGreaterThanOrEqual(0);
    expect(warned.getTime() - Date.parse('2026-10-14T00:00:00+08:00')).toBeLessThan(60_000);
    await sleepUntil('2026-10-16T00:01:00+08:00');
    const overdue = await until(async () => (await disclosure(decision.decisionId)).overdueAt ?? undefined);
    expect(overdue.getTime() - Date.parse('2026-10-16T00:00:00+08:00')).toBeGreaterThanOrEqual(0);
    expect(overdue.getTime() - Date.parse('2026-10-16T00:00:00+08:00')).toBeLessThan(60_000);
    expect((await disclosure(decision.decisionId)).status).toBe('pending');

    await publication()
      .staff(['handler'], 'BT-SC-01')
      .post(`/api/v1/disclosures/${decision.decisionId}/masking-confirmation`)
      .expect(200);
    const row = await waitForStatus(decision.decisionId, 'published');
    expect(row.publishedOnTime).toBe(false);

    const events = (await outboxEvents(publication().dataSource)).filter(
      (event) => event.message_key === decision.decisionId,
    );
    expect(events.map((event) => event.event.type)).toEqual([
      PUBLICATION_EVENT_TYPES.deadlineWarning,
      PUBLICATION_EVENT_TYPES.overdue,
      PUBLICATION_EVENT_TYPES.published,
    ]);
    expect(events[0].event.data).toMatchObject({
      waitingFor: ['masking-confirmation'],
      deadlineOn: '2026-10-15',
    });
    expect(events[2].event.data).toMatchObject({ onTime: false });
    // The workflow id makes a redelivered decision a no-op: no second workflow, no second record.
    expect(await publication().deliver(decisionMadeEvent(decision))).toBe(false);
    expect(await publication().workflows.status(decision.decisionId)).toMatchObject({
      outcome: 'published',
      warned: true,
      overdue: true,
    });
  });

  it('holds a minor’s penalty for a reviewer, and withholds it for good when the reviewer upholds the block', async () => {
    // Decided on the day the clock now shows (the test before moved it past 2026-10-15), so its deadline timers lie
    // ahead: a decision received after its deadline waits on 0 ms timers, and the Java time-skipping server
    // sometimes fails such a workflow task when a signal arrives with it (docs/engines.md).
    const decision = penaltyDecision({
      decidedOn: '2026-10-16',
      decidedAt: '2026-10-16T02:00:00.000Z',
      party: {
        type: 'natural-person',
        name: '王小明',
        idType: '居民身份证',
        idNumber: residentId('20100315'),
      },
    });
    await publication().receive(decisionMadeEvent(decision));
    const pending = await publication()
      .staff(['legal-reviewer'], 'BT-SC-01')
      .get(`/api/v1/disclosures/${decision.decisionId}`)
      .expect(200);
    expect(pending.body).toMatchObject({
      status: 'pending',
      blocks: ['minor'],
      waitingFor: ['block-sign-off'],
    });

    await publication()
      .staff(['legal-reviewer'], 'BT-SC-01')
      .post(`/api/v1/disclosures/${decision.decisionId}/block-review`)
      .send({ outcome: 'uphold', opinion: '当事人系未成年人，依法不予公示' })
      .expect(200);
    await waitForStatus(decision.decisionId, 'withheld');
    await publication().anonymous().get(`/api/v1/public/decisions/${decision.decisionId}`).expect(404);
  });

  it('answers a handler of another agency 403 and changes nothing', async () => {
    const decision = penaltyDecision();
    decision.penalty!.facts = HEALTH_NOTE + decision.penalty!.facts;
    await publication().receive(decisionMadeEvent(decision));
    const denied = await publication()
      .staff(['handler'], 'BT-OTHER')
      .post(`/api/v1/disclosures/${decision.decisionId}/masking-confirmation`)
      .expect(403);
    expect(denied.body.code).toBe('AGENCY_FORBIDDEN');
    expect((await disclosure(decision.decisionId)).maskingConfirmedAt).toBeNull();
  });

  it('starts the deadline workflow of a waiting record on redelivery when the consumer died before starting it', async () => {
    // Decided on the day the clock now shows, so its timers lie ahead (see the minor's test above).
    const today = chinaDateOf(await publication().temporal.env.currentTimeMs());
    const decision = penaltyDecision({ decidedOn: today, decidedAt: `${today}T02:00:00.000Z` });
    decision.penalty!.facts = HEALTH_NOTE + decision.penalty!.facts;
    const event = decisionMadeEvent(decision);
    // The record and the consumed mark commit; then the process dies before the start (Temporal unreachable
    // stands for it here), so the offset is not committed and Kafka delivers the event again.
    const start = jest
      .spyOn(publication().workflows, 'start')
      .mockRejectedValueOnce(new Error('connection to Temporal lost'));
    await expect(publication().deliver(event)).rejects.toThrow('connection to Temporal lost');
    expect(await disclosure(decision.decisionId)).toMatchObject({
      status: 'pending',
      needsMaskingConfirmation: true,
    });
    await expect(publication().workflows.status(decision.decisionId)).rejects.toThrow(WorkflowNotFoundError);

    // The redelivery stores nothing again, but starts the workflow the record waits with.
    expect(await publication().deliver(event)).toBe(false);
    start.mockRestore();
    expect(await publication().workflows.status(decision.decisionId)).toMatchObject({ outcome: 'waiting' });
    await publication()
      .staff(['handler'], 'BT-SC-01')
      .post(`/api/v1/disclosures/${decision.decisionId}/masking-confirmation`)
      .expect(200);
    expect(await waitForStatus(decision.decisionId, 'published')).toMatchObject({ publishedOnTime: true });
  });
});
