import { STATISTICS_EVENT_TYPES, WarningEventData } from '@lep/contracts';
import {
  caseFiled,
  caseRef,
  personnelChanged,
  deadlineFired,
  decisionMade,
  disclosureDeadline,
  disclosurePublished,
  reviewCompleted,
  reviewerRatio,
  stageChanged,
} from './support/events';
import { AGENCY_EVENTS, BINGTUAN, SHI_1, SHI_1_MARKET, SHI_2 } from './support/scenario';
import { outboxEvents, useStatisticsApp } from './support/statistics-app';

interface WarningBody {
  kind: string;
  subject: string;
  severity: string;
  state: string;
  message: string;
  agencyCode: string;
}

describe('early warnings', () => {
  const statistics = useStatisticsApp('stat_warnings');
  const penalty = caseRef('W1', SHI_1_MARKET, 'penalty');
  const reviewed = caseRef('W2', SHI_1_MARKET, 'penalty');

  beforeAll(async () => {
    for (const event of AGENCY_EVENTS) await statistics().deliver(event);
  });

  async function warnings(state?: string): Promise<WarningBody[]> {
    const response = await statistics()
      .staff(['leader'], BINGTUAN)
      .get('/api/v1/warnings')
      .query({ agency: BINGTUAN, ...(state ? { state } : {}) })
      .expect(200);
    return response.body;
  }

  async function announced(type: string): Promise<WarningEventData[]> {
    return (await outboxEvents(statistics().dataSource, type)).map(
      (row) => row.event.data as unknown as WarningEventData,
    );
  }

  it('raises a disclosure warning near the deadline, escalates it when overdue, clears it when published', async () => {
    await statistics().deliver(
      disclosureDeadline('deadlineWarning', 'D-W', SHI_1_MARKET, '2026-03-20T02:00:00Z'),
    );
    expect(await warnings('raised')).toEqual([
      expect.objectContaining({
        kind: 'disclosure-deadline',
        subject: 'D-W',
        severity: 'near',
        agencyCode: SHI_1_MARKET,
      }),
    ]);
    await statistics().deliver(disclosureDeadline('overdue', 'D-W', SHI_1_MARKET, '2026-03-23T16:00:00Z'));
    const [overdue] = await warnings('raised');
    expect(overdue).toMatchObject({ severity: 'past' });
    expect(overdue.message).toContain('已超过公示期限');
    await statistics().deliver(
      disclosurePublished('D-W', SHI_1_MARKET, 'penalty', '2026-03-25T02:00:00Z', false),
    );
    expect(await warnings('raised')).toEqual([]);
    expect(await warnings('cleared')).toEqual([
      expect.objectContaining({ kind: 'disclosure-deadline', subject: 'D-W', state: 'cleared' }),
    ]);
  });

  it('raises a review past its SLA and clears it when the round completes', async () => {
    await statistics().deliver(deadlineFired(reviewed, 'review-sla-reminder', '2026-04-01T02:00:00Z', 1));
    await statistics().deliver(deadlineFired(reviewed, 'review-sla', '2026-04-03T02:00:00Z', 1));
    expect(await warnings('raised')).toEqual([
      expect.objectContaining({ kind: 'review-sla', subject: 'W2#1', severity: 'past' }),
    ]);
    // Another round's completion is not this round's.
    await statistics().deliver(reviewCompleted(reviewed, 2, 'approved', '2026-04-04T02:00:00Z'));
    expect(await warnings('raised')).toHaveLength(1);
    await statistics().deliver(reviewCompleted(reviewed, 1, 'returned', '2026-04-04T03:00:00Z', true));
    expect(await warnings('raised')).toEqual([]);
  });

  it('raises a penalty case near the 90-day limit and clears it when the decision is made', async () => {
    await statistics().deliver(deadlineFired(penalty, 'decision-limit-warning', '2026-04-01T02:00:00Z'));
    expect(await warnings('raised')).toEqual([
      expect.objectContaining({ kind: 'decision-limit', subject: 'W1', severity: 'near' }),
    ]);
    await statistics().deliver(
      decisionMade(penalty, 'D-W1', { decidedOn: '2026-04-02', penalty: { kinds: ['警告'] } }),
    );
    expect(await warnings('raised')).toEqual([]);
  });

  it('clears a decision-limit warning when the case closes without a decision', async () => {
    const dropped = caseRef('W3', SHI_2, 'penalty');
    await statistics().deliver(deadlineFired(dropped, 'decision-limit', '2026-04-10T02:00:00Z'));
    expect(await warnings('raised')).toEqual([expect.objectContaining({ subject: 'W3', severity: 'past' })]);
    await statistics().deliver(stageChanged(dropped, 'investigating', 'closed', '2026-04-11T02:00:00Z'));
    expect(await warnings('raised')).toEqual([]);
  });

  it('keeps a limit or review warning cleared when its raise is consumed after the decision or review that ended it', async () => {
    // The raise comes on the lifecycle topic, the decision and the review on their own: nothing orders them.
    const emitted = <T extends { time: string }>(event: T, time: string): T => ({ ...event, time });
    const late = caseRef('W4', SHI_1_MARKET, 'penalty');
    await statistics().deliver(
      decisionMade(late, 'D-W4', { decidedOn: '2026-04-05', penalty: { kinds: ['警告'] } }),
    );
    await statistics().deliver(
      emitted(deadlineFired(late, 'decision-limit-warning', '2026-04-10T02:00:00Z'), '2026-04-01T02:00:00Z'),
    );
    const review = caseRef('W5', SHI_1_MARKET, 'penalty');
    await statistics().deliver(reviewCompleted(review, 1, 'approved', '2026-04-06T02:00:00Z'));
    await statistics().deliver(
      emitted(
        deadlineFired(review, 'review-sla-reminder', '2026-04-08T02:00:00Z', 1),
        '2026-04-04T02:00:00Z',
      ),
    );
    // A second late raise of the same occurrence (the limit passing) adds nothing.
    await statistics().deliver(
      emitted(deadlineFired(late, 'decision-limit', '2026-04-10T02:00:00Z'), '2026-04-03T02:00:00Z'),
    );
    expect(await warnings('raised')).toEqual([]);
    const cleared = (await warnings('cleared')).filter((warning) => ['W4', 'W5#1'].includes(warning.subject));
    expect(cleared.map((warning) => [warning.kind, warning.subject]).sort()).toEqual([
      ['decision-limit', 'W4'],
      ['review-sla', 'W5#1'],
    ]);

    // The decision re-made later and the limit firing again: a new occurrence, raised.
    await statistics().deliver(deadlineFired(late, 'decision-limit', '2026-06-01T02:00:00Z'));
    expect(await warnings('raised')).toEqual([expect.objectContaining({ subject: 'W4', severity: 'past' })]);
    await statistics().deliver(stageChanged(late, 'drafting', 'closed', '2026-06-02T02:00:00Z'));
    expect(await warnings('raised')).toEqual([]);
  });

  it('raises an agency below the 5% reviewer ratio and clears it when restored', async () => {
    await statistics().deliver(reviewerRatio('below', SHI_1, '2026-05-01T02:00:00Z'));
    const [below] = await warnings('raised');
    expect(below).toMatchObject({ kind: 'reviewer-ratio', subject: SHI_1 });
    expect(below.message).toContain('低于 5%');
    await statistics().deliver(reviewerRatio('restored', SHI_1, '2026-05-09T02:00:00Z'));
    expect(await warnings('raised')).toEqual([]);
  });

  it('warns of an officer’s certificate expiring within 30 days while on an open case, until renewed or closed', async () => {
    const certificates = async () =>
      (await warnings('raised')).filter((warning) => warning.kind === 'certificate-expiry');
    // Expiring in 40 days when the case is filed: nothing yet; another case filed 12 days later: within 30 days.
    await statistics().deliver(personnelChanged('P-1', SHI_1_MARKET, '2026-07-31', '2026-01-01T00:00:00Z'));
    const first = caseRef('C-1', SHI_1_MARKET, 'penalty');
    await statistics().deliver(caseFiled(first, '2026-06-21', ['P-1', 'P-2']));
    expect(await certificates()).toEqual([]);
    const second = caseRef('C-2', SHI_1_MARKET, 'penalty');
    await statistics().deliver(caseFiled(second, '2026-07-03', ['P-1']));
    const [near] = await certificates();
    expect(near).toMatchObject({ subject: 'P-1', severity: 'near', agencyCode: SHI_1_MARKET });
    expect(near.message).toBe(
      '执法人员 李某（证号 兵执P-1）的执法证件将于 2026-07-31 到期，仍承办 2 件未结案件',
    );
    // Renewed: cleared.
    await statistics().deliver(personnelChanged('P-1', SHI_1_MARKET, '2031-07-31', '2026-07-05T02:00:00Z'));
    expect(await certificates()).toEqual([]);

    // Already expired and still on a case: past; cleared when that case closes.
    await statistics().deliver(personnelChanged('P-2', SHI_1_MARKET, '2026-07-01', '2026-07-06T02:00:00Z'));
    expect(await certificates()).toEqual([expect.objectContaining({ subject: 'P-2', severity: 'past' })]);
    await statistics().deliver(stageChanged(first, 'executed', 'closed', '2026-07-08T02:00:00Z'));
    expect(await certificates()).toEqual([]);
  });

  it('announces every new, worsened and cleared warning through the outbox, keyed by agency', async () => {
    const raised = await announced(STATISTICS_EVENT_TYPES.warningRaised);
    const escalated = await announced(STATISTICS_EVENT_TYPES.warningEscalated);
    const cleared = await announced(STATISTICS_EVENT_TYPES.warningCleared);
    expect(raised.map((data) => data.kind).sort()).toEqual([
      'certificate-expiry',
      'certificate-expiry',
      'decision-limit',
      'decision-limit',
      'decision-limit',
      'decision-limit',
      'disclosure-deadline',
      'review-sla',
      'review-sla',
      'reviewer-ratio',
    ]);
    expect(escalated.map((data) => data.subject).sort()).toEqual(['D-W', 'W2#1']);
    expect(cleared).toHaveLength(10);
    expect(cleared.every((data) => data.state === 'cleared')).toBe(true);
    const rows = await outboxEvents(statistics().dataSource, STATISTICS_EVENT_TYPES.warningCleared);
    expect(rows.map((row) => row.message_key).sort()).toEqual([SHI_1, ...Array(8).fill(SHI_1_MARKET), SHI_2]);
  });

  // After the announcements are counted: this test raises and clears one more.
  it("keeps a major measure's review round apart from the case's round of the same number (domain.md P13b)", async () => {
    const measure = { measureDocumentNumber: '阿市监强〔2026〕81号' };
    const fired = deadlineFired(reviewed, 'review-sla', '2026-04-10T02:00:00Z', 1);
    await statistics().deliver({ ...fired, data: { ...fired.data, ...measure } });
    const [raised] = await warnings('raised');
    expect(raised).toMatchObject({ kind: 'review-sla', subject: 'W2#measure-1', severity: 'past' });
    expect(raised.message).toContain('行政强制决定（阿市监强〔2026〕81号）第 1 轮法制审核已超过审核时限');
    // The case's own round 1 completing again is not the measure's round.
    await statistics().deliver(reviewCompleted(reviewed, 1, 'approved', '2026-04-10T03:00:00Z'));
    expect(await warnings('raised')).toHaveLength(1);
    const completed = reviewCompleted(reviewed, 1, 'approved', '2026-04-10T04:00:00Z', true);
    await statistics().deliver({ ...completed, data: { ...completed.data, ...measure } });
    expect(await warnings('raised')).toEqual([]);
  });

  it('shows staff the warnings of their own agency and below only', async () => {
    const own = await statistics()
      .staff(['leader'], SHI_2)
      .get('/api/v1/warnings')
      .query({ agency: SHI_2 })
      .expect(200);
    expect(own.body.map((warning: WarningBody) => warning.agencyCode)).toEqual([SHI_2]);
    await statistics().staff(['leader'], SHI_2).get('/api/v1/warnings').query({ agency: SHI_1 }).expect(403);
    const bad = await statistics()
      .staff(['leader'], SHI_2)
      .get('/api/v1/warnings')
      .query({ agency: SHI_2, state: 'open' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('state');
  });
});
