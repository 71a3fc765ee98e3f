import { ScheduleOverlapPolicy } from '@temporalio/client';
import { chinaDateOf } from '@lep/calendar';
import { TASK_QUEUES } from '@lep/contracts';
import {
  ANNUAL_REPORT_SCHEDULE_ID,
  annualReportScheduleWorkflow,
  annualReportWorkflowId,
  type AnnualReportHandOver,
} from '@lep/workflows';
import { AnnualReportSchedule } from '../src/reports/annual-report-schedule';
import type { AnnualReportRow } from '../src/reports/reports.service';
import { BINGTUAN, scriptedEvents, SHI_1, SHI_1_MARKET, SHI_2 } from './support/scenario';
import { until, useStatisticsApp } from './support/statistics-app';

/** 1 January 00:05 China time (16:05 UTC on 31 December) of each of the next two years after `now`. */
function nextNewYears(now: number): string[] {
  const year = Number(chinaDateOf(now).slice(0, 4));
  return [year - 1, year, year + 1]
    .map((previous) => `${previous}-12-31T16:05:00.000Z`)
    .filter((instant) => Date.parse(instant) > now)
    .slice(0, 2);
}

// The Schedule itself on the real server (Temporal's time-skipping test server has no Schedules): what it is, when
// Temporal will fire it, what its action does when fired, and how the service repairs it.
describe('the Schedule lep-annual-report opens the previous year’s report at New Year, China time', () => {
  const statistics = useStatisticsApp('stat_sched', { devServerTemporal: true });
  const schedule = () => statistics().client!.schedule.getHandle(ANNUAL_REPORT_SCHEDULE_ID);

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
    expect(description.info.nextActionTimes.slice(0, 2).map((time) => time.toISOString())).toEqual(
      nextNewYears(Date.now()),
    );
  });

  it('when fired, opens the report of the year before the one it runs in, once per year', async () => {
    // Fired now, as Temporal fires it at New Year (the New Year run itself is the test below).
    await schedule().trigger();
    const fired = await until(async () => {
      const description = await schedule().describe();
      return description.info.numActionsTaken === 1 ? description : undefined;
    });
    const [action] = fired.info.recentActions;
    expect(action.action.workflow.workflowId).toMatch(/^lep-annual-report-\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const run = statistics().client!.workflow.getHandle(action.action.workflow.workflowId);
    const year = Number(chinaDateOf((await run.describe()).startTime.getTime()).slice(0, 4)) - 1;
    expect(await run.result()).toEqual({ year, workflowId: annualReportWorkflowId(year), started: true });

    // The year's workflow is the one a manual start would have opened: a platform admin's call starts nothing.
    const manual = await statistics()
      .staff(['platform-admin'], BINGTUAN)
      .post('/api/v1/reports/runs')
      .send({ year })
      .expect(200);
    expect(manual.body).toEqual({ workflowId: annualReportWorkflowId(year), started: false });
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
    expect(restored.info.nextActionTimes[0].toISOString()).toBe(nextNewYears(Date.now())[0]);
    expect(restored.info.numActionsTaken).toBe(1);
    expect(await keeper.ensure()).toBe('unchanged');
  });
});

// The Schedule's action as Temporal starts it at 00:05 on 1 January 2026 (its workflow type, id and queue), on the
// time-skipping server, whose clock starts on New Year's Eve 2025, 22:00 Beijing time.
describe('the New Year run of the Schedule’s action', () => {
  const NEW_YEARS_EVE = new Date('2025-12-31T22:00:00+08:00');
  const statistics = useStatisticsApp('stat_sched_run', { temporalStartsAt: NEW_YEARS_EVE });

  beforeAll(async () => {
    for (const event of scriptedEvents()) await statistics().deliver(event);
  });

  it('opens the 2025 report at 00:05 on 1 January, built on the first working day of January', async () => {
    const env = statistics().env!;
    await env.sleep(Date.parse('2026-01-01T00:05:00+08:00') - (await env.currentTimeMs()));
    const run = await statistics().client!.workflow.start(annualReportScheduleWorkflow, {
      workflowId: `${ANNUAL_REPORT_SCHEDULE_ID}-2025-12-31T16:05:00Z`,
      taskQueue: TASK_QUEUES.statistics,
    });
    expect(await run.result()).toEqual<AnnualReportHandOver>({
      year: 2025,
      workflowId: annualReportWorkflowId(2025),
      started: true,
    });

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
});
