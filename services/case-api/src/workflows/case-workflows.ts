import { Inject, Injectable } from '@nestjs/common';
import { TemporalClient } from '@lep/nest-kit';
import {
  CASE_WORKFLOWS,
  caseQueries,
  caseWorkflowId,
  TASK_QUEUES,
  WORKFLOW_TASK_TIMEOUT,
  withdrawalWorkflowId,
  type CaseLifecycleWorkflow,
  type DecisionWithdrawalInput,
  type DecisionWithdrawalWorkflow,
  type CaseState,
  type StartCaseInput,
} from '@lep/contracts';
import { WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WorkflowUpdateStage,
} from '@temporalio/client';
import { CaseApiConfig } from '../config';
import { workflowErrors } from './workflow-errors';

/** An action's outcome within the wait: its result, or still running (the workflow has not answered yet). */
export type ActionOutcome<Result> = { finished: true; result: Result } | { finished: false };

/** How long asking why a workflow has not answered may take. */
const DESCRIBE_DEADLINE_MS = 3_000;

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

/** The case workflows as case-api drives them: start, query, update, through the contract's typed definitions. */
@Injectable()
export class CaseWorkflows {
  constructor(
    private readonly temporal: TemporalClient,
    @Inject(CaseApiConfig) private readonly config: CaseApiConfig,
  ) {}

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
      await this.temporal.client.workflow.start<CaseLifecycleWorkflow>(CASE_WORKFLOWS.lifecycle, {
        workflowId: caseId,
        taskQueue: TASK_QUEUES.cases,
        workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
        args: [input],
        // The decision it re-makes tells a claim held by this case from one left by a case that took another
        // case's number (RemakeClaims).
        memo: {
          ...filedAs,
          ...(input.remakesDecisionId ? { remakesDecisionId: input.remakesDecisionId } : {}),
        },
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      return { caseId, created: true };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    if (!(await this.isFiledAs(caseId, filedAs))) throw workflowErrors.caseIdConflict();
    return { caseId, created: false };
  }

  /**
   * Withdraws an archived case's decision by its decisionWithdrawal workflow, started once per decision and
   * waited on as long as an action. The workflow already there answers the same request (by requestId, kept in
   * its memo) with its outcome and any other with 409; so does a decision the lifecycle withdrew before archive.
   */
  async withdrawAfterArchive(
    input: DecisionWithdrawalInput,
    withdrawnBefore: boolean,
  ): Promise<ActionOutcome<CaseState>> {
    // A measure inside the case is named by its own id (domain.md P13a); else it is the case's decision.
    const decisionId = input.decisionId ?? input.archived.decision?.decisionId ?? '';
    const workflowId = withdrawalWorkflowId(decisionId);
    const requestId = input.revocation.requestId;
    const handle = this.temporal.client.workflow.getHandle<DecisionWithdrawalWorkflow>(workflowId);
    let started = false;
    if (!withdrawnBefore) {
      try {
        await this.temporal.client.workflow.start<DecisionWithdrawalWorkflow>(
          CASE_WORKFLOWS.decisionWithdrawal,
          {
            workflowId,
            taskQueue: TASK_QUEUES.cases,
            workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
            args: [input],
            memo: { requestId, caseId: input.archived.caseId },
            // A withdrawal refused for its officer (domain.md R8b) fails and leaves the decision to a rightful one.
            workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
          },
        );
        started = true;
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    }
    if (!started && !(await this.startedFor(workflowId, requestId))) throw workflowErrors.alreadyWithdrawn();
    return this.withinWait(() => handle.result());
  }

  /** Whether a decisionWithdrawal workflow exists under `workflowId` for this very request. */
  private async startedFor(workflowId: string, requestId: string): Promise<boolean> {
    try {
      const { type, memo } = await this.temporal.client.workflow.getHandle(workflowId).describe();
      return type === CASE_WORKFLOWS.decisionWithdrawal && memo?.requestId === requestId;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
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
      handle.query(caseQueries.state),
    );
  }

  /**
   * Sends an update and waits at most CASE_ACTION_WAIT_SECONDS for its outcome; `updateId` makes a retried call
   * return the first answer. A refusal throws (WorkflowUpdateFailedError); an update the workflow has not
   * answered in time is still running, and its outcome can be asked for by the same id (`outcome`).
   */
  update<Result, Input>(
    workflowId: string,
    definition: UpdateDefinition<Result, [Input]>,
    input: Input,
    updateId: string,
  ): Promise<ActionOutcome<Result>> {
    const handle = this.temporal.client.workflow.getHandle(workflowId);
    return this.withinWait(async () => {
      const update = await handle.startUpdate(definition, {
        args: [input],
        updateId,
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      return update.result();
    });
  }

  /** The outcome of an update sent earlier, waiting at most as long as an action does. */
  outcome<Result>(
    workflowId: string,
    updateId: string,
    /** The definition the update was sent by, or one with the same result (every case action answers CaseState). */
    _sentBy: UpdateDefinition<Result, unknown[]>,
  ): Promise<ActionOutcome<Result>> {
    const update = this.temporal.client.workflow.getHandle(workflowId).getUpdateHandle<Result>(updateId);
    return this.withinWait(() => update.result());
  }

  /**
   * Why a workflow has not answered, in words staff read: the activities it waits on (with their attempts and
   * last failure) or a workflow task no worker has taken. Empty when it cannot tell. `stuckOnly` leaves out an
   * activity on its first attempt, which is work in progress rather than a reason to wait.
   */
  async waitingOn(workflowId: string, stuckOnly = false): Promise<string[]> {
    let raw;
    try {
      ({ raw } = await this.temporal.connection.withDeadline(Date.now() + DESCRIBE_DEADLINE_MS, () =>
        this.temporal.client.workflow.getHandle(workflowId).describe(),
      ));
    } catch {
      return [];
    }
    const activities = (raw.pendingActivities ?? []).filter(
      (activity) => !stuckOnly || (activity.attempt ?? 1) > 1,
    );
    const reasons = activities.map((activity) => {
      const failure = activity.lastFailure?.message ? `，上次失败：${activity.lastFailure.message}` : '';
      return `正在执行 ${activity.activityType?.name ?? '活动'}（第 ${activity.attempt ?? 1} 次尝试${failure}）`;
    });
    const task = raw.pendingWorkflowTask;
    if (task && !task.startedTime && (task.attempt ?? 1) <= 1)
      reasons.push('流程任务等待执行节点（worker）领取：执行节点可能未运行');
    else if (task && (task.attempt ?? 1) > 1) reasons.push(`流程任务已重试 ${task.attempt} 次`);
    return reasons;
  }

  private async withinWait<Result>(work: () => Promise<Result>): Promise<ActionOutcome<Result>> {
    const deadline = Date.now() + this.config.CASE_ACTION_WAIT_SECONDS * 1000;
    try {
      return { finished: true, result: await this.temporal.connection.withDeadline(deadline, work) };
    } catch (error) {
      if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return { finished: false };
      throw error;
    }
  }
}
