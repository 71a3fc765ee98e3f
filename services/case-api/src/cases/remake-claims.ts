import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, TemporalClient } from '@lep/nest-kit';
import {
  CASE_ERROR_CODES,
  CASE_WORKFLOWS,
  remakeWorkflowId,
  TASK_QUEUES,
  WORKFLOW_TASK_TIMEOUT,
  type DecisionRemakeClaim,
  type DecisionRemakeWorkflow,
} from '@lep/contracts';
import { WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { CaseIndex } from './case-index';

/**
 * How long a claim whose case workflow does not exist yet still holds: the claim is taken just before its case is
 * started, so within this time the case may be on its way (a second request must not slip past it); after it, the
 * request that took the claim has ended without starting its case, and the decision is free. Far above the time
 * a start request may take.
 */
const CLAIM_GRACE_MS = 2 * 60 * 1000;

/**
 * One case re-makes a withdrawn decision (domain.md P9 "One remake per decision"). The claim is a decisionRemake
 * workflow whose id is the decision's (remakeWorkflowId, never reused): Temporal starts an id once, so of two
 * cases started at once for the same decision exactly one takes it, with no read before the write. A claim
 * whose case never came to re-make the decision — refused at filing, started under a number another case
 * already had, or not started within CLAIM_GRACE_MS — leaves the decision to the next slot, itself one workflow
 * id.
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
      if (holder.caseId === caseId) return;
      if (await this.holds(holder, decisionId)) throw alreadyRemade(decisionId, holder.caseId);
    }
  }

  /** Starts the claim of one slot; answers the case holding it (this one when the start took it) and since when. */
  private async take(workflowId: string, claim: DecisionRemakeClaim): Promise<Holder> {
    try {
      await this.temporal.client.workflow.start<DecisionRemakeWorkflow>(CASE_WORKFLOWS.decisionRemake, {
        workflowId,
        taskQueue: TASK_QUEUES.cases,
        workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
        args: [claim],
        memo: { caseId: claim.caseId },
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      return { caseId: claim.caseId, claimedAt: new Date() };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    const { memo, startTime } = await this.temporal.client.workflow.getHandle(workflowId).describe();
    return { caseId: String(memo?.caseId ?? ''), claimedAt: startTime };
  }

  /**
   * Whether the case holding a claim re-makes the decision: it was started for it and not refused at filing, or
   * its claim is so recent that its start may still be on the way. A case filed and ended later without a decision
   * keeps it (domain.md P9: the order to re-make was answered by that case's handling of the matter).
   */
  private async holds({ caseId, claimedAt }: Holder, decisionId: string): Promise<boolean> {
    let memo: Record<string, unknown> | undefined;
    try {
      ({ memo } = await this.temporal.client.workflow.getHandle(caseId).describe());
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return Date.now() - claimedAt.getTime() < CLAIM_GRACE_MS;
      throw error;
    }
    if (memo?.remakesDecisionId !== decisionId) return false;
    const row = await this.index.find(caseId);
    return row?.status !== 'refused';
  }
}

interface Holder {
  caseId: string;
  claimedAt: Date;
}

const alreadyRemade = (decisionId: string, caseId: string) => {
  const message = `决定 ${decisionId} 已由案件 ${caseId} 重新作出，同一被撤回的决定只能由一个案件重新作出`;
  return new ApiError(HttpStatus.CONFLICT, CASE_ERROR_CODES.alreadyRemade, message, [
    { field: 'remakesDecisionId', rule: 'remadeOnce', message },
  ]);
};
