import { Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { TASK_QUEUES } from '@lep/contracts';
import { TemporalClient } from '@lep/nest-kit';
import {
  disclosureChangedSignal,
  disclosureDeadlineWorkflow,
  disclosureWorkflowId,
  DisclosureDeadlineStatus,
  disclosureStatusQuery,
} from '@lep/workflows';

/** Starts and nudges the per-decision deadline workflows (`disclosure-<decisionId>`). */
@Injectable()
export class DisclosureWorkflows {
  private readonly logger = new Logger(DisclosureWorkflows.name);

  constructor(private readonly temporal: TemporalClient) {}

  /** Idempotent: a redelivered decision finds its workflow already running (or finished) and starts nothing. */
  async start(decisionId: string): Promise<void> {
    try {
      await this.temporal.client.workflow.start(disclosureDeadlineWorkflow, {
        workflowId: disclosureWorkflowId(decisionId),
        taskQueue: TASK_QUEUES.publication,
        args: [{ decisionId }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /**
   * Tells the workflow that something it waits for changed. A finished workflow has nothing left to wait for,
   * so a missing one is not an error.
   */
  async changed(decisionId: string): Promise<void> {
    try {
      await this.temporal.client.workflow
        .getHandle(disclosureWorkflowId(decisionId))
        .signal(disclosureChangedSignal);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      this.logger.debug(`workflow for ${decisionId} already closed`);
    }
  }

  status(decisionId: string): Promise<DisclosureDeadlineStatus> {
    return this.temporal.client.workflow
      .getHandle(disclosureWorkflowId(decisionId))
      .query(disclosureStatusQuery);
  }

  result(decisionId: string): Promise<unknown> {
    return this.temporal.client.workflow.getHandle(disclosureWorkflowId(decisionId)).result();
  }
}
