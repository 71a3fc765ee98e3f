import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  REVIEW_CHECKLIST_NAMES,
  type CaseActor,
  type CaseDeadlineFiredData,
  type CaseRef,
  type ReviewCompletion,
  type ReviewRoundCompletedData,
  type ReviewRoundOpenedData,
  type ReviewRoundState,
} from '@lep/contracts';
import type { StepEvent } from '@lep/case-store';
import type { CaseActivities, DecisionDraft } from './activities';
import { completeReview, extendReview, reviewProgress, reviewState } from './definitions';
import { refusal } from './refusal';
import { checklistViolation } from './rules';
import { SYSTEM_ACTOR } from './system-actor';

const { applyStep, checkReviewer, workingDaysEnd } = proxyActivities<CaseActivities>({
  // Each activity is a few database or registry round trips; a dead worker's attempt is retried after 10 s.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export interface LegalReviewInput {
  caseRef: CaseRef;
  parentWorkflowId: string;
  round: number;
  taskId: string;
  draftHash: string;
  draft: DecisionDraft;
  majorReasons: string[];
  handlerIds: string[];
  reviewBodyAgencyCode: string;
  reviewBodyName: string;
  region: string;
  sla: { workingDays: number; extensionWorkingDays: number };
  submittedBy: CaseActor;
}

const OUTCOME_NAMES = { approved: '同意', returned: '退回修改', 'not-approved': '不同意' } as const;

/**
 * One round of legal review (重大执法决定法制审核, DOMAIN L4–L7): a task for the review body, a written opinion
 * on the 8-point checklist, a reminder one working day before the SLA ends and an escalation to the head of
 * the review body when it runs out. The SLA may be extended once. The round ends with the reviewer's opinion.
 */
export async function legalReview(input: LegalReviewInput): Promise<ReviewRoundState> {
  const { caseRef, round } = input;
  const openedAt = new Date().toISOString();
  const dueAt = await workingDaysEnd({
    region: input.region,
    from: openedAt,
    workingDays: input.sla.workingDays,
  });
  // One working day before the end: the day the reviewer still has.
  let reminderAt = await workingDaysEnd({
    region: input.region,
    from: openedAt,
    workingDays: input.sla.workingDays - 1,
  });
  const state: ReviewRoundState = {
    round,
    taskId: input.taskId,
    draftHash: input.draftHash,
    dueAt,
    extended: false,
    escalated: false,
  };
  let reminded = false;
  let steps = 0;

  const record = (
    actor: CaseActor,
    action: string,
    title: string,
    details: Record<string, unknown>,
    extras: Partial<Parameters<CaseActivities['applyStep']>[0]> = {},
  ) =>
    applyStep({
      caseId: caseRef.caseId,
      entryKey: `review-${round}-${++steps}`,
      entry: {
        at: new Date().toISOString(),
        actor,
        stage: 'legal-review',
        action,
        title,
        details,
        evidence: [],
      },
      ...extras,
    });

  const deadlineEvent = (deadline: CaseDeadlineFiredData['deadline'], due: string): StepEvent => ({
    topic: 'caseLifecycle',
    key: caseRef.caseId,
    type: CASE_EVENT_TYPES.deadlineFired,
    data: { ...caseRef, deadline, dueAt: due, round } satisfies CaseDeadlineFiredData,
  });

  const tellCase = () =>
    getExternalWorkflowHandle(input.parentWorkflowId).signal(reviewProgress, { ...state });

  setHandler(reviewState, () => state);

  setHandler(
    completeReview,
    async (completion: ReviewCompletion) => {
      assertCompletable(completion);
      const problems = await checkReviewer({
        personnelId: completion.reviewer.id,
        reviewBodyAgencyCode: input.reviewBodyAgencyCode,
      });
      if (problems.length > 0) throw refusal(CASE_ERROR_CODES.reviewerNotQualified, problems.join('；'));
      assertCompletable(completion);
      const completedAt = new Date().toISOString();
      const late = completedAt > state.dueAt;
      await record(
        completion.reviewer,
        'review-completed',
        `法制审核意见书（第 ${round} 轮）：${OUTCOME_NAMES[completion.outcome]}`,
        {
          round,
          outcome: completion.outcome,
          opinion: completion.opinion,
          checklist: Object.entries(completion.checklist).map(([item, answer]) => ({
            item: REVIEW_CHECKLIST_NAMES[item as keyof typeof REVIEW_CHECKLIST_NAMES],
            passed: answer.passed,
            note: answer.note ?? null,
          })),
          draftHash: input.draftHash,
          late,
        },
        {
          closeTasks: [
            {
              taskId: input.taskId,
              state: 'completed',
              completedBy: completion.reviewer.id,
              outcome: {
                outcome: completion.outcome,
                opinion: completion.opinion,
                requestId: completion.requestId ?? null,
              },
            },
          ],
          events: [
            {
              topic: 'caseReview',
              key: caseRef.caseId,
              type: CASE_EVENT_TYPES.reviewRoundCompleted,
              data: {
                ...caseRef,
                round,
                draftHash: input.draftHash,
                outcome: completion.outcome,
                reviewerId: completion.reviewer.id,
                completedAt,
                late,
              } satisfies ReviewRoundCompletedData,
            },
          ],
        },
      );
      Object.assign(state, {
        outcome: completion.outcome,
        opinion: completion.opinion,
        reviewerId: completion.reviewer.id,
        completedAt,
      });
      return state;
    },
    { validator: assertCompletable },
  );

  function assertCompletable(completion: ReviewCompletion): void {
    if (state.outcome !== undefined || completion.taskId !== input.taskId)
      throw refusal(CASE_ERROR_CODES.taskNotOpen, `审核任务 ${completion.taskId} 已办结或不属于本轮审核`);
    if (input.handlerIds.includes(completion.reviewer.id))
      throw refusal(CASE_ERROR_CODES.reviewerIsHandler, '本案承办人员不得审核本案（审核人员应当回避）');
    const violation = checklistViolation(completion);
    if (violation) throw refusal(violation.code, violation.message);
  }

  setHandler(
    extendReview,
    async (extension) => {
      assertExtendable(extension.taskId, extension.approvedBy);
      const newDueAt = await workingDaysEnd({
        region: input.region,
        from: state.dueAt,
        workingDays: input.sla.extensionWorkingDays,
      });
      const newReminderAt = await workingDaysEnd({
        region: input.region,
        from: state.dueAt,
        workingDays: input.sla.extensionWorkingDays - 1,
      });
      await record(
        extension.approvedBy,
        'review-extended',
        `法制审核期限延长 ${input.sla.extensionWorkingDays} 个工作日（第 ${round} 轮）`,
        { round, previousDueAt: state.dueAt, dueAt: newDueAt, reason: extension.reason },
        { retimeTasks: [{ taskId: input.taskId, dueAt: newDueAt }] },
      );
      Object.assign(state, { dueAt: newDueAt, extended: true });
      reminderAt = newReminderAt;
      reminded = false;
      await tellCase();
      return state;
    },
    { validator: (extension) => assertExtendable(extension.taskId, extension.approvedBy) },
  );

  function assertExtendable(taskId: string, approver: CaseActor): void {
    if (approver.role !== 'leader' || approver.agencyCode !== input.reviewBodyAgencyCode)
      throw refusal(CASE_ERROR_CODES.taskNotOpen, '法制审核期限的延长须经审核机构负责人批准');
    if (state.outcome !== undefined || taskId !== input.taskId)
      throw refusal(CASE_ERROR_CODES.taskNotOpen, `审核任务 ${taskId} 已办结或不属于本轮审核`);
    if (input.sla.extensionWorkingDays === 0)
      throw refusal(CASE_ERROR_CODES.wrongStage, '本机关的法制审核期限不得延长');
    if (state.extended) throw refusal(CASE_ERROR_CODES.wrongStage, '法制审核期限只能延长一次');
    if (state.escalated)
      throw refusal(CASE_ERROR_CODES.wrongStage, '法制审核期限已届满并已报告审核机构负责人，不能再延长');
  }

  await record(
    input.submittedBy,
    'review-opened',
    `提请法制审核（第 ${round} 轮），审核机构：${input.reviewBodyName}`,
    { round, draftHash: input.draftHash, dueAt, majorReasons: input.majorReasons },
    {
      openTasks: [
        {
          taskId: input.taskId,
          agencyCode: caseRef.agencyCode,
          kind: 'legal-review',
          round,
          assigneeAgencyCode: input.reviewBodyAgencyCode,
          assigneeRole: 'legal-reviewer',
          dueAt,
          payload: {
            caseId: caseRef.caseId,
            caseNumber: caseRef.caseNumber,
            draftHash: input.draftHash,
            draft: input.draft,
            majorReasons: input.majorReasons,
          },
        },
      ],
      events: [
        {
          topic: 'caseReview',
          key: caseRef.caseId,
          type: CASE_EVENT_TYPES.reviewRoundOpened,
          data: {
            ...caseRef,
            round,
            draftHash: input.draftHash,
            reviewBodyAgencyCode: input.reviewBodyAgencyCode,
            dueOn: dueAt,
          } satisfies ReviewRoundOpenedData,
        },
      ],
    },
  );

  while (state.outcome === undefined) {
    const nextAt = !reminded ? reminderAt : !state.escalated ? state.dueAt : undefined;
    const dueBefore = state.dueAt;
    const answered = nextAt
      ? await condition(
          () => state.outcome !== undefined || state.dueAt !== dueBefore,
          Math.max(0, Date.parse(nextAt) - Date.now()),
        )
      : await condition(() => state.outcome !== undefined);
    if (answered || state.outcome !== undefined || state.dueAt !== dueBefore) continue;
    if (!reminded) {
      reminded = true;
      await record(
        SYSTEM_ACTOR,
        'review-reminder',
        `法制审核期限即将届满（第 ${round} 轮，${state.dueAt} 到期）`,
        { round, dueAt: state.dueAt },
        { events: [deadlineEvent('review-sla-reminder', reminderAt)] },
      );
      continue;
    }
    state.escalated = true;
    await record(
      SYSTEM_ACTOR,
      'review-escalated',
      `法制审核超过期限（第 ${round} 轮），已报告${input.reviewBodyName}负责人`,
      { round, dueAt: state.dueAt, escalatedTo: { agencyCode: input.reviewBodyAgencyCode, role: 'leader' } },
      {
        escalateTasks: [input.taskId],
        events: [deadlineEvent('review-sla', state.dueAt)],
      },
    );
    await tellCase();
  }
  await condition(allHandlersFinished);
  return state;
}
