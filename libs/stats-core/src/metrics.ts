/**
 * The figures statistics keep, per agency, year, month and category. A metric is a counter (or an amount in
 * yuan); `penalty.kind:<类别>`, `decisions.withdrawn:<kind>` and `inspection.outcome:<outcome>` are families.
 */
export const METRICS = {
  casesFiled: 'cases.filed',
  casesRefused: 'cases.refused',
  casesDecided: 'cases.decided',
  casesClosed: 'cases.closed',
  hearings: 'cases.hearings',
  decisionLimitExceeded: 'cases.decision-limit-exceeded',
  decisionsMajor: 'decisions.major',
  licensingGranted: 'licensing.granted',
  licensingRefused: 'licensing.refused',
  penaltyDecisions: 'penalty.decisions',
  noPenalty: 'penalty.no-penalty',
  fineYuan: 'penalty.fine-yuan',
  confiscatedYuan: 'penalty.confiscated-yuan',
  reviewOpened: 'review.opened',
  reviewApproved: 'review.approved',
  reviewReturned: 'review.returned',
  reviewNotApproved: 'review.not-approved',
  reviewLate: 'review.late',
  reviewSlaExceeded: 'review.sla-exceeded',
  disclosureOnTime: 'disclosure.on-time',
  disclosureLate: 'disclosure.late',
  disclosureOverdue: 'disclosure.overdue',
  disclosureWithdrawn: 'disclosure.withdrawn',
  disclosureCorrected: 'disclosure.corrected',
  evidenceItems: 'evidence.items',
  evidenceAudioVisual: 'evidence.audio-visual',
  /** Stages left that the AV list required a record of, and of those the ones left with one (AV coverage). */
  avStagesRequired: 'av.stages-required',
  avStagesRecorded: 'av.stages-recorded',
  inspectionPlans: 'inspection.plans',
  inspectionPlannedTargets: 'inspection.planned-targets',
  inspectionDrawsVoided: 'inspection.draws-voided',
  inspectionInspected: 'inspection.inspected',
} as const;

export const penaltyKindMetric = (kind: string): string => `penalty.kind:${kind}`;
export const withdrawalMetric = (kind: string): string => `decisions.withdrawn:${kind}`;
export const inspectionOutcomeMetric = (outcome: string): string => `inspection.outcome:${outcome}`;

/** Figures that belong to no single category (a refusal to file, a withdrawn disclosure) count under this. */
export const ANY_CATEGORY = 'all';
