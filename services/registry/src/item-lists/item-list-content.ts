import type { ReviewCatalogCriteria } from './major-decision';

export const ITEM_CATEGORIES = [
  'licensing',
  'penalty',
  'coercion',
  'inspection',
  'collection',
  'confirmation',
  'other',
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export interface EnforcementItem {
  code: string;
  name: string;
  category: ItemCategory;
  legalBasis: string;
  procedure: string;
  /** 法定办结时限, working days. */
  statutoryWorkingDays: number;
  /** 承诺办结时限, working days, when the agency promises less than the statute. */
  promisedWorkingDays?: number;
  serviceGuide?: string;
}

/** 行政执法事项清单 */
export interface EnforcementItemListContent {
  items: EnforcementItem[];
}

export interface AvRecordingEntry {
  itemCode: string;
  /** Stages that must be recorded on audio-visual media, e.g. on-site inspection, service of documents. */
  stages: string[];
  /** Whether the whole process, not only the listed stages, must be recorded. */
  fullProcess: boolean;
}

/** 音像记录事项清单 */
export interface AvRecordingListContent {
  entries: AvRecordingEntry[];
}

/** 重大执法决定法制审核目录清单 */
export type ReviewCatalogContent = ReviewCatalogCriteria;
