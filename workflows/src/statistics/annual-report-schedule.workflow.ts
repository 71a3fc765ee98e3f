import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import { chinaDateOf } from '@lep/calendar';
import { WORKFLOW_TASK_TIMEOUT } from '@lep/contracts';
import { annualReportWorkflow, annualReportWorkflowId } from './annual-report.workflow';

/** The Temporal Schedule that opens each year's report (created by the statistics service at start-up). */
export const ANNUAL_REPORT_SCHEDULE_ID = 'lep-annual-report';

export interface AnnualReportHandOver {
  /** The year reported on: the year before the one this run started in, China time. */
  year: number;
  workflowId: string;
  /** False when the year's workflow already existed (started by hand, or by an earlier fire). */
  started: boolean;
}

/** The year a run started at `startedAt` reports on: the previous calendar year in China. */
export function reportYearOf(startedAt: number): number {
  return Number(chinaDateOf(startedAt).slice(0, 4)) - 1;
}

/**
 * The schedule's action (1 January 00:05 China time): derives the report year from its own start time and
 * starts that year's `annual-report-<year>` workflow, abandoned so it outlives this run. The year's workflow
 * keeps its fixed id so confirmations find it and a run started by hand (`POST /api/v1/reports/runs`) and the
 * schedule never build the same year twice; this run ends at once, so the schedule's overlap SKIP never holds
 * back next year's report behind an agency that has not confirmed.
 */
export async function annualReportScheduleWorkflow(): Promise<AnnualReportHandOver> {
  const year = reportYearOf(workflowInfo().startTime.getTime());
  const workflowId = annualReportWorkflowId(year);
  try {
    await startChild(annualReportWorkflow, {
      workflowId,
      args: [{ year }],
      workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { year, workflowId, started: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { year, workflowId, started: false };
    throw error;
  }
}
