import {
  scriptedEvents,
  EXPECTED_SHI_1_ROLLUP_2026,
  SHI_1,
  SHI_1_MARKET,
  SHI_2,
  BINGTUAN,
} from './support/scenario';
import {
  caseRef,
  decisionMade,
  decisionWithdrawn,
  disclosurePublished,
  disclosureWithdrawn,
} from './support/events';
import { useStatisticsApp } from './support/statistics-app';

describe('figures from a scripted year of events', () => {
  const statistics = useStatisticsApp('stat_figures');
  const events = scriptedEvents();

  beforeAll(async () => {
    for (const event of events) await statistics().deliver(event);
  });

  it('adds up exactly what the script announced, rolled up 师市 and its departments', async () => {
    const response = await statistics()
      .staff(['leader'], SHI_1)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1, year: 2026, rollup: 'true' })
      .expect(200);
    expect(response.body.agencies).toEqual([SHI_1, SHI_1_MARKET]);
    expect(response.body.totals).toEqual(EXPECTED_SHI_1_ROLLUP_2026);
  });

  it('keeps categories and months apart (China time decides the month)', async () => {
    const { body } = await statistics()
      .staff(['leader'], SHI_1)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1, year: 2026, rollup: true })
      .expect(200);
    expect(body.byCategory.licensing).toEqual({
      'cases.filed': 2,
      'cases.decided': 2,
      'licensing.granted': 1,
      'licensing.refused': 1,
    });
    const months = Object.fromEntries(
      body.byMonth.map((entry: { month: number; figures: Record<string, number> }) => [
        entry.month,
        entry.figures,
      ]),
    );
    expect(months[1]['cases.filed']).toBe(2);
    expect(months[2]['cases.filed']).toBe(3);
    expect(months[3]['cases.closed']).toBeUndefined();
    expect(months[4]['cases.closed']).toBe(1);
  });

  it('shows one agency alone without rollup, a single month, and the year before apart', async () => {
    const alone = await statistics()
      .staff(['leader'], SHI_1)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1, year: 2026 })
      .expect(200);
    expect(alone.body.totals['cases.filed']).toBe(1);
    const march = await statistics()
      .staff(['handler'], SHI_1_MARKET)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1_MARKET, year: 2026, month: 3 })
      .expect(200);
    expect(march.body.totals['cases.decided']).toBe(3);
    const lastYear = await statistics()
      .staff(['auditor'], SHI_2)
      .get('/api/v1/statistics')
      .query({ agency: BINGTUAN, year: 2025, rollup: true })
      .expect(200);
    expect(lastYear.body.totals).toEqual({
      'cases.filed': 1,
      'cases.decided': 1,
      'penalty.decisions': 1,
      'penalty.kind:罚款': 1,
      'penalty.fine-yuan': 100,
    });
  });

  it('counts a redelivered event once', async () => {
    expect(await statistics().deliver(events[10])).toBe(false);
    const { body } = await statistics()
      .staff(['platform-admin'], BINGTUAN)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1, year: 2026, rollup: true })
      .expect(200);
    expect(body.totals).toEqual(EXPECTED_SHI_1_ROLLUP_2026);
  });

  it('counts a withdrawal consumed before its decision the same as in order: figures are sums', async () => {
    // Another year, so the scripted figures stay as they are.
    const ref = caseRef('EARLY', SHI_2, 'penalty');
    for (const event of [
      disclosureWithdrawn('D-EARLY', SHI_2, '2024-05-20T02:00:00Z'),
      decisionWithdrawn('D-EARLY', ref.caseId, SHI_2, '2024-05-20'),
      decisionMade(ref, 'D-EARLY', { decidedOn: '2024-05-01', penalty: { kinds: ['罚款'], fineYuan: 3000 } }),
      disclosurePublished('D-EARLY', SHI_2, 'penalty', '2024-05-08T02:00:00Z', true),
    ])
      expect(await statistics().deliver(event)).toBe(true);
    const { body } = await statistics()
      .staff(['platform-admin'], BINGTUAN)
      .get('/api/v1/statistics')
      .query({ agency: SHI_2, year: 2024 })
      .expect(200);
    expect(body.totals).toMatchObject({
      'cases.decided': 1,
      'penalty.decisions': 1,
      'penalty.fine-yuan': 3000,
      'decisions.withdrawn:revoked': 1,
      'disclosure.on-time': 1,
      'disclosure.withdrawn': 1,
    });
  });

  it('skips an event whose date is not one, once, without stalling or counting it', async () => {
    const broken = decisionMade(caseRef('BAD', SHI_1_MARKET, 'penalty'), 'D-BAD', {
      decidedOn: '2026-05-05',
      penalty: { kinds: ['罚款'], fineYuan: 1 },
    });
    broken.data.decidedOn = 'soon';
    expect(await statistics().deliver(broken)).toBe(true);
    expect(await statistics().deliver(broken)).toBe(false);
    const { body } = await statistics()
      .staff(['leader'], SHI_1)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1, year: 2026, rollup: true })
      .expect(200);
    expect(body.totals).toEqual(EXPECTED_SHI_1_ROLLUP_2026);
  });

  it('lets staff see their agency and below, not a sibling or the level above', async () => {
    await statistics()
      .staff(['leader'], SHI_2)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1, year: 2026 })
      .expect(403);
    await statistics()
      .staff(['leader'], SHI_1_MARKET)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1, year: 2026 })
      .expect(403);
    await statistics()
      .staff(['leader'], BINGTUAN)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1_MARKET, year: 2026 })
      .expect(200);
    await statistics().anonymous().get('/api/v1/statistics').query({ agency: SHI_1, year: 2026 }).expect(401);
  });

  it('refuses a bad year with the field and rule named', async () => {
    const response = await statistics()
      .staff(['leader'], SHI_1)
      .get('/api/v1/statistics')
      .query({ agency: SHI_1, year: 'last' })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response.body)).toContain('year');
  });
});
