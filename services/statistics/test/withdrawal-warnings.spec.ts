import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { decisionWithdrawn, disclosureWithdrawn } from './support/events';
import { AGENCY_EVENTS, BINGTUAN, SHI_1_MARKET } from './support/scenario';
import { until, useStatisticsApp } from './support/statistics-app';

interface WarningBody {
  kind: string;
  subject: string;
  agencyCode: string;
  severity: string;
  state: string;
  message: string;
  raisedAt: string;
}

/**
 * domain.md P9: a withdrawn decision is off the portal within 3 working days. Publication takes it down when it
 * receives the withdrawal; one it never received (down, parked, stuck) is warned by the daily sweep
 * (certificateSweepWorkflow, 08:00 China time) once the third working day has ended, until publication confirms.
 */
describe('withdrawal not taken down in time (withdrawal-overdue)', () => {
  // Monday 1 June 2026: the 3 working days after it end on Thursday 4 June.
  const statistics = useStatisticsApp('stat_withdrawal', {
    temporalStartsAt: new Date('2026-06-01T10:00:00+08:00'),
  });
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = statistics().env!;
    for (const event of AGENCY_EVENTS) await statistics().deliver(event);
  });

  // What the supervising 兵团 sees of the agencies below it.
  const warnings = async (): Promise<WarningBody[]> =>
    (
      await statistics()
        .staff(['leader'], BINGTUAN)
        .get('/api/v1/warnings')
        .query({ agency: BINGTUAN })
        .expect(200)
    ).body.filter((warning: WarningBody) => warning.kind === 'withdrawal-overdue');

  it('warns the morning after the third working day when publication has not confirmed, and clears on its confirmation', async () => {
    // Never received by publication: no confirmation comes.
    await statistics().deliver(decisionWithdrawn('D-STUCK', 'C-STUCK', SHI_1_MARKET, '2026-06-01'));
    // Taken down at once; publication's confirmation happens to be consumed before the case side's event.
    await statistics().deliver(disclosureWithdrawn('D-DOWN', SHI_1_MARKET, '2026-06-01T02:10:00Z'));
    await statistics().deliver(decisionWithdrawn('D-DOWN', 'C-DOWN', SHI_1_MARKET, '2026-06-01'));

    await env.sleep('4 days');
    const [overdue] = await until(async () => {
      const raised = await warnings();
      return raised.length > 0 ? raised : undefined;
    });
    expect(overdue).toMatchObject({
      subject: 'D-STUCK',
      agencyCode: SHI_1_MARKET,
      severity: 'past',
      state: 'raised',
    });
    expect(overdue.message).toContain('已于 2026-06-01 撤回，应于 2026-06-04 前撤下');
    // Raised by the sweep of Friday 5 June, the first after the limit: not on the Thursday, the last day.
    const late = Date.parse(overdue.raisedAt) - Date.parse('2026-06-05T08:00:00+08:00');
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(60_000);
    // The same sweep found the decision publication had confirmed: no warning of it.
    expect((await warnings()).map((warning) => warning.subject)).toEqual(['D-STUCK']);

    await statistics().deliver(disclosureWithdrawn('D-STUCK', SHI_1_MARKET, '2026-06-05T03:00:00Z'));
    expect(await warnings()).toEqual([expect.objectContaining({ subject: 'D-STUCK', state: 'cleared' })]);
  });
});
