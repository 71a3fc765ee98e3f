import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { chinaDateOf } from '@lep/calendar';
import type { UpdateDefinition } from '@temporalio/common';
import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  CASE_STAGE_NAMES,
  WITHDRAWAL_KIND_NAMES,
  caseDecisionId,
  caseQueries,
  caseSignals,
  caseUpdates,
  nextCaseDeadline,
  reviewWorkflowId,
  type CalendarLayerLoaded,
  type CaseAction,
  type CaseActor,
  type CaseDeadlineExtendedData,
  type CaseDeadlineFiredData,
  type CaseDeadlineKind,
  type CaseDeadlineProvisionalData,
  type CaseFiledData,
  type CaseRef,
  type CaseRefusedData,
  type CaseStage,
  type CaseStageChangedData,
  type CaseState,
  type DecisionMadeData,
  type DecisionWithdrawnData,
  type EvidenceLink,
  type ProvisionalCount,
  type ReviewRoundState,
  type StageActionInput,
  type StartCaseInput,
} from '@lep/contracts';
import type { CaseStep, StepEvent } from '@lep/case-store';
import type { AgencyFacts, CaseActivities, DecisionDraft, WorkingDaysEnd } from './activities';
import { endOfPeriod, shiftDays } from './instants';
import { legalReview, type LegalReviewInput } from './legal-review';
import { refusal } from './refusal';
import { serialQueue } from './serial-queue';
import {
  assertClaimable,
  assertNotHeldByOther,
  assertReleasable,
  moveClaim,
  type ClaimableTask,
} from './task-claims';
import { caseSearchAttributes } from './search-attributes';
import {
  avRequiredStages,
  avViolationOnLeaving,
  decisionViolation,
  latestRound,
  stagesLackingAv,
  stageViolation,
  type Violation,
} from './rules';
import { SYSTEM_ACTOR } from './system-actor';

const { applyStep, applyTaskClaim, checkFiling, prepareDraft, workingDaysEnd } =
  proxyActivities<CaseActivities>({
    // Each activity is a few database or registry round trips; a dead worker's attempt is retried after 10 s.
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  });

/** APL art. 60: a penalty decision within 90 days of filing; staff are warned 10 days before. */
const DECISION_LIMIT_DAYS = 90;
const DECISION_WARNING_DAYS_BEFORE = 10;
/** APL art. 64 (working days per art. 85): the party asks for a hearing within 5 days of the notice. */
const HEARING_WINDOW_WORKING_DAYS = 5;

type StepExtras = Pick<CaseStep, 'openTasks' | 'closeTasks'> & {
  events?: StepEvent[];
  evidence?: { evidenceId: string; sha256: string }[];
};

/**
 * One enforcement case from filing to archive (domain.md §5). Staff drive it with updates that answer at once
 * (refusals carry a stable code and a Chinese reason); durable timers carry the hearing window and the
 * 90-day decision limit; each round of legal review is a child workflow. Every change is one step in the
 * whole-process record, written with the case index, the task inbox and the events in one transaction.
 */
export async function caseLifecycle(input: StartCaseInput): Promise<CaseState> {
  const caseId = workflowInfo().workflowId;
  const filedAt = new Date().toISOString();
  const state: CaseState = {
    caseId,
    agencyCode: input.agencyCode,
    caseNumber: input.caseNumber,
    itemCode: input.itemCode,
    category: null,
    title: input.title,
    status: 'filing',
    refusalReasons: [],
    stage: 'filed',
    handlerIds: input.handlerIds,
    major: input.majorByUnit !== undefined,
    majorReasons: input.majorByUnit ? [`承办机构认定：${input.majorByUnit.reason}`] : [],
    reviewRounds: [],
    deadlines: [],
    overdue: false,
    evidence: [],
    missingAv: [],
    recordEntries: 0,
  };
  let agency: AgencyFacts | undefined;
  let reviewSla = { workingDays: 7, extensionWorkingDays: 3 };
  let avStages: CaseStage[] = [];
  let draft: DecisionDraft | undefined;
  let draftVersion = 0;
  let decisions = 0;
  let replacesDecisionId: string | undefined;
  let steps = 0;
  let version = 0;
  const visited = new Set<CaseStage>(['filed']);
  const appliedRequests = new Set<string>();
  const evidenceInbox: EvidenceLink[] = [];
  const finishedReviews: ReviewRoundState[] = [];
  /** The calendar year loaded since the provisional deadlines were last counted, if any. */
  let loadedYear: CalendarLayerLoaded | undefined;

  const serially = serialQueue();

  const caseRef = (): CaseRef => ({
    caseId,
    agencyCode: input.agencyCode,
    caseNumber: input.caseNumber,
    category: state.category ?? 'other',
    itemCode: input.itemCode,
  });

  const snapshot = (): CaseState => {
    const latest = latestRound(state);
    const decisionOverdue = state.deadlines.some(
      (deadline) => deadline.kind === 'decision-limit' && deadline.fired,
    );
    return {
      ...state,
      overdue: decisionOverdue || Boolean(latest && latest.outcome === undefined && latest.escalated),
      missingAv: stagesLackingAv(
        avStages.filter((stage) => visited.has(stage)),
        state.evidence,
      ),
      reviewRounds: state.reviewRounds.map((round) => ({ ...round })),
      deadlines: state.deadlines.map((deadline) => ({ ...deadline })),
    };
  };

  const event = (topic: StepEvent['topic'], type: string, data: unknown, key = caseId): StepEvent => ({
    topic,
    key,
    type,
    data,
  });

  async function record(
    actor: CaseActor,
    action: string,
    title: string,
    details: Record<string, unknown>,
    extras: StepExtras = {},
  ): Promise<void> {
    const current = snapshot();
    const applied = await applyStep({
      caseId,
      entryKey: `case-${++steps}`,
      entry: {
        at: new Date().toISOString(),
        actor,
        stage: state.stage,
        action,
        title,
        details,
        evidence: extras.evidence ?? [],
      },
      state: { snapshot: current, filedAt },
      openTasks: extras.openTasks,
      closeTasks: extras.closeTasks,
      events: extras.events,
    });
    state.recordEntries = applied.sequence;
    version++;
    upsertSearchAttributes(caseSearchAttributes(current));
  }

  async function moveTo(
    stage: CaseStage,
    actor: CaseActor,
    title: string,
    details: Record<string, unknown>,
    events: StepEvent[] = [],
  ): Promise<void> {
    const from = state.stage;
    state.stage = stage;
    visited.add(stage);
    await record(actor, `stage:${stage}`, title, details, {
      events: [
        event('caseLifecycle', CASE_EVENT_TYPES.stageChanged, {
          ...caseRef(),
          from,
          to: stage,
          at: new Date().toISOString(),
          major: state.major,
          avRequired: avStages.includes(from),
          avRecorded: avStages.includes(from) && stagesLackingAv([from], state.evidence).length === 0,
        } satisfies CaseStageChangedData),
        ...events,
      ],
    });
  }

  function deadline(kind: CaseDeadlineKind) {
    return state.deadlines.find((candidate) => candidate.kind === kind);
  }

  function setDeadline(kind: CaseDeadlineKind, dueAt: string, provisional?: ProvisionalCount | null): void {
    state.deadlines = [
      ...state.deadlines.filter((candidate) => candidate.kind !== kind),
      { kind, dueAt, fired: false, ...(provisional ? { provisional } : {}) },
    ];
  }

  /** The event that tells statistics (and its operators) a deadline was counted without a year's notice. */
  function provisionalEvents(kind: CaseDeadlineKind, counted: WorkingDaysEnd): StepEvent[] {
    if (!counted.provisional) return [];
    return [
      event('caseLifecycle', CASE_EVENT_TYPES.deadlineProvisional, {
        ...caseRef(),
        deadline: kind,
        dueAt: counted.dueAt,
        provisional: counted.provisional,
      } satisfies CaseDeadlineProvisionalData),
    ];
  }

  const hearingWindow = (noticeAt: string) =>
    workingDaysEnd({
      region: agency?.region ?? 'national',
      from: noticeAt,
      workingDays: HEARING_WINDOW_WORKING_DAYS,
    });

  function dropDeadlines(...kinds: CaseDeadlineKind[]): void {
    state.deadlines = state.deadlines.filter((candidate) => !kinds.includes(candidate.kind));
  }

  function hearingWindowOpen(): boolean {
    const window = deadline('hearing-window');
    return Boolean(window && !window.fired);
  }

  function leaving(stage: CaseStage): Violation | undefined {
    return avViolationOnLeaving(stage, avStages, state.evidence);
  }

  /**
   * Registers an action: the validator refuses bad calls before anything is written to history, the handler
   * checks again in turn (state may have moved on) and answers a repeated request id with the current state.
   */
  function action<I extends CaseAction>(
    definition: UpdateDefinition<CaseState, [I]>,
    check: (input: I) => Violation | undefined,
    apply: (input: I) => Promise<void>,
  ): void {
    const assertAllowed = (input: I) => {
      if (appliedRequests.has(input.requestId)) return;
      const violation = check(input);
      if (violation) throw refusal(violation.code, violation.message);
    };
    setHandler(
      definition,
      (input: I) =>
        serially(async () => {
          if (!appliedRequests.has(input.requestId)) {
            assertAllowed(input);
            await apply(input);
            appliedRequests.add(input.requestId);
          }
          return snapshot();
        }),
      { validator: assertAllowed },
    );
  }

  const open = (actionName: string) =>
    state.status === 'open' ? undefined : stageViolation(state, [], actionName);

  action(
    caseUpdates.addRecord,
    () => open('记录执法过程'),
    async (entry) => {
      await record(
        entry.actor,
        'record',
        entry.title,
        { content: entry.content },
        { evidence: entry.evidence },
      );
    },
  );

  action(
    caseUpdates.draftDecision,
    () => {
      const wrong = stageViolation(
        state,
        ['investigating', 'drafting', 'notified', 'hearing', 'legal-review'],
        '提交决定草案',
      );
      if (wrong) return wrong;
      const latest = latestRound(state);
      if (state.stage === 'legal-review' && latest && latest.outcome === undefined)
        return { code: CASE_ERROR_CODES.wrongStage, message: '法制审核进行中，审核结束前不能修改决定草案' };
      return state.stage === 'investigating' ? leaving('investigating') : undefined;
    },
    async (input) => {
      const { requestId: _request, actor, ...content } = input;
      const prepared = await prepareDraft({
        agencyCode: state.agencyCode,
        asOf: filedAt,
        draft: content,
        facts: { ...content.facts, hearingHeld: Boolean(state.hearing?.heldAt) },
      });
      draft = content;
      draftVersion++;
      state.draft = {
        hash: prepared.hash,
        documentNumber: content.documentNumber,
        submittedAt: new Date().toISOString(),
        version: draftVersion,
      };
      applyVerdict(prepared.verdict);
      const details = {
        draftHash: prepared.hash,
        version: draftVersion,
        major: state.major,
        majorReasons: state.majorReasons,
      };
      if (state.stage === 'investigating') await moveTo('drafting', actor, '调查终结，提交决定草案', details);
      else await record(actor, 'draft-revised', `修改决定草案（第 ${draftVersion} 稿）`, details);
    },
  );

  function applyVerdict(verdict: { major: boolean; reasons: string[]; catalogVersion: number }): void {
    state.majorVerdict = verdict;
    const byUnit = input.majorByUnit ? [`承办机构认定：${input.majorByUnit.reason}`] : [];
    state.majorReasons = [...byUnit, ...verdict.reasons];
    state.major = state.majorReasons.length > 0;
  }

  action(
    caseUpdates.notify,
    () => stageViolation(state, ['drafting'], '告知当事人'),
    async (notice) => {
      const at = new Date().toISOString();
      const window = notice.hearingRights ? await hearingWindow(at) : undefined;
      state.notice = { at, hearingRights: notice.hearingRights, hearingWindowEndsAt: window?.dueAt };
      if (window) setDeadline('hearing-window', window.dueAt, window.provisional);
      await moveTo(
        'notified',
        notice.actor,
        notice.hearingRights ? '送达行政处罚事先告知书（含听证权利）' : '送达事先告知书',
        {
          hearingRights: notice.hearingRights,
          hearingWindowEndsAt: window?.dueAt ?? null,
          ...(window?.provisional ? { hearingWindowProvisional: window.provisional.reason } : {}),
        },
        window ? provisionalEvents('hearing-window', window) : [],
      );
    },
  );

  action(
    caseUpdates.requestHearing,
    () => {
      const wrong = stageViolation(state, ['notified'], '申请听证');
      if (wrong) return wrong;
      if (!state.notice?.hearingRights)
        return { code: CASE_ERROR_CODES.wrongStage, message: '本案告知书未告知听证权利，不适用听证程序' };
      if (!hearingWindowOpen())
        return {
          code: CASE_ERROR_CODES.hearingWindowClosed,
          message: `当事人应当在告知后五个工作日内提出听证要求，期限已于 ${state.notice.hearingWindowEndsAt} 届满`,
        };
      return undefined;
    },
    async (request) => {
      dropDeadlines('hearing-window');
      state.hearing = { requestedAt: new Date().toISOString() };
      await moveTo('hearing', request.actor, '当事人申请听证', {});
    },
  );

  action(
    caseUpdates.recordHearing,
    () => {
      const wrong = stageViolation(state, ['hearing'], '记录听证');
      if (wrong) return wrong;
      return state.hearing?.heldAt
        ? { code: CASE_ERROR_CODES.wrongStage, message: '听证已经记录' }
        : undefined;
    },
    async (hearing) => {
      if (state.hearing) state.hearing.heldAt = new Date().toISOString();
      // A hearing held can make the decision major (domain.md L3), so the catalogue is asked again.
      if (draft) {
        const prepared = await prepareDraft({
          agencyCode: state.agencyCode,
          asOf: filedAt,
          draft,
          facts: { ...draft.facts, hearingHeld: true },
        });
        applyVerdict(prepared.verdict);
      }
      await record(hearing.actor, 'hearing-held', '听证笔录、听证报告', {
        report: hearing.report,
        major: state.major,
      });
    },
  );

  function readyForDecisionStep(actionName: string): Violation | undefined {
    const stages: CaseStage[] =
      state.category === 'penalty' ? ['notified', 'hearing'] : ['drafting', 'notified', 'hearing'];
    const wrong = stageViolation(state, state.major ? [...stages, 'legal-review'] : stages, actionName);
    if (wrong) return wrong;
    if (state.stage === 'notified' && hearingWindowOpen())
      return {
        code: CASE_ERROR_CODES.wrongStage,
        message: `听证申请期限（${state.notice?.hearingWindowEndsAt} 届满）内不能${actionName}`,
      };
    if (state.stage === 'hearing' && !state.hearing?.heldAt)
      return { code: CASE_ERROR_CODES.wrongStage, message: `当事人已申请听证，听证结束前不能${actionName}` };
    return state.stage === 'legal-review' ? undefined : leaving(state.stage);
  }

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
      if (!agency || !state.draft || !draft) return;
      const round = state.reviewRounds.length + 1;
      const taskId = reviewWorkflowId(caseId, round);
      state.reviewRounds.push({
        round,
        taskId,
        draftHash: state.draft.hash,
        dueAt: '',
        extended: false,
        escalated: false,
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
        draft,
        majorReasons: state.majorReasons,
        handlerIds: state.handlerIds,
        reviewBodyAgencyCode: agency.reviewBodyAgencyCode,
        reviewBodyName: agency.reviewBodyName,
        region: agency.region,
        sla: reviewSla,
        submittedBy: submission.actor,
      };
      const child = await startChild(legalReview, {
        workflowId: taskId,
        args: [reviewInput],
      });
      void child.result().then((result) => {
        finishedReviews.push(result);
        version++;
      });
    },
  );

  setHandler(caseSignals.reviewProgress, (progress) => {
    const round = state.reviewRounds.find((candidate) => candidate.round === progress.round);
    if (round) {
      // The round's own state replaces the copy here: a limit no longer provisional carries no mark.
      delete round.dueProvisional;
      Object.assign(round, progress);
    }
    version++;
  });

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
          { round: latest.round, ruling: ruling.ruling, reason: ruling.reason },
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
    { validator: (ruling) => assertRuling(ruling.taskId, ruling.head) },
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
        return moveClaim(coordinationTask()!, claim.by.id, applyTaskClaim, holdCoordination);
      }),
    { validator: (claim) => assertClaimable(coordinationTask(), claim) },
  );

  setHandler(
    caseUpdates.releaseTask,
    (release) =>
      serially(async () => {
        assertReleasable(coordinationTask(), release);
        return moveClaim(coordinationTask()!, undefined, applyTaskClaim, holdCoordination);
      }),
    { validator: (release) => assertReleasable(coordinationTask(), release) },
  );

  action(
    caseUpdates.decide,
    (decision) => readyForDecisionStep('作出决定') ?? decisionViolation(state, decision.draftHash),
    async (decision) => {
      if (!agency || !draft || !state.draft) return;
      decisions++;
      const decisionId = caseDecisionId(caseId, decisions);
      const decidedAt = new Date().toISOString();
      state.decision = {
        decisionId,
        decidedAt,
        draftHash: state.draft.hash,
        documentNumber: draft.documentNumber,
      };
      dropDeadlines('decision-limit', 'decision-limit-warning');
      const made: DecisionMadeData = {
        ...caseRef(),
        decisionId,
        documentNumber: draft.documentNumber,
        decidedOn: chinaDateOf(decidedAt),
        decidedAt,
        agencyName: agency.name,
        agencyCreditCode: agency.creditCode,
        region: agency.region,
        major: state.major,
        party: draft.party,
        otherPersonNames: input.otherPersonNames,
        penalty: draft.penalty,
        licensing: draft.licensing,
        other: draft.other,
        publicationBlocks: draft.publicationBlocks,
        draftHash: state.draft.hash,
        replacesDecisionId,
      };
      replacesDecisionId = undefined;
      await moveTo(
        'decided',
        decision.actor,
        `作出决定（${draft.documentNumber}）`,
        { decisionId, draftHash: state.draft.hash },
        [event('caseDecision', CASE_EVENT_TYPES.decisionMade, made, decisionId)],
      );
    },
  );

  const simpleStage = (
    definition: UpdateDefinition<CaseState, [StageActionInput]>,
    from: CaseStage[],
    to: CaseStage,
    title: string,
    actionName: string,
  ) =>
    action(
      definition,
      () => stageViolation(state, from, actionName) ?? leaving(state.stage),
      async (step) => {
        if (to === 'archived') state.status = 'archived';
        await moveTo(to, step.actor, title, { note: step.note });
      },
    );
  simpleStage(caseUpdates.serve, ['decided'], 'served', '送达决定书（送达回证）', '送达');
  simpleStage(caseUpdates.execute, ['served'], 'executed', '执行完毕', '记录执行');
  simpleStage(caseUpdates.close, ['served', 'executed'], 'closed', '结案', '结案');
  simpleStage(caseUpdates.archive, ['closed'], 'archived', '立卷归档', '归档');

  action(
    caseUpdates.extendDecisionLimit,
    (extension) => {
      const wrong = open('延长办案期限');
      if (wrong) return wrong;
      if (!deadline('decision-limit'))
        return { code: CASE_ERROR_CODES.wrongStage, message: '本案没有尚未届满的决定期限，无需延长' };
      if (!Number.isInteger(extension.days) || extension.days < 1)
        return { code: CASE_ERROR_CODES.wrongStage, message: '延长天数必须为正整数' };
      return undefined;
    },
    async (extension) => {
      const limit = deadline('decision-limit');
      if (!limit) return;
      const newDueAt = shiftDays(limit.dueAt, extension.days);
      setDeadline('decision-limit', newDueAt);
      setDeadline('decision-limit-warning', shiftDays(newDueAt, -DECISION_WARNING_DAYS_BEFORE));
      await record(
        extension.actor,
        'decision-limit-extended',
        `经机关负责人批准延长办案期限 ${extension.days} 日`,
        {
          approvedBy: extension.approvedBy,
          reason: extension.reason,
          newDueAt,
        },
        {
          events: [
            event('caseLifecycle', CASE_EVENT_TYPES.deadlineExtended, {
              ...caseRef(),
              deadline: 'decision-limit',
              newDueAt,
              approvedBy: extension.approvedBy,
              reason: extension.reason,
            } satisfies CaseDeadlineExtendedData),
          ],
        },
      );
    },
  );

  action(
    caseUpdates.revoke,
    () => {
      const wrong = stageViolation(
        state,
        ['decided', 'served', 'executed', 'closed'],
        '撤销、确认违法或重新作出决定',
      );
      if (wrong) return wrong;
      return state.decision
        ? undefined
        : { code: CASE_ERROR_CODES.wrongStage, message: '本案没有生效的决定' };
    },
    async (revocation) => {
      const decision = state.decision;
      if (!decision) return;
      const at = new Date().toISOString();
      state.withdrawal = { kind: revocation.kind, reason: revocation.reason, at };
      const withdrawn: DecisionWithdrawnData = {
        decisionId: decision.decisionId,
        caseId,
        agencyCode: state.agencyCode,
        kind: revocation.kind,
        reason: revocation.reason,
        withdrawnOn: chinaDateOf(at),
        region: agency?.region ?? 'national',
      };
      const events = [
        event('caseDecision', CASE_EVENT_TYPES.decisionWithdrawn, withdrawn, decision.decisionId),
      ];
      const title = `决定${WITHDRAWAL_KIND_NAMES[revocation.kind]}（${decision.documentNumber}）`;
      if (revocation.kind === 'remade') {
        // The decision is made again: back to drafting, and a major case goes through review again.
        replacesDecisionId = decision.decisionId;
        state.decision = undefined;
        state.draft = undefined;
        draft = undefined;
        state.stage = 'drafting';
      }
      await record(
        revocation.actor,
        `withdrawn:${revocation.kind}`,
        title,
        { decisionId: decision.decisionId, reason: revocation.reason },
        { events },
      );
    },
  );

  setHandler(caseSignals.evidenceStored, (link) => {
    if (state.evidence.some((known) => known.evidenceId === link.evidenceId)) return;
    if (evidenceInbox.some((known) => known.evidenceId === link.evidenceId)) return;
    evidenceInbox.push(link);
  });

  setHandler(caseQueries.state, snapshot);

  setHandler(caseSignals.calendarChanged, (loaded) => {
    loadedYear = loaded;
  });

  /**
   * A year of the calendar was loaded: a provisional hearing window is counted again (a window that closed on
   * the provisional count opens again if the party is still waiting for the decision), and the open review
   * round is told to count its time limit again.
   */
  async function recountDeadlines(loaded: CalendarLayerLoaded): Promise<void> {
    const window = deadline('hearing-window');
    if (window?.provisional && state.notice && state.stage === 'notified') {
      const counted = await hearingWindow(state.notice.at);
      if (counted.dueAt !== window.dueAt || !counted.provisional) {
        state.notice.hearingWindowEndsAt = counted.dueAt;
        setDeadline('hearing-window', counted.dueAt, counted.provisional);
        // A window that closed on the provisional count and has closed on the true one too stays closed.
        const recounted = deadline('hearing-window');
        if (recounted && window.fired && Date.parse(counted.dueAt) <= Date.now()) recounted.fired = true;
        await record(
          SYSTEM_ACTOR,
          'deadline-recounted',
          '节假日安排已录入，重新计算听证申请期限',
          {
            deadline: 'hearing-window',
            previousDueAt: window.dueAt,
            dueAt: counted.dueAt,
            provisional: counted.provisional?.reason ?? null,
          },
          { events: provisionalEvents('hearing-window', counted) },
        );
      }
    }
    const latest = latestRound(state);
    if (latest && latest.outcome === undefined)
      await getExternalWorkflowHandle(latest.taskId).signal(caseSignals.calendarChanged, loaded);
  }

  async function linkEvidence(): Promise<void> {
    const link = evidenceInbox.shift();
    if (!link || state.evidence.some((known) => known.evidenceId === link.evidenceId)) return;
    state.evidence.push(link);
    await record(
      { id: link.capturedBy, role: 'handler', agencyCode: state.agencyCode },
      'evidence-linked',
      `证据入卷（${link.kind}，${CASE_STAGE_NAMES[link.stage as CaseStage] ?? link.stage}）`,
      { kind: link.kind, evidenceStage: link.stage, storedAt: link.storedAt },
      { evidence: [{ evidenceId: link.evidenceId, sha256: link.sha256 }] },
    );
  }

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

  async function fireDeadline(kind: CaseDeadlineKind): Promise<void> {
    const due = deadline(kind);
    if (!due || due.fired || Date.parse(due.dueAt) > Date.now()) return;
    due.fired = true;
    const titles: Partial<Record<CaseDeadlineKind, string>> = {
      'hearing-window': '听证申请期限届满，当事人未申请听证',
      'decision-limit-warning': `距作出决定的法定期限不足 ${DECISION_WARNING_DAYS_BEFORE} 日`,
      'decision-limit': '已超过作出决定的法定期限（立案之日起九十日）',
    };
    await record(
      SYSTEM_ACTOR,
      `deadline:${kind}`,
      titles[kind] ?? kind,
      { dueAt: due.dueAt },
      {
        events: [
          event('caseLifecycle', CASE_EVENT_TYPES.deadlineFired, {
            ...caseRef(),
            deadline: kind,
            dueAt: due.dueAt,
          } satisfies CaseDeadlineFiredData),
        ],
      },
    );
  }

  // Filing: authority for the item and two certified handlers, or the case is refused with the reasons.
  const filing = await checkFiling(input);
  if (!filing.accepted) {
    state.status = 'refused';
    state.refusalReasons = filing.reasons;
    await record(
      input.actor,
      'refused',
      '不予立案',
      { reasons: filing.reasons },
      {
        events: [
          event('caseLifecycle', CASE_EVENT_TYPES.refused, {
            caseId,
            agencyCode: input.agencyCode,
            caseNumber: input.caseNumber,
            reasons: filing.reasons,
          } satisfies CaseRefusedData),
        ],
      },
    );
    return snapshot();
  }
  agency = filing.agency;
  reviewSla = filing.reviewSla;
  avStages = avRequiredStages(filing.av);
  state.category = filing.category;
  state.status = 'open';
  if (filing.category === 'penalty') {
    const limit = endOfPeriod(input.filedOn, DECISION_LIMIT_DAYS);
    setDeadline('decision-limit', limit);
    setDeadline('decision-limit-warning', shiftDays(limit, -DECISION_WARNING_DAYS_BEFORE));
  }
  await record(
    input.actor,
    'filed',
    `立案：${input.title}`,
    {
      itemName: filing.itemName,
      handlerIds: input.handlerIds,
      parties: input.parties.map((party) => ({ type: party.type, name: party.name })),
    },
    {
      events: [
        event('caseLifecycle', CASE_EVENT_TYPES.filed, {
          ...caseRef(),
          filedOn: input.filedOn,
          title: input.title,
          handlerIds: input.handlerIds,
          region: filing.agency.region,
        } satisfies CaseFiledData),
      ],
    },
  );
  await moveTo('investigating', input.actor, '进入调查取证', {});

  while (state.status === 'open') {
    const seen = version;
    const next = nextCaseDeadline(state);
    const somethingHappened = () =>
      version !== seen ||
      evidenceInbox.length > 0 ||
      finishedReviews.length > 0 ||
      loadedYear !== undefined ||
      state.status !== 'open';
    const woke = next
      ? await condition(somethingHappened, Math.max(0, Date.parse(next.dueAt) - Date.now()))
      : (await condition(somethingHappened), true);
    while (evidenceInbox.length > 0) await serially(linkEvidence);
    while (finishedReviews.length > 0) {
      const result = finishedReviews.shift();
      if (result) await serially(() => concludeReview(result));
    }
    const loaded = loadedYear;
    if (loaded) {
      loadedYear = undefined;
      await serially(() => recountDeadlines(loaded));
    }
    if (!woke && next) await serially(() => fireDeadline(next.kind));
  }
  await condition(allHandlersFinished);
  return snapshot();
}
