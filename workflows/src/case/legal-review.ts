import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import { provisionalOf, type CalendarLayerRef } from '@lep/calendar';
import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  REVIEW_CHECKLIST_NAMES,
  caseSignals,
  reviewQueries,
  reviewUpdates,
  type CaseActor,
  type CaseDeadlineFiredData,
  type CaseDeadlineProvisionalData,
  type ProvisionalCount,
  type CaseRef,
  type ReviewCompletion,
  type ReviewRoundCompletedData,
  type ReviewRoundOpenedData,
  type ReviewRoundState,
} from '@lep/contracts';
import type { StepEvent } from '@lep/case-store';
import type { CaseActivities, DecisionDraft } from './activities';
import { refusal } from './refusal';
import { serialQueue } from './serial-queue';
import {
  assertClaimable,
  assertNotHeldByOther,
  assertReleasable,
  moveClaim,
  type ClaimableTask,
} from './task-claims';
import { checklistViolation } from './rules';
import { SYSTEM_ACTOR } from './system-actor';

const { applyStep, applyTaskClaim, checkReviewer, workingDaysEnd } = proxyActivities<CaseActivities>({
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
 * One round of legal review (重大执法决定法制审核, domain.md L4–L7): a task for the review body, a written opinion
 * on the 8-point checklist, a reminder one working day before the SLA ends and an escalation to the head of
 * the review body when it runs out. The SLA may be extended once. The round ends with the reviewer's opinion.
 */
export async function legalReview(input: LegalReviewInput): Promise<ReviewRoundState> {
  const { caseRef, round } = input;
  const openedAt = new Date().toISOString();

  /**
   * The time limit on the registry's calendar: the SLA from the opening (and the extension after it, once
   * granted), with the reminder one working day before the end, the day the reviewer still has.
   */
  const countDue = async (
    extended: boolean,
  ): Promise<{ dueAt: string; reminderAt: string; provisional: ProvisionalCount | null }> => {
    const count = (from: string, workingDays: number) =>
      workingDaysEnd({ region: input.region, from, workingDays });
    const base = await count(openedAt, input.sla.workingDays);
    if (!extended) {
      const reminder = await count(openedAt, input.sla.workingDays - 1);
      return { dueAt: base.dueAt, reminderAt: reminder.dueAt, provisional: base.provisional };
    }
    const due = await count(base.dueAt, input.sla.extensionWorkingDays);
    const reminder = await count(base.dueAt, input.sla.extensionWorkingDays - 1);
    const missing = [...(base.provisional?.missing ?? []), ...(due.provisional?.missing ?? [])];
    return {
      dueAt: due.dueAt,
      reminderAt: reminder.dueAt,
      provisional: provisionalOf(missing as CalendarLayerRef[]),
    };
  };

  const opening = await countDue(false);
  let reminderAt = opening.reminderAt;
  const state: ReviewRoundState = {
    round,
    taskId: input.taskId,
    draftHash: input.draftHash,
    dueAt: opening.dueAt,
    ...(opening.provisional ? { dueProvisional: opening.provisional } : {}),
    extended: false,
    escalated: false,
  };
  let reminded = false;
  let steps = 0;
  /** A year of the calendar was loaded since the time limit was counted. */
  let recountRequested = false;

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
    getExternalWorkflowHandle(input.parentWorkflowId).signal(caseSignals.reviewProgress, { ...state });

  const provisionalEvents = (provisional: ProvisionalCount | null | undefined, dueAt: string): StepEvent[] =>
    provisional
      ? [
          {
            topic: 'caseLifecycle',
            key: caseRef.caseId,
            type: CASE_EVENT_TYPES.deadlineProvisional,
            data: {
              ...caseRef,
              deadline: 'review-sla',
              dueAt,
              provisional,
              round,
            } satisfies CaseDeadlineProvisionalData,
          },
        ]
      : [];

  /** Sets a (re)counted limit; the task's due date and its provisional mark follow in the same step. */
  const applyDue = (counted: Awaited<ReturnType<typeof countDue>>) => {
    state.dueAt = counted.dueAt;
    if (counted.provisional) state.dueProvisional = counted.provisional;
    else delete state.dueProvisional;
    reminderAt = counted.reminderAt;
    reminded = false;
  };

  setHandler(caseSignals.calendarChanged, () => {
    recountRequested = true;
  });

  setHandler(reviewQueries.state, () => state);

  // Claims, completion and extension run one at a time: each checks the task again after the previous one.
  const serially = serialQueue();
  const task = (): ClaimableTask => ({
    taskId: input.taskId,
    open: state.outcome === undefined,
    claimedBy: state.claimedBy,
  });
  const holdBy = (holder: string | undefined) => {
    if (holder === undefined) delete state.claimedBy;
    else state.claimedBy = holder;
  };

  setHandler(
    reviewUpdates.claim,
    (claim) =>
      serially(async () => {
        assertClaimable(task(), claim);
        return moveClaim(task(), claim.by.id, applyTaskClaim, holdBy);
      }),
    { validator: (claim) => assertClaimable(task(), claim) },
  );

  setHandler(
    reviewUpdates.release,
    (release) =>
      serially(async () => {
        assertReleasable(task(), release);
        return moveClaim(task(), undefined, applyTaskClaim, holdBy);
      }),
    { validator: (release) => assertReleasable(task(), release) },
  );

  setHandler(reviewUpdates.complete, (completion: ReviewCompletion) => serially(() => complete(completion)), {
    validator: assertCompletable,
  });

  async function complete(completion: ReviewCompletion): Promise<ReviewRoundState> {
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
  }

  function assertCompletable(completion: ReviewCompletion): void {
    if (state.outcome !== undefined || completion.taskId !== input.taskId)
      throw refusal(CASE_ERROR_CODES.taskNotOpen, `审核任务 ${completion.taskId} 已办结或不属于本轮审核`);
    assertNotHeldByOther(task(), completion.reviewer.id);
    if (input.handlerIds.includes(completion.reviewer.id))
      throw refusal(CASE_ERROR_CODES.reviewerIsHandler, '本案承办人员不得审核本案（审核人员应当回避）');
    const violation = checklistViolation(completion);
    if (violation) throw refusal(violation.code, violation.message);
  }

  setHandler(
    reviewUpdates.extend,
    (extension) =>
      serially(async () => {
        assertExtendable(extension.taskId, extension.approvedBy);
        const extended = await countDue(true);
        await record(
          extension.approvedBy,
          'review-extended',
          `法制审核期限延长 ${input.sla.extensionWorkingDays} 个工作日（第 ${round} 轮）`,
          {
            round,
            previousDueAt: state.dueAt,
            dueAt: extended.dueAt,
            reason: extension.reason,
            provisional: extended.provisional?.reason ?? null,
          },
          {
            retimeTasks: [
              { taskId: input.taskId, dueAt: extended.dueAt, dueProvisional: extended.provisional },
            ],
          },
        );
        applyDue(extended);
        state.extended = true;
        await tellCase();
        return state;
      }),
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
    {
      round,
      draftHash: input.draftHash,
      dueAt: state.dueAt,
      majorReasons: input.majorReasons,
      ...(state.dueProvisional ? { dueProvisional: state.dueProvisional.reason } : {}),
    },
    {
      openTasks: [
        {
          taskId: input.taskId,
          agencyCode: caseRef.agencyCode,
          kind: 'legal-review',
          round,
          assigneeAgencyCode: input.reviewBodyAgencyCode,
          assigneeRole: 'legal-reviewer',
          dueAt: state.dueAt,
          payload: {
            caseId: caseRef.caseId,
            caseNumber: caseRef.caseNumber,
            draftHash: input.draftHash,
            draft: input.draft,
            majorReasons: input.majorReasons,
            // The worker finds the rounds to count again by this mark when a calendar year is loaded.
            ...(state.dueProvisional ? { dueProvisional: state.dueProvisional } : {}),
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
            dueOn: state.dueAt,
          } satisfies ReviewRoundOpenedData,
        },
        ...provisionalEvents(state.dueProvisional, state.dueAt),
      ],
    },
  );
  if (state.dueProvisional) await tellCase();

  while (state.outcome === undefined) {
    const nextAt = !reminded ? reminderAt : !state.escalated ? state.dueAt : undefined;
    const dueBefore = state.dueAt;
    const woken = () => state.outcome !== undefined || state.dueAt !== dueBefore || recountRequested;
    const answered = nextAt
      ? await condition(woken, Math.max(0, Date.parse(nextAt) - Date.now()))
      : await condition(woken);
    if (recountRequested && state.outcome === undefined) {
      recountRequested = false;
      if (state.dueProvisional) await recount();
      continue;
    }
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

  /** A year of the calendar was loaded: the provisional time limit is counted again, and the task follows. */
  async function recount(): Promise<void> {
    const previousDueAt = state.dueAt;
    const counted = await countDue(state.extended);
    if (counted.dueAt === previousDueAt && counted.provisional) return;
    await record(
      SYSTEM_ACTOR,
      'review-recounted',
      `节假日安排已录入，重新计算法制审核期限（第 ${round} 轮）`,
      { round, previousDueAt, dueAt: counted.dueAt, provisional: counted.provisional?.reason ?? null },
      {
        retimeTasks: [{ taskId: input.taskId, dueAt: counted.dueAt, dueProvisional: counted.provisional }],
        events: provisionalEvents(counted.provisional, counted.dueAt),
      },
    );
    applyDue(counted);
    await tellCase();
  }
}
