import { getExternalWorkflowHandle } from '@temporalio/workflow';
import { provisionalOf, type CalendarLayerRef } from '@lep/calendar';
import {
  CASE_EVENT_TYPES,
  caseSignals,
  type CaseActor,
  type CaseDeadlineFiredData,
  type CaseDeadlineProvisionalData,
  type CaseRef,
  type DecisionDocumentRef,
  type ProvisionalCount,
  type ReviewRoundState,
} from '@lep/contracts';
import type { StepEvent } from '@lep/case-store';
import type { CaseActivities, DecisionDraft } from './activities';
import { caseActivities } from './case-context';
import { serialQueue } from './serial-queue';
import type { ClaimableTask } from './task-claims';

export interface LegalReviewInput {
  caseRef: CaseRef;
  parentWorkflowId: string;
  round: number;
  taskId: string;
  draftHash: string;
  draft: DecisionDraft;
  /** The 决定书 rendered from the draft, which the reviewer reviews (absent on JSON-only rounds). */
  document?: DecisionDocumentRef;
  majorReasons: string[];
  handlerIds: string[];
  reviewBodyAgencyCode: string;
  reviewBodyName: string;
  region: string;
  sla: { workingDays: number; extensionWorkingDays: number };
  submittedBy: CaseActor;
  /**
   * Set on a round that reviews a 行政强制 measure (domain.md P13b): what the reviewer's task shows of it, and the
   * prefix of the round's record entries, which must not meet the case rounds' `review-<round>-…` keys.
   */
  measure?: MeasureUnderReview;
}

/** The measure a round reviews, as its task shows it (the draft carries its document). */
export interface MeasureUnderReview {
  documentNumber: string;
  kind: string;
  urgent: boolean;
  /** An urgent measure's: taken already, lifted unless the review passes by then (ACL art. 19). */
  decisionId?: string;
  approvalDueAt?: string;
  entryKeyPrefix: string;
}

/** A counted time limit: when it ends, when the reminder is due, and why it is provisional if it is. */
export interface ReviewDue {
  dueAt: string;
  reminderAt: string;
  provisional: ProvisionalCount | null;
}

/**
 * The time limit on the registry's calendar: the SLA from the opening (and the extension after it, once
 * granted), with the reminder one working day before the end, the day the reviewer still has.
 */
export async function countReviewDue(
  input: LegalReviewInput,
  openedAt: string,
  extended: boolean,
): Promise<ReviewDue> {
  const count = (from: string, workingDays: number) =>
    caseActivities.workingDaysEnd({ region: input.region, from, workingDays });
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
}

/** What the parts of one review round share: its state, its record steps, its time limit and its task. */
export class ReviewRound {
  readonly caseRef: CaseRef;
  readonly round: number;
  readonly state: ReviewRoundState;
  reminderAt: string;
  reminded = false;
  private steps = 0;
  /** A year of the calendar was loaded since the time limit was counted. */
  recountRequested = false;
  /** Claims, completion and extension run one at a time: each checks the task again after the previous one. */
  readonly serially = serialQueue();

  constructor(
    readonly input: LegalReviewInput,
    readonly openedAt: string,
    opening: ReviewDue,
  ) {
    this.caseRef = input.caseRef;
    this.round = input.round;
    this.reminderAt = opening.reminderAt;
    this.state = {
      round: input.round,
      taskId: input.taskId,
      draftHash: input.draftHash,
      dueAt: opening.dueAt,
      ...(opening.provisional ? { dueProvisional: opening.provisional } : {}),
      extended: false,
      escalated: false,
      ...(input.document ? { document: input.document } : {}),
    };
  }

  readonly countDue = (extended: boolean): Promise<ReviewDue> =>
    countReviewDue(this.input, this.openedAt, extended);

  /** One step of the case's record, in the legal-review stage, with the round's own entry keys. */
  readonly record = (
    actor: CaseActor,
    action: string,
    title: string,
    details: Record<string, unknown>,
    extras: Partial<Parameters<CaseActivities['applyStep']>[0]> = {},
  ) =>
    caseActivities.applyStep({
      caseId: this.caseRef.caseId,
      entryKey: `${this.input.measure?.entryKeyPrefix ?? `review-${this.round}`}-${++this.steps}`,
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

  readonly deadlineEvent = (deadline: CaseDeadlineFiredData['deadline'], due: string): StepEvent => ({
    topic: 'caseLifecycle',
    key: this.caseRef.caseId,
    type: CASE_EVENT_TYPES.deadlineFired,
    data: {
      ...this.caseRef,
      deadline,
      dueAt: due,
      round: this.round,
      ...this.measureMark(),
    } satisfies CaseDeadlineFiredData,
  });

  readonly tellCase = () =>
    getExternalWorkflowHandle(this.input.parentWorkflowId).signal(caseSignals.reviewProgress, {
      ...this.state,
    });

  readonly provisionalEvents = (
    provisional: ProvisionalCount | null | undefined,
    dueAt: string,
  ): StepEvent[] =>
    provisional
      ? [
          {
            topic: 'caseLifecycle',
            key: this.caseRef.caseId,
            type: CASE_EVENT_TYPES.deadlineProvisional,
            data: {
              ...this.caseRef,
              deadline: 'review-sla',
              dueAt,
              provisional,
              round: this.round,
            } satisfies CaseDeadlineProvisionalData,
          },
        ]
      : [];

  /** Sets a (re)counted limit; the task's due date and its provisional mark follow in the same step. */
  readonly applyDue = (counted: ReviewDue) => {
    this.state.dueAt = counted.dueAt;
    if (counted.provisional) this.state.dueProvisional = counted.provisional;
    else delete this.state.dueProvisional;
    this.reminderAt = counted.reminderAt;
    this.reminded = false;
  };

  /** A measure's round says so in its events: its round numbers are not the case's (domain.md P13b). */
  readonly measureMark = () =>
    this.input.measure ? { measureDocumentNumber: this.input.measure.documentNumber } : {};

  /** The round's task as its claims see it. */
  readonly task = (): ClaimableTask => ({
    taskId: this.input.taskId,
    open: this.state.outcome === undefined,
    claimedBy: this.state.claimedBy,
  });

  readonly holdBy = (holder: string | undefined) => {
    if (holder === undefined) delete this.state.claimedBy;
    else this.state.claimedBy = holder;
  };
}
