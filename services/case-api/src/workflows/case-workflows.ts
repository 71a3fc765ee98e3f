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
import { workflowErrors } from './workflow-errors';

export interface StartedCase {
  caseId: string;
  /** False when a workflow for this agency and case number already existed (running or ended). */
  created: boolean;
}

/** What a case workflow was started for, kept in its memo: describing a workflow needs no worker. */
interface FiledAs {
  agencyCode: string;
  caseNumber: string;
}

/** The case workflows as case-api drives them: start, query, update, by the names of the contract. */
@Injectable()
export class CaseWorkflows {
  constructor(private readonly temporal: TemporalClient) {}

  /**
   * Starts the case's workflow, or finds the one already started: the workflow id is derived from agency and
   * case number and never reused, so a repeated start (even of a refused or archived case) creates nothing.
   * The workflow found must be this very case: should an id ever be shared (ids of an older format, another
   * kind of workflow), the start answers 409 CASE_ID_CONFLICT rather than someone else's case.
   */
  async start(input: StartCaseInput): Promise<StartedCase> {
    const caseId = caseWorkflowId(input.agencyCode, input.caseNumber);
    const filedAs: FiledAs = { agencyCode: input.agencyCode, caseNumber: input.caseNumber };
    try {
      await this.temporal.client.workflow.start(CASE_WORKFLOWS.lifecycle, {
        workflowId: caseId,
        taskQueue: TASK_QUEUES.cases,
        args: [input],
        memo: { ...filedAs },
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      return { caseId, created: true };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    if (!(await this.isFiledAs(caseId, filedAs))) throw workflowErrors.caseIdConflict();
    return { caseId, created: false };
  }

  /** Whether the workflow under `caseId` is a case workflow started for this agency and case number. */
  private async isFiledAs(caseId: string, filedAs: FiledAs): Promise<boolean> {
    const { type, memo } = await this.temporal.client.workflow.getHandle(caseId).describe();
    return (
      type === CASE_WORKFLOWS.lifecycle &&
      memo?.agencyCode === filedAs.agencyCode &&
      memo?.caseNumber === filedAs.caseNumber
    );
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
