/**
 * Events the registry writes. Disclosure events (事前公开) go to TOPICS.registryDisclosure keyed by agency code;
 * a newer event for the same subject replaces the older one on the portal. They never carry personal ID numbers.
 */
export const REGISTRY_EVENT_SOURCE = '/lep/registry';

export const REGISTRY_EVENT_TYPES = {
  agencyChanged: 'cn.lep.registry.agency.changed.v1',
  personnelChanged: 'cn.lep.registry.personnel.changed.v1',
  itemListPublished: 'cn.lep.registry.item-list.published.v1',
  reviewerRatioBelowThreshold: 'cn.lep.registry.reviewer-ratio.below-threshold.v1',
  reviewerRatioRestored: 'cn.lep.registry.reviewer-ratio.restored.v1',
  /** On TOPICS.registryCalendar: a year of the working-day calendar was loaded or replaced. */
  calendarYearChanged: 'cn.lep.registry.calendar.year-changed.v1',
} as const;

export interface AgencyChangedData {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  unifiedSocialCreditCode: string;
  legalBasis: string;
  dutiesAndPowers: string;
  region: string;
  legalReviewBody: { name: string; agencyCode: string };
  /** A justice bureau (司法行政机关); absent in events published before the registry recorded it. */
  justiceBureau?: boolean;
  /**
   * 事前公开 of the remedies a party has (N118; domain.md P5): where to apply for 行政复议 and bring 行政诉讼. Null
   * while the agency has not filled it in; absent in events published before the registry recorded it.
   */
  remedyChannels?: string | null;
  /** 监督方式: who supervises the agency's enforcement and how (domain.md P5). */
  supervisionMethods?: string | null;
  /** 投诉举报: telephone, address, website or mailbox for complaints and reports (S二(二)3 事中, P5). */
  complaintChannels?: string | null;
  /** True when the agency was removed from the register; the portal withdraws its entry. */
  removed: boolean;
}

export interface PersonnelChangedData {
  personnelId: string;
  name: string;
  agencyCode: string;
  certificateNumber: string;
  certificateIssuedOn: string;
  certificateExpiresOn: string;
  status: string;
  /** 执法区域/执法类别 printed on the certificate. */
  scope: string;
}

export interface ItemListPublishedData {
  agencyCode: string;
  kind: string;
  version: number;
  publishedAt: string;
  content: unknown;
  /**
   * The legal review that let this version be published: an enforcement item list is published only after the
   * agency's legal review body (法制机构) has reviewed it (S二(二)3 事前; domain.md P5). Absent for lists the
   * rule does not cover (AV list, review catalogue) and for versions published before the review step existed.
   */
  review?: ItemListReview;
}

/** Who submitted a list version for review and who, in which review body, approved it. */
export interface ItemListReview {
  submissionId: string;
  submittedBy: string;
  submittedAt: string;
  reviewBody: { name: string; agencyCode: string };
  reviewedBy: string;
  reviewedAt: string;
  opinion: string | null;
}

export interface ReviewerRatioData {
  agencyCode: string;
  legalReviewers: number;
  enforcementOfficers: number;
  ratio: number | null;
  threshold: number;
}

/**
 * A year of one calendar layer as it now stands. Consumers drop their cached calendar and count again every
 * deadline that was provisional for want of this layer and year.
 */
export interface CalendarYearChangedData {
  region: string;
  year: number;
  /** 1 when the year was first loaded; each replacement adds one. */
  revision: number;
  daysOff: string[];
  makeUpWorkingDays: string[];
  source: { title: string; number: string | null; issuedOn: string | null; confidence: string };
  loadedBy: string;
  loadedAt: string;
}
