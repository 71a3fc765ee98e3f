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
