import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  REVIEW_CHECKLIST_NAMES,
  caseSignals,
  reviewQueries,
  reviewUpdates,
  type CaseActor,
  type ReviewCompletion,
  type ReviewConflictDeclaration,
  type ReviewRoundCompletedData,
  type ReviewRoundOpenedData,
  type ReviewRoundState,
  type TaskClaimInput,
} from '@lep/contracts';
import { documentForTask } from './decision-document';
import { refusal } from './refusal';
import { caseActivities } from './case-context';
import { countReviewDue, ReviewRound, type LegalReviewInput } from './review-round';
import { checklistViolation } from './rules';
import { SYSTEM_ACTOR } from './system-actor';
import { assertClaimable, assertNotHeldByOther, assertReleasable, moveClaim } from './task-claims';

export type { LegalReviewInput } from './review-round';

const OUTCOME_NAMES = { approved: '同意', returned: '退回修改', 'not-approved': '不同意' } as const;

/**
 * One round of legal review (重大执法决定法制审核, domain.md L4–L7): a task for the review body, a written opinion
 * on the 8-point checklist, a reminder one working day before the SLA ends and an escalation to the head of
 * the review body when it runs out. The SLA may be extended once. The round ends with the reviewer's opinion.
 * The round's task is its own: claimed, released, answered and extended through its updates.
 */
export async function legalReview(input: LegalReviewInput): Promise<ReviewRoundState> {
  const openedAt = new Date().toISOString();
  const r = new ReviewRound(input, openedAt, await countReviewDue(input, openedAt, false));
  const { state, round, record, deadlineEvent, tellCase } = r;
  setHandler(caseSignals.calendarChanged, () => {
    r.recountRequested = true;
  });
  setHandler(reviewQueries.state, () => state);
  registerClaims(r);
  registerAnswers(r);
  registerConflicts(r);
  await openTask(r);
  while (state.outcome === undefined) {
    const nextAt = !r.reminded ? r.reminderAt : !state.escalated ? state.dueAt : undefined;
    const dueBefore = state.dueAt;
    const woken = () => state.outcome !== undefined || state.dueAt !== dueBefore || r.recountRequested;
    const answered = nextAt
      ? await condition(woken, Math.max(0, Date.parse(nextAt) - Date.now()))
      : await condition(woken);
    if (r.recountRequested && state.outcome === undefined) {
      r.recountRequested = false;
      if (state.dueProvisional) await recount(r);
      continue;
    }
    if (answered || state.outcome !== undefined || state.dueAt !== dueBefore) continue;
    if (!r.reminded) {
      r.reminded = true;
      await record(
        SYSTEM_ACTOR,
        'review-reminder',
        `法制审核期限即将届满（第 ${round} 轮，${state.dueAt} 到期）`,
        { round, dueAt: state.dueAt },
        { events: [deadlineEvent('review-sla-reminder', r.reminderAt)] },
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

/**
 * 回避 (domain.md L2b): a reviewer who declared a conflict of interest in this round neither claims nor answers
 * it. Rounds that never saw a declaration (every round before declarations existed) are unaffected.
 */
function assertNoConflict(r: ReviewRound, personId: string): void {
  if (r.state.conflictDeclaredBy?.includes(personId))
    throw refusal(
      CASE_ERROR_CODES.reviewerConflictDeclared,
      '该审核人员已就本案声明存在利害关系，应当回避，不得领取或办理本轮审核',
    );
}

/** Claiming and releasing the round's task (the worker's step writes the inbox row). */
function registerClaims(r: ReviewRound): void {
  const { serially, task, holdBy } = r;
  const assertMayClaim = (claim: TaskClaimInput) => {
    assertClaimable(task(), claim);
    assertNoConflict(r, claim.by.id);
  };
  setHandler(
    reviewUpdates.claim,
    (claim) =>
      serially(async () => {
        assertMayClaim(claim);
        return moveClaim(task(), claim.by.id, caseActivities.applyTaskClaim, holdBy);
      }),
    { validator: assertMayClaim },
  );

  setHandler(
    reviewUpdates.release,
    (release) =>
      serially(async () => {
        assertReleasable(task(), release);
        return moveClaim(task(), undefined, caseActivities.applyTaskClaim, holdBy);
      }),
    { validator: (release) => assertReleasable(task(), release) },
  );
}

/** The reviewer's opinion, which ends the round, and the head's one extension of its time limit. */
function registerAnswers(r: ReviewRound): void {
  const { input, caseRef, round, state, serially, task, record, tellCase, applyDue, countDue } = r;
  setHandler(reviewUpdates.complete, (completion: ReviewCompletion) => serially(() => complete(completion)), {
    validator: assertCompletable,
  });

  async function complete(completion: ReviewCompletion): Promise<ReviewRoundState> {
    assertCompletable(completion);
    const problems = await caseActivities.checkReviewer({
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
        // The approval is of this document: its SHA-256 is the hash the decision must name.
        ...(input.document
          ? { documentSha256: input.document.sha256, documentNumber: input.document.number }
          : {}),
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
              ...r.measureMark(),
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
    assertNoConflict(r, completion.reviewer.id);
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
}

/**
 * A reviewer of the review body declares a conflict of interest with the case (自行回避, domain.md L2b): the
 * declaration and its reason go into the whole-process record, a claim the declarer holds goes back to the
 * inbox, and from then on the declarer neither claims nor answers the round. Declaring again changes nothing.
 */
function registerConflicts(r: ReviewRound): void {
  const { input, round, state, serially, task, record, holdBy } = r;
  const assertDeclarable = (declaration: ReviewConflictDeclaration) => {
    if (state.outcome !== undefined || declaration.taskId !== input.taskId)
      throw refusal(CASE_ERROR_CODES.taskNotOpen, `审核任务 ${declaration.taskId} 已办结或不属于本轮审核`);
    if (declaration.by.role !== 'legal-reviewer' || declaration.by.agencyCode !== input.reviewBodyAgencyCode)
      throw refusal(CASE_ERROR_CODES.reviewerNotQualified, '只有本轮审核机构的法制审核人员可以声明回避');
  };
  setHandler(
    reviewUpdates.declareConflict,
    (declaration) =>
      serially(async () => {
        assertDeclarable(declaration);
        const declarer = declaration.by.id;
        if (state.conflictDeclaredBy?.includes(declarer)) return state;
        await record(
          declaration.by,
          'review-conflict-declared',
          `审核人员声明与本案存在利害关系，自行回避（第 ${round} 轮）`,
          { round, reason: declaration.reason },
        );
        state.conflictDeclaredBy = [...(state.conflictDeclaredBy ?? []), declarer];
        if (task().claimedBy === declarer)
          await moveClaim(task(), undefined, caseActivities.applyTaskClaim, holdBy);
        return state;
      }),
    { validator: assertDeclarable },
  );
}

/** Opens the round: its record entry, the review body's task and the round-opened event. */
async function openTask(r: ReviewRound): Promise<void> {
  const { input, caseRef, round, state, record, tellCase, provisionalEvents } = r;
  await record(
    input.submittedBy,
    'review-opened',
    `${input.measure ? `行政强制决定（${input.measure.documentNumber}）` : ''}提请法制审核（第 ${round} 轮），审核机构：${input.reviewBodyName}`,
    {
      round,
      draftHash: input.draftHash,
      ...(input.document ? { document: input.document } : {}),
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
            // The reviewer reviews the rendered 决定书: its number, SHA-256 and where staff download it.
            ...(input.document ? { document: documentForTask(input.document) } : {}),
            majorReasons: input.majorReasons,
            // A measure's round names the measure (domain.md P13b); the draft is its document.
            ...(input.measure ? { measure: measureForTask(input.measure) } : {}),
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
}

function measureForTask({ entryKeyPrefix: _key, ...shown }: NonNullable<LegalReviewInput['measure']>) {
  return shown;
}

/** A year of the calendar was loaded: the provisional time limit is counted again, and the task follows. */
async function recount(r: ReviewRound): Promise<void> {
  const { input, round, state, record, tellCase, provisionalEvents, applyDue, countDue } = r;
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
