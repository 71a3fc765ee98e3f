import { patched, setHandler, startChild } from '@temporalio/workflow';
import {
  CASE_ERROR_CODES,
  caseSignals,
  caseUpdates,
  reviewWorkflowId,
  type CaseActor,
  type ReviewRoundState,
  WORKFLOW_TASK_TIMEOUT,
} from '@lep/contracts';
import { legalReview, type LegalReviewInput } from './legal-review';
import { renderForReview } from './decision-document';
import { refusal } from './refusal';
import {
  assertClaimable,
  assertNotHeldByOther,
  assertReleasable,
  moveClaim,
  type ClaimableTask,
} from './task-claims';
import { latestRound, stageViolation } from './rules';
import { SYSTEM_ACTOR } from './system-actor';
import { caseActivities, type CaseContext } from './case-context';

/**
 * 法制审核 of a major decision: each submission opens a round (a child workflow, `legalReview`) on the current
 * draft; the round reports its progress, and its end is recorded by the loop (concludeReview).
 */
export function reviewSubmission(ctx: CaseContext): void {
  const { state, caseId, caseRef, moveTo, action, readyForDecisionStep, finishedReviews } = ctx;
  action(
    caseUpdates.submitForReview,
    () => {
      if (state.status === 'open' && !state.major)
        return { code: CASE_ERROR_CODES.wrongStage, message: '本案不属于重大执法决定，无需法制审核' };
      const notReady = readyForDecisionStep('提请法制审核');
      if (notReady) return notReady;
      const latest = latestRound(state);
      if (latest && latest.outcome === undefined)
        return { code: CASE_ERROR_CODES.wrongStage, message: `第 ${latest.round} 轮法制审核尚未结束` };
      if (latest && latest.draftHash === state.draft?.hash)
        return {
          code: CASE_ERROR_CODES.wrongStage,
          message: '该决定草案已经审核，请按审核意见修改后再提请审核',
        };
      return undefined;
    },
    async (submission) => {
      if (!ctx.agency || !state.draft || !ctx.draft) return;
      const round = state.reviewRounds.length + 1;
      const taskId = reviewWorkflowId(caseId, round);
      const document = await renderForReview(ctx, taskId, submission.actor);
      if (document) state.draft.document = document;
      state.reviewRounds.push({
        round,
        taskId,
        draftHash: state.draft.hash,
        dueAt: '',
        extended: false,
        escalated: false,
        ...(document ? { document } : {}),
      });
      if (state.stage !== 'legal-review')
        await moveTo('legal-review', submission.actor, '提请法制审核', {
          round,
          draftHash: state.draft.hash,
        });
      const reviewInput: LegalReviewInput = {
        caseRef: caseRef(),
        parentWorkflowId: caseId,
        round,
        taskId,
        draftHash: state.draft.hash,
        draft: ctx.draft,
        ...(document ? { document } : {}),
        majorReasons: state.majorReasons,
        handlerIds: state.handlerIds,
        reviewBodyAgencyCode: ctx.agency.reviewBodyAgencyCode,
        reviewBodyName: ctx.agency.reviewBodyName,
        region: ctx.agency.region,
        sla: ctx.reviewSla,
        submittedBy: submission.actor,
      };
      const child = await startChild(legalReview, {
        workflowId: taskId,
        args: [reviewInput],
        workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
      });
      void child.result().then((result) => {
        finishedReviews.push(result);
        ctx.version++;
      });
    },
  );

  setHandler(caseSignals.reviewProgress, (progress) => {
    // A measure's round (domain.md P13b) shares the round numbers, not the task id, with the case's own rounds.
    const round =
      state.reviewRounds.find(
        (candidate) => candidate.round === progress.round && candidate.taskId === progress.taskId,
      ) ?? state.measureReviews?.find((candidate) => candidate.taskId === progress.taskId);
    if (round) {
      // The round's own state replaces the copy here: a limit no longer provisional carries no mark.
      delete round.dueProvisional;
      Object.assign(round, progress);
    }
    ctx.version++;
  });
}

/**
 * A disputed review opinion goes to the agency head as a coordination task, which this workflow owns: claimed,
 * released and answered by the head's final ruling through its updates.
 */
export function reviewDispute(ctx: CaseContext): void {
  const { state, caseId, serially, snapshot, record, action } = ctx;
  action(
    caseUpdates.disputeReview,
    () => {
      const wrong = stageViolation(state, ['legal-review'], '对审核意见提出异议');
      if (wrong) return wrong;
      const latest = latestRound(state);
      if (!latest || latest.outcome === undefined || latest.outcome === 'approved')
        return { code: CASE_ERROR_CODES.wrongStage, message: '只能对已出具的退回或不同意的审核意见提出异议' };
      if (latest.dispute)
        return { code: CASE_ERROR_CODES.wrongStage, message: `第 ${latest.round} 轮审核意见已提出异议` };
      return undefined;
    },
    async (dispute) => {
      const latest = latestRound(state);
      if (!latest) return;
      const taskId = `${latest.taskId}-coordination`;
      latest.dispute = { reason: dispute.reason, taskId };
      await record(
        dispute.actor,
        'review-disputed',
        `承办机构对第 ${latest.round} 轮审核意见有异议，报请机关负责人协调`,
        {
          round: latest.round,
          reason: dispute.reason,
        },
        {
          openTasks: [
            {
              taskId,
              agencyCode: state.agencyCode,
              kind: 'coordination',
              round: latest.round,
              assigneeAgencyCode: state.agencyCode,
              assigneeRole: 'leader',
              dueAt: null,
              payload: { caseId, round: latest.round, reason: dispute.reason, opinion: latest.opinion ?? '' },
            },
          ],
        },
      );
    },
  );

  setHandler(
    caseUpdates.ruleOnDispute,
    (ruling) =>
      serially(async () => {
        assertRuling(ruling.taskId, ruling.head);
        // Only the principal leader overrules a failed review (domain.md L6c). Overrulings accepted before this
        // check existed carry no marker and replay without asking the registry.
        if (ruling.ruling === 'overrule' && patched('overrule-by-principal-leader')) {
          const problems = await caseActivities.checkPrincipalLeader({
            personnelId: ruling.head.id,
            agencyCode: state.agencyCode,
          });
          if (problems.length > 0) throw refusal(CASE_ERROR_CODES.notPrincipalLeader, problems.join('；'));
          assertRuling(ruling.taskId, ruling.head);
        }
        const latest = latestRound(state);
        if (!latest?.dispute) return snapshot();
        latest.dispute.ruling = ruling.ruling;
        latest.dispute.ruledBy = ruling.head.id;
        await record(
          ruling.head,
          'dispute-ruled',
          ruling.ruling === 'overrule'
            ? '机关负责人协调决定：采纳承办机构意见'
            : '机关负责人协调决定：维持审核意见',
          {
            round: latest.round,
            ruling: ruling.ruling,
            reason: ruling.reason,
            collectiveDiscussion: ruling.collectiveDiscussion ?? null,
          },
          {
            closeTasks: [
              {
                taskId: ruling.taskId,
                state: 'completed',
                completedBy: ruling.head.id,
                outcome: {
                  ruling: ruling.ruling,
                  reason: ruling.reason,
                  requestId: ruling.requestId ?? null,
                },
              },
            ],
          },
        );
        return snapshot();
      }),
    {
      // Checked on acceptance only: rulings accepted before the rule keep replaying as they were.
      validator: (ruling) => {
        assertRuling(ruling.taskId, ruling.head);
        if (ruling.ruling === 'overrule' && !ruling.collectiveDiscussion)
          throw refusal(
            CASE_ERROR_CODES.collectiveDiscussionMissing,
            '推翻法制审核意见须经集体讨论，请提供集体讨论记录（日期、参加人员、纪要编号、结论）',
          );
      },
    },
  );

  function assertRuling(taskId: string, head: CaseActor): void {
    const dispute = latestRound(state)?.dispute;
    if (!dispute || dispute.taskId !== taskId || dispute.ruling)
      throw refusal(CASE_ERROR_CODES.taskNotOpen, `协调任务 ${taskId} 已办结或不存在`);
    if (head.role !== 'leader') throw refusal(CASE_ERROR_CODES.taskNotOpen, '协调意见只能由机关负责人作出');
    assertNotHeldByOther({ taskId, open: true, claimedBy: dispute.claimedBy }, head.id);
  }

  /** The coordination task of the latest round's dispute, while there is one. */
  function coordinationTask(): ClaimableTask | undefined {
    const dispute = latestRound(state)?.dispute;
    return dispute && { taskId: dispute.taskId, open: !dispute.ruling, claimedBy: dispute.claimedBy };
  }

  function holdCoordination(holder: string | undefined): void {
    const dispute = latestRound(state)?.dispute;
    if (!dispute) return;
    if (holder === undefined) delete dispute.claimedBy;
    else dispute.claimedBy = holder;
  }

  setHandler(
    caseUpdates.claimTask,
    (claim) =>
      serially(async () => {
        assertClaimable(coordinationTask(), claim);
        return moveClaim(coordinationTask()!, claim.by.id, caseActivities.applyTaskClaim, holdCoordination);
      }),
    { validator: (claim) => assertClaimable(coordinationTask(), claim) },
  );

  setHandler(
    caseUpdates.releaseTask,
    (release) =>
      serially(async () => {
        assertReleasable(coordinationTask(), release);
        return moveClaim(coordinationTask()!, undefined, caseActivities.applyTaskClaim, holdCoordination);
      }),
    { validator: (release) => assertReleasable(coordinationTask(), release) },
  );
}

/** Records how a finished review round ended (called by the loop when the child workflow returns). */
export function reviewConclusion(ctx: CaseContext): {
  concludeReview: (result: ReviewRoundState) => Promise<void>;
} {
  const { state, record } = ctx;
  async function concludeReview(result: ReviewRoundState): Promise<void> {
    const round = state.reviewRounds.find((candidate) => candidate.round === result.round);
    if (!round) return;
    Object.assign(round, result);
    const conclusion =
      result.outcome === 'approved'
        ? '法制审核通过，可以作出决定'
        : result.outcome === 'returned'
          ? '法制审核退回，承办机构修改后重新提请审核'
          : '法制审核不同意，承办机构研究处理';
    await record(SYSTEM_ACTOR, 'review-concluded', `第 ${result.round} 轮${conclusion}`, {
      round: result.round,
      outcome: result.outcome ?? null,
    });
  }

  return { concludeReview };
}
