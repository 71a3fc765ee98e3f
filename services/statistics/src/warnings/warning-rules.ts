import { CalendarRegion, REGION_LABELS } from '@lep/calendar';
import {
  CalendarYearChangedData,
  CASE_EVENT_TYPES,
  CaseDeadlineFiredData,
  CaseDeadlineProvisionalData,
  CaseStageChangedData,
  CloudEvent,
  DecisionMadeData,
  DisclosureDeadlineData,
  DisclosureDeadlineProvisionalData,
  DisclosurePublishedData,
  ProvisionalCount,
  DisclosureWithdrawnData,
  PUBLICATION_EVENT_TYPES,
  REGISTRY_EVENT_TYPES,
  ReviewerRatioData,
  ReviewRoundCompletedData,
  WarningKind,
  WarningSeverity,
} from '@lep/contracts';

/** Open (or worsen) a warning. */
export interface RaiseWarning {
  action: 'raise';
  kind: WarningKind;
  subject: string;
  agencyCode: string;
  severity: WarningSeverity;
  message: string;
  dueAt?: string;
  at: string;
  /** A repeated raise with a new message is a stronger reminder and is announced again (annual report). */
  escalates?: boolean;
  /** When the producer emitted the raise: a condition remembered as ended at or after it makes the raise stale. */
  emittedAt?: string;
}

/** The condition ended: close the open warning of this kind and subject (or every subject with this prefix). */
export interface ClearWarning {
  action: 'clear';
  kind: WarningKind;
  subject: string;
  at: string;
  subjectPrefix?: boolean;
  /**
   * The raise travels on another topic (another key, another partition), so it may be consumed after this clear:
   * the end of the condition is remembered, and a raise emitted before it is applied as raised and cleared at
   * once, as if the two had come in order.
   */
  outlivesRaise?: boolean;
}

export type WarningChange = RaiseWarning | ClearWarning;

/** A case's review round, or a measure's round (domain.md P13b), whose numbers are counted apart. */
const reviewSubject = (caseId: string, round: number | undefined, measure: string | undefined) =>
  measure === undefined ? `${caseId}#${round ?? 0}` : `${caseId}#measure-${round ?? 0}`;
const reviewName = (data: { caseNumber: string; round?: number; measureDocumentNumber?: string }) =>
  `案件 ${data.caseNumber} ${data.measureDocumentNumber ? `行政强制决定（${data.measureDocumentNumber}）` : ''}第 ${data.round ?? '?'} 轮法制审核`;

/** One calendar-missing warning per layer, year and agency: `<region>:<year>:<agency>`. */
export const calendarSubject = (region: string, year: number, agencyCode = '') =>
  `${region}:${year}:${agencyCode}`;

const regionLabel = (region: string) => REGION_LABELS[region as CalendarRegion] ?? region;

/**
 * A deadline of the agency was counted without a year's notice: a warning per missing layer, until the year is
 * loaded (the registry's event clears it).
 */
function provisionalWarnings(
  agencyCode: string,
  what: string,
  provisional: ProvisionalCount,
  at: string,
): WarningChange[] {
  return provisional.missing.map(({ region, year }) => ({
    action: 'raise',
    kind: 'calendar-missing',
    subject: calendarSubject(region, year, agencyCode),
    agencyCode,
    severity: 'past',
    message:
      `缺少${year}年${regionLabel(region)}节假日安排，${what}已暂定计算；` +
      `请平台管理员依据放假通知在登记服务录入该年度，录入后自动重新计算`,
    at,
  }));
}

/** What an event means for early warnings (pure: the service applies the changes). */
export function warningChangesOf(event: CloudEvent): WarningChange[] {
  switch (event.type) {
    case PUBLICATION_EVENT_TYPES.deadlineWarning:
    case PUBLICATION_EVENT_TYPES.overdue: {
      const data = event.data as DisclosureDeadlineData;
      const past = event.type === PUBLICATION_EVENT_TYPES.overdue;
      return [
        {
          action: 'raise',
          kind: 'disclosure-deadline',
          subject: data.decisionId,
          agencyCode: data.agencyCode,
          severity: past ? 'past' : 'near',
          message: past
            ? `决定 ${data.decisionId} 已超过公示期限（${data.deadlineOn}）仍未公示`
            : `决定 ${data.decisionId} 将于 ${data.deadlineOn} 届满公示期限，尚未公示`,
          dueAt: data.deadlineOn,
          at: data.at,
        },
      ];
    }
    case PUBLICATION_EVENT_TYPES.published: {
      const data = event.data as DisclosurePublishedData;
      return [
        { action: 'clear', kind: 'disclosure-deadline', subject: data.decisionId, at: data.publishedAt },
      ];
    }
    case PUBLICATION_EVENT_TYPES.withdrawn: {
      const data = event.data as DisclosureWithdrawnData;
      return [
        { action: 'clear', kind: 'disclosure-deadline', subject: data.decisionId, at: data.withdrawnAt },
      ];
    }
    case CASE_EVENT_TYPES.deadlineFired:
      return deadlineWarnings(event.data as CaseDeadlineFiredData, event.time);
    case CASE_EVENT_TYPES.deadlineProvisional: {
      const data = event.data as CaseDeadlineProvisionalData;
      return provisionalWarnings(
        data.agencyCode,
        `案件 ${data.caseNumber} 的期限`,
        data.provisional,
        event.time,
      );
    }
    case PUBLICATION_EVENT_TYPES.deadlineProvisional: {
      const data = event.data as DisclosureDeadlineProvisionalData;
      return provisionalWarnings(
        data.agencyCode,
        `决定 ${data.decisionId} 的公示期限`,
        data.provisional,
        event.time,
      );
    }
    case REGISTRY_EVENT_TYPES.calendarYearChanged: {
      const data = event.data as CalendarYearChangedData;
      return [
        {
          action: 'clear',
          kind: 'calendar-missing',
          subject: calendarSubject(data.region, data.year),
          subjectPrefix: true,
          at: event.time,
        },
      ];
    }
    case CASE_EVENT_TYPES.reviewRoundCompleted: {
      const data = event.data as ReviewRoundCompletedData;
      return [
        {
          action: 'clear',
          kind: 'review-sla',
          subject: reviewSubject(data.caseId, data.round, data.measureDocumentNumber),
          at: data.completedAt,
          outlivesRaise: true,
        },
      ];
    }
    case CASE_EVENT_TYPES.decisionMade: {
      const data = event.data as DecisionMadeData;
      return [
        {
          action: 'clear',
          kind: 'decision-limit',
          subject: data.caseId,
          at: data.decidedAt,
          outlivesRaise: true,
        },
      ];
    }
    case CASE_EVENT_TYPES.stageChanged: {
      const data = event.data as CaseStageChangedData;
      if (data.to !== 'closed') return [];
      return [{ action: 'clear', kind: 'decision-limit', subject: data.caseId, at: data.at }];
    }
    case REGISTRY_EVENT_TYPES.reviewerRatioBelowThreshold: {
      const data = event.data as ReviewerRatioData;
      const percent = data.ratio === null ? '无法计算' : `${(data.ratio * 100).toFixed(1)}%`;
      return [
        {
          action: 'raise',
          kind: 'reviewer-ratio',
          subject: data.agencyCode,
          agencyCode: data.agencyCode,
          severity: 'past',
          message: `法制审核人员 ${data.legalReviewers} 人，占执法人员比例 ${percent}，低于 ${(data.threshold * 100).toFixed(0)}%`,
          at: event.time,
        },
      ];
    }
    case REGISTRY_EVENT_TYPES.reviewerRatioRestored: {
      const data = event.data as ReviewerRatioData;
      return [{ action: 'clear', kind: 'reviewer-ratio', subject: data.agencyCode, at: event.time }];
    }
    default:
      return [];
  }
}

function deadlineWarnings(data: CaseDeadlineFiredData, emittedAt: string): WarningChange[] {
  const common = { agencyCode: data.agencyCode, dueAt: data.dueAt, at: data.dueAt, emittedAt };
  switch (data.deadline) {
    case 'decision-limit-warning':
    case 'decision-limit': {
      const past = data.deadline === 'decision-limit';
      return [
        {
          action: 'raise',
          kind: 'decision-limit',
          subject: data.caseId,
          severity: past ? 'past' : 'near',
          message: past
            ? `案件 ${data.caseNumber} 已超过 90 日办案期限仍未作出决定`
            : `案件 ${data.caseNumber} 临近 90 日办案期限，尚未作出决定`,
          ...common,
        },
      ];
    }
    case 'review-sla-reminder':
    case 'review-sla': {
      const past = data.deadline === 'review-sla';
      return [
        {
          action: 'raise',
          kind: 'review-sla',
          subject: reviewSubject(data.caseId, data.round, data.measureDocumentNumber),
          severity: past ? 'past' : 'near',
          message: `${reviewName(data)}${past ? '已超过审核时限' : '临近审核时限'}`,
          ...common,
        },
      ];
    }
    default:
      return [];
  }
}
