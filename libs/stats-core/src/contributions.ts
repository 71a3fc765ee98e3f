import {
  CASE_EVENT_TYPES,
  CaseDeadlineFiredData,
  CaseFiledData,
  CaseRefusedData,
  CaseStageChangedData,
  CloudEvent,
  DecisionMadeData,
  DecisionWithdrawnData,
  DisclosureCorrectedData,
  DisclosureDeadlineData,
  DisclosurePublishedData,
  DisclosureWithdrawnData,
  EVALUATION_EVENT_TYPES,
  EvaluationAnsweredData,
  EvaluationFindingsReturnedData,
  EVIDENCE_EVENT_TYPES,
  EvidenceStoredData,
  AUDIO_VISUAL_KINDS,
  INSPECTION_EVENT_TYPES,
  InspectionDrawVoidedData,
  InspectionPlanDisclosedData,
  InspectionResultsPublishedData,
  InspectionResultOutcome,
  PUBLICATION_EVENT_TYPES,
  ReviewRoundCompletedData,
  ReviewRoundOpenedData,
} from '@lep/contracts';
import {
  ANY_CATEGORY,
  coercionKindMetric,
  evaluationGradeMetric,
  inspectionOutcomeMetric,
  METRICS,
  penaltyKindMetric,
  withdrawalMetric,
  withdrawalSourceMetric,
} from './metrics';
import { heaviestPenaltyKind } from './penalty-kinds';
import { periodOf } from './periods';

/** One addition to one figure. */
export interface Contribution {
  agencyCode: string;
  year: number;
  month: number;
  category: string;
  metric: string;
  delta: number;
}

const REVIEW_OUTCOME_METRICS: Record<string, string> = {
  approved: METRICS.reviewApproved,
  returned: METRICS.reviewReturned,
  'not-approved': METRICS.reviewNotApproved,
};

/**
 * What one event adds to the figures. Pure and order-independent: it reads only the event, so the live
 * consumer and the rebuild from the event log arrive at the same figures whatever order events came in.
 */
export function contributionsOf(event: CloudEvent): Contribution[] {
  const out: Contribution[] = [];
  const add = (agencyCode: string, when: string, category: string, metric: string, delta = 1) => {
    if (delta === 0) return;
    out.push({ agencyCode, ...periodOf(when), category, metric, delta });
  };
  switch (event.type) {
    case CASE_EVENT_TYPES.filed: {
      const data = event.data as CaseFiledData;
      add(data.agencyCode, data.filedOn, data.category, METRICS.casesFiled);
      if (data.applicationAccepted === false)
        add(data.agencyCode, data.filedOn, data.category, METRICS.applicationsNotAccepted);
      break;
    }
    case CASE_EVENT_TYPES.refused: {
      const data = event.data as CaseRefusedData;
      add(data.agencyCode, event.time, ANY_CATEGORY, METRICS.casesRefused);
      break;
    }
    case CASE_EVENT_TYPES.stageChanged: {
      const data = event.data as CaseStageChangedData;
      if (data.to === 'closed') add(data.agencyCode, data.at, data.category, METRICS.casesClosed);
      if (data.to === 'hearing') add(data.agencyCode, data.at, data.category, METRICS.hearings);
      if (data.avRequired) {
        add(data.agencyCode, data.at, data.category, METRICS.avStagesRequired);
        if (data.avRecorded) add(data.agencyCode, data.at, data.category, METRICS.avStagesRecorded);
      }
      break;
    }
    case CASE_EVENT_TYPES.deadlineFired: {
      const data = event.data as CaseDeadlineFiredData;
      if (data.deadline === 'decision-limit') {
        add(data.agencyCode, data.dueAt, data.category, METRICS.decisionLimitExceeded);
      }
      if (data.deadline === 'review-sla') {
        add(data.agencyCode, data.dueAt, data.category, METRICS.reviewSlaExceeded);
      }
      break;
    }
    case CASE_EVENT_TYPES.reviewRoundOpened: {
      const data = event.data as ReviewRoundOpenedData;
      add(data.agencyCode, event.time, data.category, METRICS.reviewOpened);
      break;
    }
    case CASE_EVENT_TYPES.reviewRoundCompleted: {
      const data = event.data as ReviewRoundCompletedData;
      add(data.agencyCode, data.completedAt, data.category, REVIEW_OUTCOME_METRICS[data.outcome]);
      if (data.late) add(data.agencyCode, data.completedAt, data.category, METRICS.reviewLate);
      break;
    }
    case CASE_EVENT_TYPES.decisionMade:
      decisionContributions(event.data as DecisionMadeData, add);
      break;
    case CASE_EVENT_TYPES.decisionWithdrawn: {
      // Annulled decisions still count where they were made (domain.md §7 (2)); the withdrawal is a figure of its own.
      const data = event.data as DecisionWithdrawnData;
      add(data.agencyCode, data.withdrawnOn, ANY_CATEGORY, withdrawalMetric(data.kind));
      if (data.source)
        add(data.agencyCode, data.withdrawnOn, ANY_CATEGORY, withdrawalSourceMetric(data.source.kind));
      break;
    }
    case PUBLICATION_EVENT_TYPES.published: {
      const data = event.data as DisclosurePublishedData;
      const metric = data.onTime ? METRICS.disclosureOnTime : METRICS.disclosureLate;
      add(data.agencyCode, data.publishedAt, data.record.category, metric);
      break;
    }
    case PUBLICATION_EVENT_TYPES.overdue: {
      const data = event.data as DisclosureDeadlineData;
      add(data.agencyCode, data.at, ANY_CATEGORY, METRICS.disclosureOverdue);
      break;
    }
    case PUBLICATION_EVENT_TYPES.withdrawn: {
      const data = event.data as DisclosureWithdrawnData;
      add(data.agencyCode, data.withdrawnAt, ANY_CATEGORY, METRICS.disclosureWithdrawn);
      break;
    }
    case PUBLICATION_EVENT_TYPES.corrected: {
      const data = event.data as DisclosureCorrectedData;
      add(data.agencyCode, data.correctedAt, data.record.category, METRICS.disclosureCorrected);
      break;
    }
    case EVIDENCE_EVENT_TYPES.stored: {
      const data = event.data as EvidenceStoredData;
      add(data.agencyCode, data.storedAt, ANY_CATEGORY, METRICS.evidenceItems);
      if (AUDIO_VISUAL_KINDS.includes(data.kind)) {
        add(data.agencyCode, data.storedAt, ANY_CATEGORY, METRICS.evidenceAudioVisual);
      }
      break;
    }
    case EVALUATION_EVENT_TYPES.findingsReturned: {
      // Counted under the evaluated agency, in the month the findings reached it (domain.md R7a).
      const data = event.data as EvaluationFindingsReturnedData;
      add(data.agencyCode, data.returnedAt, ANY_CATEGORY, METRICS.evaluationCases);
      add(data.agencyCode, data.returnedAt, ANY_CATEGORY, evaluationGradeMetric(data.grade));
      add(
        data.agencyCode,
        data.returnedAt,
        ANY_CATEGORY,
        METRICS.evaluationProblemItems,
        data.problemItems.length,
      );
      break;
    }
    case EVALUATION_EVENT_TYPES.answered: {
      const data = event.data as EvaluationAnsweredData;
      add(data.agencyCode, data.answeredAt, ANY_CATEGORY, METRICS.evaluationAnswered);
      if (data.rectified) add(data.agencyCode, data.answeredAt, ANY_CATEGORY, METRICS.evaluationRectified);
      break;
    }
    case INSPECTION_EVENT_TYPES.planDisclosed: {
      const data = event.data as InspectionPlanDisclosedData;
      add(data.agencyCode, data.plannedStart, 'inspection', METRICS.inspectionPlans);
      add(
        data.agencyCode,
        data.plannedStart,
        'inspection',
        METRICS.inspectionPlannedTargets,
        data.targetCount,
      );
      break;
    }
    case INSPECTION_EVENT_TYPES.drawVoided: {
      const data = event.data as InspectionDrawVoidedData;
      add(data.agencyCode, data.voidedAt, 'inspection', METRICS.inspectionDrawsVoided);
      break;
    }
    case INSPECTION_EVENT_TYPES.resultsPublished: {
      // One inspection = one object with a complete record (domain.md §7 (4)): a target not found is no inspection.
      const data = event.data as InspectionResultsPublishedData;
      for (const result of data.results) {
        add(data.agencyCode, result.inspectedOn, 'inspection', inspectionOutcomeMetric(result.outcome));
        if (result.outcome !== 'target-not-found') {
          add(data.agencyCode, result.inspectedOn, 'inspection', METRICS.inspectionInspected);
        }
      }
      break;
    }
  }
  return out;
}

/** 行政检查 outcomes that found a problem (domain.md P14): everything but 未发现问题 and 其他. */
const INSPECTION_PROBLEM_OUTCOMES: readonly InspectionResultOutcome[] = [
  'ordered-correction',
  'case-filed',
  'referred',
];

function decisionContributions(
  data: DecisionMadeData,
  add: (agencyCode: string, when: string, category: string, metric: string, delta?: number) => void,
): void {
  const at = (metric: string, delta = 1) =>
    add(data.agencyCode, data.decidedOn, data.category, metric, delta);
  at(METRICS.casesDecided);
  if (data.major) at(METRICS.decisionsMajor);
  if (data.licensing) at(data.licensing.granted ? METRICS.licensingGranted : METRICS.licensingRefused);
  if (data.coercion) at(coercionKindMetric(data.coercion.kind));
  // 不予行政处罚 (domain.md P12) is decided in a penalty case but imposes no penalty: the report's 不予处罚 row.
  if (data.noPenalty) at(METRICS.noPenalty);
  // A 行政检查结果 counts as an inspection with the case decisions (domain.md P14, §7.4), unless it records a
  // 双随机 target's inspection, which the plan's published results count already.
  if (data.inspection?.randomInspectionPlanId) at(METRICS.inspectionCaseFromRandom);
  else if (data.inspection && INSPECTION_PROBLEM_OUTCOMES.includes(data.inspection.outcome))
    at(METRICS.inspectionCaseProblemFound);
  if (data.penalty) {
    const kind = heaviestPenaltyKind(data.penalty.penaltyKinds);
    if (kind) {
      at(METRICS.penaltyDecisions);
      at(penaltyKindMetric(kind));
    } else {
      at(METRICS.noPenalty);
    }
    at(METRICS.fineYuan, data.penalty.fineYuan ?? 0);
    at(METRICS.confiscatedYuan, data.penalty.confiscatedYuan ?? 0);
  }
}
