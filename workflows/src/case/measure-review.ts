import { condition, startChild } from '@temporalio/workflow';
import { chinaDateOf } from '@lep/calendar';
import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  COERCION_KIND_NAMES,
  measureReviewWorkflowId,
  type CaseState,
  type CoercionMeasureInput,
  type MeasureReviewState,
  type ReviewRoundState,
  WORKFLOW_TASK_TIMEOUT,
} from '@lep/contracts';
import type { DecisionDraft } from './activities';
import { type CaseContext } from './case-context';
import {
  findMeasure,
  measureWithdrawalDetails,
  measureWithdrawalTitle,
  measureWithdrawn,
  withdrawnMeasures,
} from './case-measure-withdrawal';
import { legalReview, type LegalReviewInput } from './legal-review';
import { refusal } from './refusal';
import type { Violation } from './rules';
import { SYSTEM_ACTOR } from './system-actor';

/**
 * The marker of the rule: a major measure is reviewed before it is taken (domain.md P13b). Measures taken before
 * it replay without the marker and take the old path (taken at once, `major` on their decision.made only).
 */
export const MEASURE_REVIEW_PATCH = 'measure-legal-review';

/** ACL art. 19: an urgent measure's approval follows within 24 hours (real hours, not working days). */
export const URGENT_APPROVAL_HOURS = 24;
const HOUR = 3_600_000;

/** A major measure about to be taken: its document as the catalogue judged it, and why it is major. */
export interface MajorMeasure {
  input: CoercionMeasureInput;
  draft: DecisionDraft;
  draftHash: string;
  majorReasons: string[];
}

/** How a major measure that passed the gate is taken: after its approved round, or urgently before it. */
export type MeasureTaking = { reviewTaskId: string } | { urgent: true };

const OUTCOME_NAMES = { approved: '通过', returned: '退回修改', 'not-approved': '不同意' } as const;

/**
 * 法制审核 of a major 行政强制 measure (domain.md P13b): the same legalReview round and task API as the case's own
 * decision, one round per submission of the measure, each its own workflow (measureReviewWorkflowId).
 *
 * - A major measure is not taken until a round on its document passes: the first POST opens the round, the POST
 *   of the same document after approval takes it (its 决定书 dated no earlier than the approval); a failed round
 *   is followed by the measure submitted again with its document changed, as often as it takes (L5).
 * - An urgent one (ACL art. 19) is taken at once and its round opened at the same time; unless the round passes
 *   within 24 hours of the measure being carried out, it is lifted at once (P13a's 撤销, by the workflow).
 */
export function measureReview(ctx: CaseContext) {
  const { state, caseId, caseRef, serially, record, event } = ctx;

  const reviewsOf = (documentNumber: string) =>
    (state.measureReviews ?? []).filter(
      (review) => review.documentNumber === documentNumber && !review.urgent,
    );

  /**
   * Refuses what the rule forbids, opens a round where the measure needs one (then it is not taken: undefined),
   * or says how the measure is taken. Runs in the handler (after the catalogue judged the document), so its
   * refusals never meet a recorded history (domain.md P13b; docs/workflow-versioning.md).
   */
  async function beforeTaking(measure: MajorMeasure): Promise<MeasureTaking | undefined> {
    const { input, draftHash } = measure;
    const name = `行政强制决定（${input.documentNumber}）`;
    const open = (state.measureReviews ?? []).find(
      (review) =>
        review.documentNumber === input.documentNumber && review.outcome === undefined && !review.urgent,
    );
    if (open)
      throw refusal(
        CASE_ERROR_CODES.wrongStage,
        `${name}第 ${open.round} 轮法制审核尚未结束，审核通过前不得作出`,
      );
    const latest = reviewsOf(input.documentNumber).at(-1);
    if (latest?.draftHash === draftHash && latest.outcome === 'approved') {
      if (state.coercionMeasures?.some((taken) => taken.reviewTaskId === latest.taskId))
        throw refusal(CASE_ERROR_CODES.wrongStage, `${name}已依第 ${latest.round} 轮审核意见作出`);
      const approvedOn = chinaDateOf(latest.completedAt ?? Date.now());
      if (input.decidedOn < approvedOn)
        throw refusal(
          CASE_ERROR_CODES.decisionDateInvalid,
          `强制决定书载明的日期 ${input.decidedOn} 早于法制审核通过之日（${approvedOn}），未经法制审核不得作出决定`,
        );
      return { reviewTaskId: latest.taskId };
    }
    if (latest?.draftHash === draftHash && !input.urgent)
      throw refusal(CASE_ERROR_CODES.wrongStage, `${name}已经审核未通过，请按审核意见修改后再提请审核`);
    if (input.urgent) {
      const dueAt = urgentApprovalDue(input);
      if (Date.parse(dueAt) <= Date.now())
        throw refusal(
          CASE_ERROR_CODES.decisionDateInvalid,
          `当场实施已超过 ${URGENT_APPROVAL_HOURS} 小时（${input.carriedOut?.from} 起），不能再作为紧急措施补办审核，应当解除`,
        );
      return { urgent: true };
    }
    await openRound(measure);
    return undefined;
  }

  /** An urgent measure was just taken as `decisionId`: its round opens, and the 24 hours begin. */
  async function afterUrgentTaking(measure: MajorMeasure, decisionId: string): Promise<void> {
    const approvalDueAt = urgentApprovalDue(measure.input);
    const review = await openRound(measure, { decisionId, approvalDueAt });
    void (async () => {
      const ended = await condition(
        () => review.outcome !== undefined,
        Math.max(0, Date.parse(approvalDueAt) - Date.now()),
      );
      if (!ended) await serially(() => lift(review, 'timed-out'));
    })();
  }

  async function openRound(
    measure: MajorMeasure,
    urgent?: { decisionId: string; approvalDueAt: string },
  ): Promise<MeasureReviewState> {
    const { input, draft, draftHash, majorReasons } = measure;
    if (!ctx.agency) throw refusal(CASE_ERROR_CODES.wrongStage, '执法主体信息尚未载入，不能提请法制审核');
    const round = (state.measureReviews?.length ?? 0) + 1;
    const taskId = measureReviewWorkflowId(caseId, round);
    const review: MeasureReviewState = {
      round,
      taskId,
      draftHash,
      dueAt: '',
      extended: false,
      escalated: false,
      documentNumber: input.documentNumber,
      kind: input.coercion.kind,
      majorReasons,
      ...(urgent ? { urgent } : {}),
    };
    state.measureReviews = [...(state.measureReviews ?? []), review];
    const reviewInput: LegalReviewInput = {
      caseRef: caseRef(),
      parentWorkflowId: caseId,
      round,
      taskId,
      draftHash,
      draft,
      majorReasons,
      handlerIds: state.handlerIds,
      reviewBodyAgencyCode: ctx.agency.reviewBodyAgencyCode,
      reviewBodyName: ctx.agency.reviewBodyName,
      region: ctx.agency.region,
      sla: ctx.reviewSla,
      submittedBy: input.actor,
      measure: {
        documentNumber: input.documentNumber,
        kind: input.coercion.kind,
        urgent: Boolean(urgent),
        ...(urgent ?? {}),
        entryKeyPrefix: `measure-review-${round}`,
      },
    };
    const child = await startChild(legalReview, {
      workflowId: taskId,
      args: [reviewInput],
      workflowTaskTimeout: WORKFLOW_TASK_TIMEOUT,
    });
    void child.result().then((result) => serially(() => conclude(review, result)));
    return review;
  }

  /** The round ended: its opinion joins the record; an urgent measure it did not approve is lifted. */
  async function conclude(review: MeasureReviewState, result: ReviewRoundState): Promise<void> {
    Object.assign(review, result);
    const outcome = result.outcome ?? 'not-approved';
    const name = `${COERCION_KIND_NAMES[review.kind]}决定（${review.documentNumber}）`;
    const lateForUrgent = review.urgent?.lifted !== undefined;
    const conclusion = lateForUrgent
      ? `法制审核${OUTCOME_NAMES[outcome]}，该措施已因未在二十四小时内审核通过而解除`
      : outcome === 'approved'
        ? review.urgent
          ? '法制审核通过，紧急实施的措施补办批准手续完成'
          : '法制审核通过，可以作出决定'
        : review.urgent
          ? `法制审核${OUTCOME_NAMES[outcome]}，紧急实施的措施立即解除`
          : `法制审核${OUTCOME_NAMES[outcome]}，承办机构修改后可重新提请审核`;
    await record(SYSTEM_ACTOR, 'measure-review-concluded', `${name}第 ${review.round} 轮${conclusion}`, {
      round: review.round,
      taskId: review.taskId,
      documentNumber: review.documentNumber,
      outcome,
    });
    if (review.urgent && outcome !== 'approved') await lift(review, 'not-approved');
  }

  /**
   * 立即解除 (ACL art. 19; domain.md P13b): the urgent measure is withdrawn as P13a withdraws one — 撤销, its
   * record entry and its decision.withdrawn — by the workflow, once; one already withdrawn stays as it was.
   */
  async function lift(review: MeasureReviewState, why: 'not-approved' | 'timed-out'): Promise<void> {
    const urgent = review.urgent;
    if (!urgent || urgent.lifted || (why === 'timed-out' && review.outcome === 'approved')) return;
    urgent.lifted = why;
    const measure = findMeasure(state, urgent.decisionId);
    if (!measure || measure.withdrawal) return;
    const at = new Date().toISOString();
    const revocation = {
      requestId: `lift-${review.taskId}`,
      actor: SYSTEM_ACTOR,
      kind: 'revoked' as const,
      reason:
        why === 'timed-out'
          ? `情况紧急当场实施的行政强制措施，未在${URGENT_APPROVAL_HOURS}小时内经法制审核通过，依法立即解除`
          : '情况紧急当场实施的行政强制措施，法制审核未通过，依法立即解除',
      // The agency's own correction, by the measure's document: no other document exists when the law lifts it.
      source: {
        kind: 'self-correction' as const,
        documentNumber: measure.documentNumber,
        decidedOn: chinaDateOf(at),
      },
    };
    const withdrawn = measureWithdrawn(state, measure, revocation, at, ctx.agency?.region ?? 'national');
    state.coercionMeasures = withdrawnMeasures(state, measure, revocation, at);
    await record(
      SYSTEM_ACTOR,
      'withdrawn:revoked',
      measureWithdrawalTitle(measure, revocation),
      { ...measureWithdrawalDetails(measure, revocation), lifted: why, reviewTaskId: review.taskId },
      { events: [event('caseDecision', CASE_EVENT_TYPES.decisionWithdrawn, withdrawn, measure.decisionId)] },
    );
  }

  return { beforeTaking, afterUrgentTaking };
}

/**
 * A case is not archived while a round on one of its measures runs (domain.md P13b): the round is a child of the
 * case and its task would be left in the review body's inbox. Only cases that opened such a round since the rule
 * hold any, so this refuses nothing in a recorded history.
 */
export function openMeasureReviewViolation(state: Pick<CaseState, 'measureReviews'>): Violation | undefined {
  const open = state.measureReviews?.find((review) => review.outcome === undefined);
  return open
    ? {
        code: CASE_ERROR_CODES.wrongStage,
        message: `行政强制决定（${open.documentNumber}）第 ${open.round} 轮法制审核尚未结束，不能归档`,
      }
    : undefined;
}

/** 24 hours from when the measure was carried out on the spot (its start), or from its entry when not given. */
function urgentApprovalDue(input: CoercionMeasureInput): string {
  const from = input.carriedOut ? Date.parse(input.carriedOut.from) : Date.now();
  return new Date(Math.min(from, Date.now()) + URGENT_APPROVAL_HOURS * HOUR).toISOString();
}
