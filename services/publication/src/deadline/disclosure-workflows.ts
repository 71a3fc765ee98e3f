import { Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { TASK_QUEUES, WORKFLOW_TASK_TIMEOUT } from '@lep/contracts';
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

  /**
   * Starts the deadline workflow of a stored record that waits to be published (the consumer stored it). The
   * workflow id is the decision's and is never reused (REJECT_DUPLICATE), and a start on a running one fails (the
   * default conflict policy): a redelivered decision starts nothing. True when this call started it.
   */
  async start(decisionId: string): Promise<boolean> {
    try {
      await this.temporal.client.workflow.start(disclosureDeadlineWorkflow, {
        workflowId: disclosureWorkflowId(decisionId),
        taskQueue: TASK_QUEUES.publication,
        workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
        args: [{ decisionId }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return true;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      return false;
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
