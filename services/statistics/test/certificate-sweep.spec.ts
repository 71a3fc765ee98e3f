import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { chinaDateOf } from '@lep/calendar';
import { nextMorningAfter } from '../src/warnings/certificate-sweep';
import { caseFiled, caseRef, personnelChanged } from './support/events';
import { AGENCY_EVENTS, SHI_1_MARKET } from './support/scenario';
import { until, useStatisticsApp } from './support/statistics-app';

interface WarningRow {
  severity: string;
  message: string;
  raised_at: Date;
}

describe('daily certificate sweep (certificateSweepWorkflow)', () => {
  const statistics = useStatisticsApp('stat_sweep', {
    temporalStartsAt: new Date('2026-06-01T10:00:00+08:00'),
  });
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    // The clock is held (see statistics-app): the test moves it on explicitly.
    env = statistics().env!;
    for (const event of AGENCY_EVENTS) await statistics().deliver(event);
  });

  const openWarning = async (): Promise<WarningRow | undefined> =>
    (
      (await statistics().dataSource.query(
        `SELECT severity, message, raised_at FROM warning WHERE kind = 'certificate-expiry' AND state = 'raised'`,
      )) as WarningRow[]
    )[0];

  it('warns on the morning a certificate enters its last 30 days, and again when it runs out, with no event that day', async () => {
    const now = await env.currentTimeMs();
    const expiresOn = chinaDateOf(now + 35 * 86_400_000);
    const at = new Date(now).toISOString();
    await statistics().deliver(personnelChanged('P-S', SHI_1_MARKET, expiresOn, at));
    await statistics().deliver(caseFiled(caseRef('S-1', SHI_1_MARKET, 'penalty'), chinaDateOf(now), ['P-S']));
    expect(await openWarning()).toBeUndefined();

    await env.sleep('7 days');
    const near = await until(openWarning);
    expect(near.severity).toBe('near');
    expect(near.message).toContain(`将于 ${expiresOn} 到期，仍承办 1 件未结案件`);
    // Raised by a sweep at 08:00 China time on the first day the expiry was 30 days away or less.
    const morning = nextMorningAfter(
      new Date(Date.parse(`${expiresOn}T00:00:00+08:00`) - 31 * 86_400_000).toISOString(),
    );
    // Timers fire a moment after their instant.
    const late = new Date(near.raised_at).getTime() - Date.parse(morning);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(60_000);

    await env.sleep('32 days');
    const past = await until(async () => {
      const warning = await openWarning();
      return warning?.severity === 'past' ? warning : undefined;
    });
    expect(past.message).toContain(`已于 ${expiresOn} 到期`);
  });
});
