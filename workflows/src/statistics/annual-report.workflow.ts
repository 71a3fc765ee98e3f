import {
  condition,
  defineQuery,
  defineSignal,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { AnnualReportActivities } from './activities';

export interface AnnualReportInput {
  /** The year reported on (the workflow runs in January of the year after). */
  year: number;
}

export interface AnnualReportStatus {
  year: number;
  phase: 'waiting-to-build' | 'awaiting-confirmation' | 'overdue' | 'all-published';
  awaiting: string[];
  published: string[];
  reminderLevel: number;
}

/** An agency admin confirmed the report with this id (the service stored who and when first). */
export const reportConfirmedSignal = defineSignal<[string]>('reportConfirmed');
export const annualReportStatusQuery = defineQuery<AnnualReportStatus>('annualReportStatus');

export function annualReportWorkflowId(year: number): string {
  return `annual-report-${year}`;
}

const activities = proxyActivities<AnnualReportActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const workflowNow = (): string => new Date(Date.now()).toISOString();

/**
 * One year's statistics report (行政执法统计年报, domain.md §7): built for every agency on the first working day of
 * January, held until the agency admin confirms, published on confirmation. Unconfirmed reports get escalating
 * reminders as 31 January nears and are marked overdue after it; a late confirmation still publishes.
 */
export async function annualReportWorkflow(input: AnnualReportInput): Promise<AnnualReportStatus> {
  const status: AnnualReportStatus = {
    year: input.year,
    phase: 'waiting-to-build',
    awaiting: [],
    published: [],
    reminderLevel: 0,
  };
  const confirmed: string[] = [];
  setHandler(reportConfirmedSignal, (reportId) => {
    confirmed.push(reportId);
  });
  setHandler(annualReportStatusQuery, () => status);

  const plan = await activities.planAnnualReport(input.year);
  const untilBuild = Date.parse(plan.buildAt) - Date.now();
  if (untilBuild > 0) await sleep(untilBuild);
  status.awaiting = await activities.buildAnnualReports(input.year, workflowNow());
  status.phase = 'awaiting-confirmation';

  const publishConfirmed = async () => {
    while (confirmed.length > 0) {
      const reportId = confirmed.shift() as string;
      if (!status.awaiting.includes(reportId)) continue;
      if (await activities.publishAnnualReport(reportId, workflowNow())) {
        status.awaiting = status.awaiting.filter((id) => id !== reportId);
        status.published.push(reportId);
      }
    }
  };
  const allPublished = () => status.awaiting.length === 0;

  const timers = [
    ...plan.reminders.map((reminder) => ({ at: reminder.at, level: reminder.level })),
    { at: plan.dueAt, level: 0 },
  ].filter((timer) => Date.parse(timer.at) > Date.now());
  for (const timer of timers) {
    for (;;) {
      await publishConfirmed();
      if (allPublished()) break;
      const remaining = Date.parse(timer.at) - Date.now();
      if (remaining <= 0 || !(await condition(() => confirmed.length > 0, remaining))) break;
    }
    if (allPublished()) break;
    if (timer.level > 0) {
      await activities.remindUnconfirmed(input.year, timer.level, workflowNow());
      status.reminderLevel = timer.level;
    } else {
      await activities.markOverdue(input.year, workflowNow());
      status.phase = 'overdue';
    }
  }
  // Late is still better than never: keep publishing what gets confirmed after the due date.
  while (!allPublished()) {
    await condition(() => confirmed.length > 0);
    await publishConfirmed();
  }
  status.phase = 'all-published';
  return status;
}
