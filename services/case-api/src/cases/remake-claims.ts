import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, TemporalClient } from '@lep/nest-kit';
import {
  CASE_ERROR_CODES,
  CASE_WORKFLOWS,
  remakeWorkflowId,
  TASK_QUEUES,
  type DecisionRemakeClaim,
  type DecisionRemakeWorkflow,
} from '@lep/contracts';
import { WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { CaseIndex } from './case-index';

/**
 * One case re-makes a withdrawn decision (domain.md P9 "One remake per decision"). The claim is a decisionRemake
 * workflow whose id is the decision's (remakeWorkflowId, never reused): Temporal starts an id once, so of two
 * cases started at once for the same decision exactly one takes it, with no read before the write. A claim
 * whose case never came to re-make the decision — refused at filing, started under a number another case
 * already had, or never started at all — leaves the decision to the next slot, itself one workflow id.
 */
@Injectable()
export class RemakeClaims {
  constructor(
    private readonly temporal: TemporalClient,
    private readonly index: CaseIndex,
  ) {}

  /** Claims `decisionId` for `caseId` (again, harmlessly, on a repeated start), or refuses with 409. */
  async claim(decisionId: string, caseId: string): Promise<void> {
    const claim: DecisionRemakeClaim = { decisionId, caseId };
    for (let slot = 0; ; slot += 1) {
      const holder = await this.take(remakeWorkflowId(decisionId, slot), claim);
      if (holder === caseId) return;
      if (await this.holds(holder, decisionId)) throw alreadyRemade(decisionId, holder);
    }
  }

  /** Starts the claim of one slot; answers the case holding it (this one when the start took it). */
  private async take(workflowId: string, claim: DecisionRemakeClaim): Promise<string> {
    try {
      await this.temporal.client.workflow.start<DecisionRemakeWorkflow>(CASE_WORKFLOWS.decisionRemake, {
        workflowId,
        taskQueue: TASK_QUEUES.cases,
        args: [claim],
        memo: { caseId: claim.caseId },
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      return claim.caseId;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    const { memo } = await this.temporal.client.workflow.getHandle(workflowId).describe();
    return String(memo?.caseId ?? '');
  }

  /**
   * Whether the case holding a claim re-makes the decision: it was started for it and not refused at filing. A
   * case filed and ended later without a decision keeps it (domain.md P9: the order to re-make was answered by
   * that case's handling of the matter).
   */
  private async holds(caseId: string, decisionId: string): Promise<boolean> {
    let memo: Record<string, unknown> | undefined;
    try {
      ({ memo } = await this.temporal.client.workflow.getHandle(caseId).describe());
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
    if (memo?.remakesDecisionId !== decisionId) return false;
    const row = await this.index.find(caseId);
    return row?.status !== 'refused';
  }
}

const alreadyRemade = (decisionId: string, caseId: string) => {
  const message = `决定 ${decisionId} 已由案件 ${caseId} 重新作出，同一被撤回的决定只能由一个案件重新作出`;
  return new ApiError(HttpStatus.CONFLICT, CASE_ERROR_CODES.alreadyRemade, message, [
    { field: 'remakesDecisionId', rule: 'remadeOnce', message },
  ]);
};
