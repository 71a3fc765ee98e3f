import { setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  type CalendarLayerLoaded,
  type CaseAction,
  type CaseActor,
  type CaseDeadlineKind,
  type CaseDeadlineProvisionalData,
  type CaseRef,
  type CaseStage,
  type CaseStageChangedData,
  type CaseState,
  type EvidenceLink,
  type ProvisionalCount,
  type MajorDecisionVerdict,
  type ReviewRoundState,
  type StartCaseInput,
} from '@lep/contracts';
import type { AppliedStep, CaseStep, StepEvent } from '@lep/case-store';
import type { AgencyFacts, DecisionDraft, WorkingDaysEnd } from './activities';
import { assertOfficersMayAct, officerViolation } from './case-officers';
import { refusal } from './refusal';
import { avViolationOnLeaving, latestRound, stagesLackingAv, stageViolation, type Violation } from './rules';
import { caseSearchAttributes } from './search-attributes';
import { serialQueue } from './serial-queue';

import { caseActivities } from './case-steps';

/** The case workflow's activities (case-steps.ts: server activities, local ones only in histories of 'local-case-steps'). */
export { caseActivities };

/** APL art. 60: a penalty decision within 90 days of filing; staff are warned 10 days before. */
export const DECISION_LIMIT_DAYS = 90;
export const DECISION_WARNING_DAYS_BEFORE = 10;
/** APL art. 64 (working days per art. 85): the party asks for a hearing within 5 days of the notice. */
const HEARING_WINDOW_WORKING_DAYS = 5;

/** A step as the case records it: always with the case's state for its index. */
type RecordedStep = CaseStep & { state: NonNullable<CaseStep['state']> };

type StepExtras = Pick<CaseStep, 'openTasks' | 'closeTasks'> & {
  events?: StepEvent[];
  evidence?: { evidenceId: string; sha256: string }[];
};

/**
 * What every phase of a case shares: its state, the record (one step per change), stage moves, deadlines and the
 * way actions are registered. The phase modules (case-filing, case-investigation, …) register their handlers on
 * one context; `caseLifecycle` creates it, files the case and runs the loop that wakes on timers and signals.
 */
export class CaseContext {
  readonly caseId = workflowInfo().workflowId;
  readonly filedAt = new Date().toISOString();
  readonly state: CaseState;
  agency: AgencyFacts | undefined;
  /** The enforcement item's name, as filing found it: a 行政检查 result's 检查事项 (domain.md P14). */
  itemName: string | undefined;
  reviewSla = { workingDays: 7, extensionWorkingDays: 3 };
  avStages: CaseStage[] = [];
  draft: DecisionDraft | undefined;
  draftVersion = 0;
  decisions = 0;
  replacesDecisionId: string | undefined;
  /** Steps recorded by this workflow: the record's entry keys (`case-<n>`). */
  private steps = 0;
  /** The handling unit's own findings that the decision is major, at filing and after (domain.md L3d). */
  private readonly unitFindings: string[];
  /** Moves on every change the loop must look at again. */
  version = 0;
  readonly visited = new Set<CaseStage>(['filed']);
  readonly appliedRequests = new Set<string>();
  readonly evidenceInbox: EvidenceLink[] = [];
  readonly finishedReviews: ReviewRoundState[] = [];
  /** The calendar year loaded since the provisional deadlines were last counted, if any. */
  loadedYear: CalendarLayerLoaded | undefined;
  /** Handlers run one at a time: each reads the state, waits on activities, then changes it. */
  readonly serially = serialQueue();

  constructor(readonly input: StartCaseInput) {
    this.unitFindings = input.majorByUnit ? [input.majorByUnit.reason] : [];
    this.replacesDecisionId = input.remakesDecisionId;
    this.state = {
      caseId: this.caseId,
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
  }

  readonly caseRef = (): CaseRef => ({
    caseId: this.caseId,
    agencyCode: this.input.agencyCode,
    caseNumber: this.input.caseNumber,
    category: this.state.category ?? 'other',
    itemCode: this.input.itemCode,
  });

  /** The case as readers see it: a copy, with what follows from the state (overdue, missing AV) worked out. */
  readonly snapshot = (): CaseState => {
    const { state } = this;
    const latest = latestRound(state);
    const decisionOverdue = state.deadlines.some(
      (deadline) => deadline.kind === 'decision-limit' && deadline.fired,
    );
    return {
      ...state,
      overdue: decisionOverdue || Boolean(latest && latest.outcome === undefined && latest.escalated),
      missingAv: stagesLackingAv(
        this.avStages.filter((stage) => this.visited.has(stage)),
        state.evidence,
      ),
      reviewRounds: state.reviewRounds.map((round) => ({ ...round })),
      deadlines: state.deadlines.map((deadline) => ({ ...deadline })),
    };
  };

  readonly event = (
    topic: StepEvent['topic'],
    type: string,
    data: unknown,
    key = this.caseId,
  ): StepEvent => ({
    topic,
    key,
    type,
    data,
  });

  /** One step: the record entry, the case index, tasks and events in one transaction (the applyStep activity). */
  readonly record = (
    actor: CaseActor,
    action: string,
    title: string,
    details: Record<string, unknown>,
    extras: StepExtras = {},
  ): Promise<void> => this.apply(this.step(actor, action, title, details, extras));

  /** Moves the case to `stage` with its step and the stage-changed event (plus `events`). */
  readonly moveTo = (
    stage: CaseStage,
    actor: CaseActor,
    title: string,
    details: Record<string, unknown>,
    events: StepEvent[] = [],
  ): Promise<void> => this.apply(this.stageStep(stage, actor, title, details, events));

  /**
   * Several steps built in turn (`step`, `stageStep`) recorded in one applySteps activity, in order: one workflow
   * task and one activity for them instead of one each (only under stepsOnServer(), case-steps.ts). The search
   * attributes are set once, as the last step leaves the case.
   */
  readonly recordTogether = async (steps: RecordedStep[]): Promise<void> =>
    this.recorded(steps, await caseActivities.applySteps(steps));

  /** The next step of the record, numbered, with the case as it is now (what `record` applies). */
  readonly step = (
    actor: CaseActor,
    action: string,
    title: string,
    details: Record<string, unknown>,
    extras: StepExtras = {},
  ): RecordedStep => {
    const snapshot = this.snapshot();
    return {
      caseId: this.caseId,
      entryKey: `case-${++this.steps}`,
      entry: {
        at: new Date().toISOString(),
        actor,
        stage: this.state.stage,
        action,
        title,
        details,
        evidence: extras.evidence ?? [],
      },
      state: { snapshot, filedAt: this.filedAt },
      openTasks: extras.openTasks,
      closeTasks: extras.closeTasks,
      events: extras.events,
    };
  };

  /** Moves the case to `stage` and answers the step that records it, with the stage-changed event (what `moveTo` applies). */
  readonly stageStep = (
    stage: CaseStage,
    actor: CaseActor,
    title: string,
    details: Record<string, unknown>,
    events: StepEvent[] = [],
  ): RecordedStep => {
    const { state, avStages } = this;
    const from = state.stage;
    state.stage = stage;
    this.visited.add(stage);
    return this.step(actor, `stage:${stage}`, title, details, {
      events: [
        this.event('caseLifecycle', CASE_EVENT_TYPES.stageChanged, {
          ...this.caseRef(),
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
  };

  private readonly apply = async (step: RecordedStep): Promise<void> =>
    this.recorded([step], [await caseActivities.applyStep(step)]);

  /** After steps are applied: the record's length, a change the main loop sees, the search attributes as they left. */
  private recorded(steps: RecordedStep[], applied: AppliedStep[]): void {
    this.state.recordEntries = applied[applied.length - 1].sequence;
    this.version += steps.length;
    upsertSearchAttributes(caseSearchAttributes(steps[steps.length - 1].state.snapshot));
  }

  readonly deadline = (kind: CaseDeadlineKind) =>
    this.state.deadlines.find((candidate) => candidate.kind === kind);

  readonly setDeadline = (
    kind: CaseDeadlineKind,
    dueAt: string,
    provisional?: ProvisionalCount | null,
  ): void => {
    this.state.deadlines = [
      ...this.state.deadlines.filter((candidate) => candidate.kind !== kind),
      { kind, dueAt, fired: false, ...(provisional ? { provisional } : {}) },
    ];
  };

  readonly dropDeadlines = (...kinds: CaseDeadlineKind[]): void => {
    this.state.deadlines = this.state.deadlines.filter((candidate) => !kinds.includes(candidate.kind));
  };

  /** The event that tells statistics (and its operators) a deadline was counted without a year's notice. */
  readonly provisionalEvents = (kind: CaseDeadlineKind, counted: WorkingDaysEnd): StepEvent[] => {
    if (!counted.provisional) return [];
    return [
      this.event('caseLifecycle', CASE_EVENT_TYPES.deadlineProvisional, {
        ...this.caseRef(),
        deadline: kind,
        dueAt: counted.dueAt,
        provisional: counted.provisional,
      } satisfies CaseDeadlineProvisionalData),
    ];
  };

  readonly hearingWindow = (noticeAt: string) =>
    caseActivities.workingDaysEnd({
      region: this.agency?.region ?? 'national',
      from: noticeAt,
      workingDays: HEARING_WINDOW_WORKING_DAYS,
    });

  readonly hearingWindowOpen = (): boolean => {
    const window = this.deadline('hearing-window');
    return Boolean(window && !window.fired);
  };

  /** Leaving a stage the AV list covers needs its audio-visual record. */
  readonly leaving = (stage: CaseStage): Violation | undefined =>
    avViolationOnLeaving(stage, this.avStages, this.state.evidence);

  readonly open = (actionName: string) =>
    this.state.status === 'open' ? undefined : stageViolation(this.state, [], actionName);

  /** The catalogue's verdict on the draft, with the handling unit's own reason kept first (domain.md L3). */
  readonly applyVerdict = (verdict: MajorDecisionVerdict): void => {
    this.state.majorVerdict = verdict;
    this.refreshMajor();
  };

  /** The handling unit finds the decision major after filing (domain.md L3d): its reason joins the verdict's. */
  readonly declareMajor = (reason: string): void => {
    this.unitFindings.push(reason);
    this.refreshMajor();
  };

  private refreshMajor(): void {
    const { state } = this;
    state.majorReasons = [
      ...this.unitFindings.map((reason) => `承办机构认定：${reason}`),
      ...(state.majorVerdict?.reasons ?? []),
    ];
    state.major = state.majorReasons.length > 0;
  }

  /** Whether the case may be decided (or submitted for review): the stage, the hearing window and hearing, AV. */
  readonly readyForDecisionStep = (actionName: string): Violation | undefined => {
    const { state } = this;
    const stages: CaseStage[] =
      state.category === 'penalty' ? ['notified', 'hearing'] : ['drafting', 'notified', 'hearing'];
    const wrong = stageViolation(state, state.major ? [...stages, 'legal-review'] : stages, actionName);
    if (wrong) return wrong;
    if (state.stage === 'notified' && this.hearingWindowOpen())
      return {
        code: CASE_ERROR_CODES.wrongStage,
        message: `听证申请期限（${state.notice?.hearingWindowEndsAt} 届满）内不能${actionName}`,
      };
    if (state.stage === 'hearing' && !state.hearing?.heldAt)
      return { code: CASE_ERROR_CODES.wrongStage, message: `当事人已申请听证，听证结束前不能${actionName}` };
    return state.stage === 'legal-review' ? undefined : this.leaving(state.stage);
  };

  /**
   * Registers an action: the validator refuses bad calls before anything is written to history, the handler
   * checks again in turn (state may have moved on) and answers a repeated request id with the current state.
   */
  readonly action = <I extends CaseAction>(
    definition: UpdateDefinition<CaseState, [I]>,
    check: (input: I) => Violation | undefined,
    apply: (input: I) => Promise<void>,
  ): void => {
    const assertAllowed = (input: I) => {
      if (this.appliedRequests.has(input.requestId)) return;
      const violation = check(input);
      if (violation) throw refusal(violation.code, violation.message);
    };
    setHandler(
      definition,
      (input: I) =>
        this.serially(async () => {
          if (!this.appliedRequests.has(input.requestId)) {
            assertAllowed(input);
            // Who acts is checked in turn, against the registry (domain.md R8; case-officers.ts).
            await assertOfficersMayAct(caseActivities, this.state, definition.name, input);
            await apply(input);
            this.appliedRequests.add(input.requestId);
          }
          return this.snapshot();
        }),
      {
        // The case's own officer rules refuse before anything is written (validators do not run on replay).
        validator: (input: I) => {
          assertAllowed(input);
          if (this.appliedRequests.has(input.requestId)) return;
          const violation = officerViolation(this.state, definition.name, input);
          if (violation) throw refusal(violation.code, violation.message);
        },
      },
    );
  };
}
