import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CalendarLayerLoaded,
  CaseState,
  CoercionMeasureInput,
  CoercionMeasureWithdrawalInput,
  CoordinationRuling,
  DeadlineExtensionInput,
  DecisionRemakeClaim,
  DecisionWithdrawalInput,
  DecisionInput,
  DraftDecisionInput,
  EvidenceLink,
  ExecutionInput,
  HearingHeldInput,
  HearingRequestInput,
  MajorDeclarationInput,
  NoticeInput,
  RecordEntryInput,
  ReviewCompletion,
  ReviewConflictDeclaration,
  ReviewDisputeInput,
  ReviewExtension,
  ReviewRoundState,
  ReviewSubmissionInput,
  RevocationInput,
  StageActionInput,
  StartCaseInput,
  TaskClaimInput,
  TaskClaimState,
} from './case-workflow';
import type { HandlerReplacementInput } from './case-officers';

/**
 * The typed Temporal interface of the case workflows: every update, signal and query with its input and result.
 * The workflows register their handlers on these definitions and the services call them through the same
 * objects (`handle.startUpdate(caseUpdates.decide, { args: [input] })`), so an input that does not match its
 * handler fails to compile on both sides. The names are the wire names of histories already recorded: never
 * rename one.
 */
export const caseUpdates = {
  addRecord: defineUpdate<CaseState, [RecordEntryInput]>('addRecord'),
  draftDecision: defineUpdate<CaseState, [DraftDecisionInput]>('draftDecision'),
  declareMajor: defineUpdate<CaseState, [MajorDeclarationInput]>('declareMajor'),
  notify: defineUpdate<CaseState, [NoticeInput]>('notify'),
  requestHearing: defineUpdate<CaseState, [HearingRequestInput]>('requestHearing'),
  recordHearing: defineUpdate<CaseState, [HearingHeldInput]>('recordHearing'),
  submitForReview: defineUpdate<CaseState, [ReviewSubmissionInput]>('submitForReview'),
  disputeReview: defineUpdate<CaseState, [ReviewDisputeInput]>('disputeReview'),
  ruleOnDispute: defineUpdate<CaseState, [CoordinationRuling]>('ruleOnDispute'),
  decide: defineUpdate<CaseState, [DecisionInput]>('decide'),
  serve: defineUpdate<CaseState, [StageActionInput]>('serve'),
  execute: defineUpdate<CaseState, [ExecutionInput]>('execute'),
  close: defineUpdate<CaseState, [StageActionInput]>('close'),
  archive: defineUpdate<CaseState, [StageActionInput]>('archive'),
  extendDecisionLimit: defineUpdate<CaseState, [DeadlineExtensionInput]>('extendDecisionLimit'),
  revoke: defineUpdate<CaseState, [RevocationInput]>('revoke'),
  /** A 行政强制 measure or execution inside the case: its own decision (domain.md P13). */
  takeCoercionMeasure: defineUpdate<CaseState, [CoercionMeasureInput]>('takeCoercionMeasure'),
  /** 撤销, 确认违法 or 重新作出 of one such measure, by its decision id (domain.md P13a). */
  withdrawCoercionMeasure: defineUpdate<CaseState, [CoercionMeasureWithdrawalInput]>(
    'withdrawCoercionMeasure',
  ),
  replaceHandler: defineUpdate<CaseState, [HandlerReplacementInput]>('replaceHandler'),
  /** The case's coordination task (a disputed review opinion, for the agency head). */
  claimTask: defineUpdate<TaskClaimState, [TaskClaimInput]>('claimTask'),
  releaseTask: defineUpdate<TaskClaimState, [TaskClaimInput]>('releaseTask'),
};

/** A case update whose input is a staff action on the case (not the task inbox's claims and the head's ruling). */
export type CaseActionUpdate = (typeof caseUpdates)[Exclude<
  keyof typeof caseUpdates,
  'ruleOnDispute' | 'claimTask' | 'releaseTask'
>];

export const caseSignals = {
  /** Evidence stored by the evidence service, linked into the record. */
  evidenceStored: defineSignal<[EvidenceLink]>('evidenceStored'),
  /**
   * A year of the working-day calendar was loaded: the case counts its provisional deadlines again and tells its
   * open review round to do the same (the round takes the same signal).
   */
  calendarChanged: defineSignal<[CalendarLayerLoaded]>('calendarChanged'),
  /** The review round tells its case when the SLA reminder, escalation or extension happened. */
  reviewProgress: defineSignal<[ReviewRoundState]>('reviewProgress'),
};

export const caseQueries = {
  /** The whole case as the workflow sees it now. */
  state: defineQuery<CaseState>('caseState'),
};

/** One legalReview workflow per review round (reviewWorkflowId). */
export const reviewUpdates = {
  complete: defineUpdate<ReviewRoundState, [ReviewCompletion]>('completeReview'),
  extend: defineUpdate<ReviewRoundState, [ReviewExtension]>('extendReview'),
  claim: defineUpdate<TaskClaimState, [TaskClaimInput]>('claimReviewTask'),
  release: defineUpdate<TaskClaimState, [TaskClaimInput]>('releaseReviewTask'),
  declareConflict: defineUpdate<ReviewRoundState, [ReviewConflictDeclaration]>('declareReviewConflict'),
};

export const reviewQueries = {
  /** The review round's live state, for the parent and operators. */
  state: defineQuery<ReviewRoundState>('reviewState'),
};

/** The case workflow's signature, for a typed start by its type name (CASE_WORKFLOWS.lifecycle). */
export type CaseLifecycleWorkflow = (input: StartCaseInput) => Promise<CaseState>;

/** A withdrawal after archive (CASE_WORKFLOWS.decisionWithdrawal): answers the case as it is after it. */
export type DecisionWithdrawalWorkflow = (input: DecisionWithdrawalInput) => Promise<CaseState>;

/** The claim of a withdrawn decision by its re-making case (CASE_WORKFLOWS.decisionRemake): answers the case id. */
export type DecisionRemakeWorkflow = (claim: DecisionRemakeClaim) => Promise<string>;
