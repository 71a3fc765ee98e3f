import { Injectable } from '@nestjs/common';
import { TemporalClient } from '@lep/nest-kit';
import {
  CASE_QUERIES,
  CASE_WORKFLOWS,
  caseWorkflowId,
  TASK_QUEUES,
  type CaseState,
  type StartCaseInput,
} from '@lep/contracts';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';

export interface StartedCase {
  caseId: string;
  /** False when a workflow for this agency and case number already existed (running or ended). */
  created: boolean;
}

/** The case workflows as case-api drives them: start, query, update, by the names of the contract. */
@Injectable()
export class CaseWorkflows {
  constructor(private readonly temporal: TemporalClient) {}

  /**
   * Starts the case's workflow, or finds the one already started: the workflow id is derived from agency and
   * case number and never reused, so a repeated start (even of a refused or archived case) creates nothing.
   */
  async start(input: StartCaseInput): Promise<StartedCase> {
    const caseId = caseWorkflowId(input.agencyCode, input.caseNumber);
    try {
      await this.temporal.client.workflow.start(CASE_WORKFLOWS.lifecycle, {
        workflowId: caseId,
        taskQueue: TASK_QUEUES.cases,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      return { caseId, created: true };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { caseId, created: false };
      throw error;
    }
  }

  /** The live state, bounded in time: a case whose workflow no worker answers falls back to the index. */
  async state(caseId: string, deadlineMs = 5_000): Promise<CaseState> {
    const handle = this.temporal.client.workflow.getHandle(caseId);
    return this.temporal.connection.withDeadline(Date.now() + deadlineMs, () =>
      handle.query<CaseState>(CASE_QUERIES.state),
    );
  }

  /** Executes an update and waits for its result; `updateId` makes a retried call return the first answer. */
  async update<Result>(
    workflowId: string,
    name: string,
    payload: unknown,
    updateId: string,
  ): Promise<Result> {
    return this.temporal.client.workflow
      .getHandle(workflowId)
      .executeUpdate<Result, [unknown]>(name, { args: [payload], updateId });
  }
}
