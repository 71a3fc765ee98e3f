import { TASK_QUEUES } from '@lep/contracts';
import {
  ANNUAL_REPORT_SCHEDULE_ID,
  annualReportScheduleWorkflow,
  annualReportWorkflowId,
  CERTIFICATE_SWEEP_WORKFLOW_ID,
} from '../../../src/statistics';
import { caseFiled, caseRef, personnelChanged } from '../../../../services/statistics/test/support/events';
import {
  BINGTUAN,
  scriptedEvents,
  SHI_1,
  SHI_1_MARKET,
  SHI_2,
} from '../../../../services/statistics/test/support/scenario';
import { until, useStatisticsApp } from '../../../../services/statistics/test/support/statistics-app';
import { recordHistory } from './history-recorder';

/**
 * The statistics workflows' histories (the annual report, the Schedule's New Year action and the daily certificate
 * sweep), from the statistics service's harness: its modules and worker over PostgreSQL, the registry's calendar
 * and Temporal's time-skipping server, its clock starting at New Year 2026, 10:00 Beijing time (1–3 January off,
 * Sunday 4 January a make-up working day, when the 2025 reports are built).
 */
const statistics = useStatisticsApp('replay_statistics', {
  temporalStartsAt: new Date('2026-01-01T10:00:00+08:00'),
});
const client = () => statistics().client!;
const record = (workflowId: string, scenario: string) => recordHistory(client(), workflowId, scenario);

interface ReportRow {
  id: string;
  agency_code: string;
  status: string;
  overdue: boolean;
}

const reports = (): Promise<ReportRow[]> =>
  statistics().dataSource.query(`SELECT * FROM annual_report WHERE year = 2025 ORDER BY agency_code`);
const reportOf = async (agency: string) => (await reports()).find((report) => report.agency_code === agency)!;
const confirm = async (agency: string) => {
  const report = await reportOf(agency);
  await statistics()
    .staff(['agency-admin'], agency, `admin-${agency}`)
    .post(`/api/v1/reports/${report.id}/confirm`)
    .expect(200);
  await until(async () => (await reportOf(agency)).status === 'published');
};

beforeAll(async () => {
  for (const event of scriptedEvents()) await statistics().deliver(event);
});

it('the Schedule’s New Year action opens the 2025 report, and a second run finds it open', async () => {
  const firstRun = await client().workflow.start(annualReportScheduleWorkflow, {
    workflowId: `${ANNUAL_REPORT_SCHEDULE_ID}-2025-12-31T16:05:00Z`,
    taskQueue: TASK_QUEUES.statistics,
  });
  expect(await firstRun.result()).toMatchObject({ year: 2025, started: true });
  const secondRun = await client().workflow.start(annualReportScheduleWorkflow, {
    workflowId: `${ANNUAL_REPORT_SCHEDULE_ID}-manual-rerun`,
    taskQueue: TASK_QUEUES.statistics,
  });
  expect(await secondRun.result()).toMatchObject({ year: 2025, started: false });
  await record(firstRun.workflowId, 'new-year-run-opens-report');
  await record(secondRun.workflowId, 'rerun-finds-report-open');
});

it('the daily certificate sweep, warning of a certificate about to expire (recorded mid-timer)', async () => {
  const env = statistics().env!;
  const now = await env.currentTimeMs();
  const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  await statistics().deliver(
    personnelChanged('P-S', SHI_1_MARKET, chinaDay(now + 20 * 86_400_000), new Date(now).toISOString()),
  );
  await statistics().deliver(caseFiled(caseRef('S-1', SHI_1_MARKET, 'penalty'), chinaDay(now), ['P-S']));
  // The reports are built on 4 January, 09:00: the sweeps of 2, 3 and 4 January run on the way.
  await env.sleep('4 days');
  await until(async () => (await reports()).length === 4);
  await record(CERTIFICATE_SWEEP_WORKFLOW_ID, 'daily-sweeps-mid-run');
  await record(annualReportWorkflowId(2025), 'built-awaiting-confirmation-open');
});

it('the 2025 report: one confirmed early, the others reminded and overdue, then confirmed late, all published', async () => {
  await confirm(SHI_1);
  // Let the clock run to the reminders of 20, 27 and 30 January and past the 31st.
  await statistics().env!.connection.testService!.unlockTimeSkipping({});
  await until(async () => (await reports()).filter((row) => row.overdue).length === 3, 60_000);
  for (const agency of [SHI_2, BINGTUAN, SHI_1_MARKET]) await confirm(agency);
  const handle = client().workflow.getHandle(annualReportWorkflowId(2025));
  expect(await handle.result()).toMatchObject({ phase: 'all-published', awaiting: [] });
  await record(handle.workflowId, 'reminded-overdue-confirmed-late-all-published');
});
