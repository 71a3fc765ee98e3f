import { ScheduleOverlapPolicy } from '@temporalio/client';
import { ANNUAL_REPORT_SCHEDULE_ID, annualReportWorkflowId } from '@lep/workflows';
import { AnnualReportSchedule } from '../src/reports/annual-report-schedule';
import type { AnnualReportRow } from '../src/reports/reports.service';
import { BINGTUAN, scriptedEvents, SHI_1, SHI_1_MARKET, SHI_2 } from './support/scenario';
import { until, useStatisticsApp } from './support/statistics-app';

// The virtual clock starts on New Year's Eve 2025, 22:00 Beijing time: the service creates the Schedule at
// start-up, which fires at 00:05 on 1 January 2026 China time (16:05 UTC on the 31st).
const NEW_YEARS_EVE = new Date('2025-12-31T22:00:00+08:00');

describe('the Schedule lep-annual-report opens the previous year’s report at New Year, China time', () => {
  const statistics = useStatisticsApp('stat_sched', { temporalStartsAt: NEW_YEARS_EVE });
  const schedule = () => statistics().env!.client.schedule.getHandle(ANNUAL_REPORT_SCHEDULE_ID);

  beforeAll(async () => {
    for (const event of scriptedEvents()) await statistics().deliver(event);
  });

  it('is created at start-up: 1 January 00:05 Asia/Shanghai, overlap SKIP, on lep-statistics', async () => {
    const description = await schedule().describe();
    expect(description.spec.timezone).toBe('Asia/Shanghai');
    expect(description.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'annualReportScheduleWorkflow',
      workflowId: 'lep-annual-report',
      taskQueue: 'lep-statistics',
    });
    expect(description.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    expect(description.state.paused).toBe(false);
    expect(description.info.nextActionTimes.slice(0, 2).map((time) => time.toISOString())).toEqual([
      '2025-12-31T16:05:00.000Z',
      '2026-12-31T16:05:00.000Z',
    ]);
  });

  it('fires at New Year and the 2025 report is built on the first working day of January', async () => {
    const env = statistics().env!;
    await env.sleep('3 hours'); // past 00:05 on 1 January
    const fired = await until(async () => {
      const description = await schedule().describe();
      return description.info.numActionsTaken === 1 ? description : undefined;
    });
    const [action] = fired.info.recentActions;
    expect(action.scheduledAt.toISOString()).toBe('2025-12-31T16:05:00.000Z');
    expect(action.action.workflow.workflowId).toBe('lep-annual-report-2025-12-31T16:05:00Z');
    expect(await env.client.workflow.getHandle(action.action.workflow.workflowId).result()).toEqual({
      year: 2025,
      workflowId: annualReportWorkflowId(2025),
      started: true,
    });
    expect(fired.info.nextActionTimes[0].toISOString()).toBe('2026-12-31T16:05:00.000Z');

    // The year's workflow is the one a manual start would have opened: a platform admin's call starts nothing.
    const manual = await statistics()
      .staff(['platform-admin'], BINGTUAN)
      .post('/api/v1/reports/runs')
      .send({ year: 2025 })
      .expect(200);
    expect(manual.body).toEqual({ workflowId: annualReportWorkflowId(2025), started: false });

    // 1–3 January are off, Sunday 4 January is a make-up working day: built then at 09:00.
    await env.sleep('4 days');
    const reports = await until(async () => {
      const rows: AnnualReportRow[] = await statistics().dataSource.query(
        `SELECT * FROM annual_report WHERE year = 2025 ORDER BY agency_code`,
      );
      return rows.length === 4 ? rows : undefined;
    });
    expect(reports.map((report) => report.agency_code)).toEqual([BINGTUAN, SHI_1, SHI_1_MARKET, SHI_2]);
    expect(new Date(reports[0].built_at).toISOString()).toMatch(/^2026-01-04T01:00/);
    const penalty = reports
      .find((report) => report.agency_code === SHI_1)!
      .content.sections.find((section) => section.title === '二、行政处罚')!;
    expect(penalty.rows.find((row) => row.label === '罚款（件）')?.value).toBe(1);
  });

  it('puts a changed schedule back at start-up and leaves an unchanged one alone', async () => {
    await schedule().update((previous) => ({
      ...previous,
      spec: { calendars: [{ month: 'FEBRUARY', dayOfMonth: 1 }], timezone: 'UTC' },
    }));
    const keeper = statistics().app.get(AnnualReportSchedule);
    expect(await keeper.ensure()).toBe('updated');
    const restored = await schedule().describe();
    expect(restored.spec.timezone).toBe('Asia/Shanghai');
    expect(restored.info.nextActionTimes[0].toISOString()).toBe('2026-12-31T16:05:00.000Z');
    expect(restored.info.numActionsTaken).toBe(1);
    expect(await keeper.ensure()).toBe('unchanged');
  });
});
