/**
 * Events of the statistics service. Warnings go to TOPICS.statisticsWarning keyed by agency code, annual
 * reports to TOPICS.statisticsReport keyed by agency code. Every body below is the CloudEvent `data`.
 */
export const STATISTICS_EVENT_SOURCE = '/lep/statistics';

export const STATISTICS_EVENT_TYPES = {
  warningRaised: 'cn.lep.statistics.warning.raised.v1',
  /** The same warning got worse: a deadline that was near has now passed. */
  warningEscalated: 'cn.lep.statistics.warning.escalated.v1',
  warningCleared: 'cn.lep.statistics.warning.cleared.v1',
  reportPublished: 'cn.lep.statistics.report.published.v1',
} as const;

export const WARNING_KINDS = [
  'disclosure-deadline',
  'review-sla',
  'decision-limit',
  'reviewer-ratio',
  'annual-report',
  'certificate-expiry',
  'calendar-missing',
  'withdrawal-overdue',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const WARNING_KIND_NAMES: Record<WarningKind, string> = {
  'disclosure-deadline': '公示期限预警',
  'review-sla': '法制审核超时',
  'decision-limit': '办案期限预警',
  'reviewer-ratio': '法制审核人员比例不足',
  'annual-report': '统计年报待确认',
  'certificate-expiry': '执法证件即将到期',
  'calendar-missing': '节假日安排缺失',
  'withdrawal-overdue': '撤回逾期未撤下',
};

/** near: the deadline is close; past: it has run out (or the condition already holds). */
export type WarningSeverity = 'near' | 'past';

export interface WarningEventData {
  warningId: string;
  kind: WarningKind;
  /**
   * What the warning is about: decision id, case id (+ review round), agency code, annual report id, personnel
   * id, or `<region>:<year>:<agency>` for a calendar year the agency's deadlines need and the registry lacks.
   */
  subject: string;
  agencyCode: string;
  severity: WarningSeverity;
  state: 'raised' | 'cleared';
  /** Chinese one-line description for supervisors. */
  message: string;
  dueAt?: string;
  at: string;
}

export interface ReportPublishedData {
  reportId: string;
  agencyCode: string;
  agencyName: string;
  year: number;
  /** True when the figures include every agency below this one. */
  rollup: boolean;
  publishedAt: string;
  /** The agency's leader who approved the report for publication (also in approvedBy). */
  confirmedBy: string;
  /** The agency's leader who approved the report for publication. */
  approvedBy?: string;
  /** Who last edited the narrative (情况说明) the platform drafted; null when it is published as drafted. */
  narrativeEditedBy?: string | null;
  /** The report's sections (domain.md §7) and narrative as published. */
  content: unknown;
}
