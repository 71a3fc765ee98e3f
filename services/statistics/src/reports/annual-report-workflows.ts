import { Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { TASK_QUEUES, WORKFLOW_TASK_TIMEOUT } from '@lep/contracts';
import { TemporalClient } from '@lep/nest-kit';
import { annualReportWorkflow, annualReportWorkflowId, reportConfirmedSignal } from '@lep/workflows';

/** Starts a year's report workflow (`annual-report-<year>`) and passes confirmations to it. */
@Injectable()
export class AnnualReportWorkflows {
  constructor(private readonly temporal: TemporalClient) {}

  /** Idempotent: a second start for the same year finds the workflow already there and starts nothing. */
  async start(year: number): Promise<boolean> {
    try {
      await this.temporal.client.workflow.start(annualReportWorkflow, {
        workflowId: annualReportWorkflowId(year),
        taskQueue: TASK_QUEUES.statistics,
        workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
        args: [{ year }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return true;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw error;
    }
  }

  /** Tells the year's workflow a report was confirmed; a finished workflow has nothing left to publish. */
  async confirmed(year: number, reportId: string): Promise<void> {
    try {
      await this.temporal.client.workflow
        .getHandle(annualReportWorkflowId(year))
        .signal(reportConfirmedSignal, reportId);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}
