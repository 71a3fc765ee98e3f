/**
 * The figures statistics keep, per agency, year, month and category. A metric is a counter (or an amount in
 * yuan); `penalty.kind:<类别>`, `coercion.kind:<kind>`, `decisions.withdrawn:<kind>`,
 * `decisions.corrected-by:<source>`, `inspection.outcome:<outcome>` and `evaluation.grade:<grade>` are families.
 */
export const METRICS = {
  casesFiled: 'cases.filed',
  /** Licensing applications the agency decided not to accept (不予受理): in 申请数, not in 受理数 (domain.md §7.1). */
  applicationsNotAccepted: 'cases.application-not-accepted',
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
  /**
   * 行政检查 results decided in cases (domain.md P14) that record a 双随机 target's inspection: already counted
   * with the plan's results, so the report takes them out of its inspection cases.
   */
  inspectionCaseFromRandom: 'inspection.case-from-random',
  /** 行政检查 results decided in cases, outside 双随机, that found a problem (责令改正, 立案, 移送). */
  inspectionCaseProblemFound: 'inspection.case-problem-found',
  /** 案卷评查 (domain.md R7a), under the evaluated agency: files whose findings were returned to it. */
  evaluationCases: 'evaluation.cases',
  /** Checklist items scored below their points (问题项), summed over those files. */
  evaluationProblemItems: 'evaluation.problem-items',
  /** Findings the agency answered, and of those the ones it reports rectified (已整改). */
  evaluationAnswered: 'evaluation.answered',
  evaluationRectified: 'evaluation.rectified',
} as const;

export const penaltyKindMetric = (kind: string): string => `penalty.kind:${kind}`;
export const withdrawalMetric = (kind: string): string => `decisions.withdrawn:${kind}`;
/**
 * Withdrawn decisions by what withdrew them (WITHDRAWAL_SOURCE_KINDS: a 复议决定, a court's 判决, the agency's own
 * correction): the report's 复议纠错 and 诉讼败诉 rows (domain.md §7 (2)).
 */
export const withdrawalSourceMetric = (source: string): string => `decisions.corrected-by:${source}`;
/** 行政强制 decisions by kind (COERCION_KINDS: seal, freeze, court-application …), for the report's rows. */
export const coercionKindMetric = (kind: string): string => `coercion.kind:${kind}`;
export const inspectionOutcomeMetric = (outcome: string): string => `inspection.outcome:${outcome}`;
/** 案卷评查 files by grade (excellent, pass, fail). */
export const evaluationGradeMetric = (grade: string): string => `evaluation.grade:${grade}`;

/** Figures that belong to no single category (a refusal to file, a withdrawn disclosure) count under this. */
export const ANY_CATEGORY = 'all';
