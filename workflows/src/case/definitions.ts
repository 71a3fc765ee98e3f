import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  CASE_QUERIES,
  CASE_SIGNALS,
  CASE_UPDATES,
  REVIEW_UPDATES,
  type CalendarLayerLoaded,
  type CaseState,
  type CoordinationRuling,
  type DeadlineExtensionInput,
  type DecisionInput,
  type DraftDecisionInput,
  type EvidenceLink,
  type HearingHeldInput,
  type HearingRequestInput,
  type NoticeInput,
  type RecordEntryInput,
  type ReviewCompletion,
  type ReviewDisputeInput,
  type ReviewExtension,
  type ReviewRoundState,
  type ReviewSubmissionInput,
  type RevocationInput,
  type StageActionInput,
} from '@lep/contracts';

export const addRecord = defineUpdate<CaseState, [RecordEntryInput]>(CASE_UPDATES.addRecord);
export const draftDecision = defineUpdate<CaseState, [DraftDecisionInput]>(CASE_UPDATES.draftDecision);
export const notify = defineUpdate<CaseState, [NoticeInput]>(CASE_UPDATES.notify);
export const requestHearing = defineUpdate<CaseState, [HearingRequestInput]>(CASE_UPDATES.requestHearing);
export const recordHearing = defineUpdate<CaseState, [HearingHeldInput]>(CASE_UPDATES.recordHearing);
export const submitForReview = defineUpdate<CaseState, [ReviewSubmissionInput]>(CASE_UPDATES.submitForReview);
export const disputeReview = defineUpdate<CaseState, [ReviewDisputeInput]>(CASE_UPDATES.disputeReview);
export const ruleOnDispute = defineUpdate<CaseState, [CoordinationRuling]>(CASE_UPDATES.ruleOnDispute);
export const decide = defineUpdate<CaseState, [DecisionInput]>(CASE_UPDATES.decide);
export const serve = defineUpdate<CaseState, [StageActionInput]>(CASE_UPDATES.serve);
export const execute = defineUpdate<CaseState, [StageActionInput]>(CASE_UPDATES.execute);
export const close = defineUpdate<CaseState, [StageActionInput]>(CASE_UPDATES.close);
export const archive = defineUpdate<CaseState, [StageActionInput]>(CASE_UPDATES.archive);
export const extendDecisionLimit = defineUpdate<CaseState, [DeadlineExtensionInput]>(
  CASE_UPDATES.extendDecisionLimit,
);
export const revoke = defineUpdate<CaseState, [RevocationInput]>(CASE_UPDATES.revoke);
export const evidenceStored = defineSignal<[EvidenceLink]>(CASE_SIGNALS.evidenceStored);
/** Sent to a case and, by the case, to its open review round (same name): count provisional deadlines again. */
export const calendarChanged = defineSignal<[CalendarLayerLoaded]>(CASE_SIGNALS.calendarChanged);
export const caseState = defineQuery<CaseState>(CASE_QUERIES.state);

export const completeReview = defineUpdate<ReviewRoundState, [ReviewCompletion]>(REVIEW_UPDATES.complete);
export const extendReview = defineUpdate<ReviewRoundState, [ReviewExtension]>(REVIEW_UPDATES.extend);
/** The review round's live state, for the parent and operators. */
export const reviewState = defineQuery<ReviewRoundState>('reviewState');
/** The child tells its case when the SLA reminder, escalation or extension happened. */
export const reviewProgress = defineSignal<[ReviewRoundState]>('reviewProgress');
