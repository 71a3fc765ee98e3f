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

/** The Chinese names of the item categories (an item list import may use them instead of the English ones). */
export const ITEM_CATEGORY_LABELS = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  inspection: '行政检查',
  collection: '行政征收征用',
  confirmation: '行政确认',
  other: '其他行政行为',
} as const satisfies Record<ItemCategory, string>;

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

/** Party types the money thresholds distinguish (local catalogues set different amounts for each). */
export const PARTY_TYPES = ['natural-person', 'legal-person', 'other-organisation'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/** Measures a catalogue can declare major regardless of amount (domain.md L3, local examples). */
export const MAJOR_MEASURES = [
  'licence-revocation',
  'licence-denial',
  'suspension-of-production',
  'closure',
  'major-coercive-measure',
  'outside-discretion-benchmark',
] as const;
export type MajorMeasure = (typeof MAJOR_MEASURES)[number];

export interface FineThreshold {
  partyType: PartyType;
  /** A fine of at least this many yuan makes the decision major. */
  minimumYuan: number;
}

/**
 * The criteria of a major-decision review catalogue (重大执法决定法制审核目录清单), as data: the agency's own amounts
 * and measures. The categories the policy names (public interest, social impact, major rights, hearing, several
 * legal relations) are major under every catalogue and are not the catalogue's to switch off (domain.md L3b).
 */
export interface ReviewCatalogCriteria {
  fineThresholds: FineThreshold[];
  measures: MajorMeasure[];
  /**
   * The agency's legal-review time limit (domain.md L7: a limit is required, its length is the agency's): working
   * days from complete materials, and the one extension the head of the review body may grant. Without it the
   * platform default applies (7 + 3).
   */
  reviewTimeLimit?: ReviewTimeLimit;
}

export interface ReviewTimeLimit {
  workingDays: number;
  extensionWorkingDays: number;
}

export interface ReviewCatalogVersion {
  version: number;
  /** The agency's own published catalogue, or the platform default while it has none (domain.md L3c). */
  source: ReviewCatalogSource;
  criteria: ReviewCatalogCriteria;
}

export type ReviewCatalogSource = 'agency' | 'platform-default';

/** What the case workflow knows about a proposed decision. */
export interface DecisionFacts {
  partyType: PartyType;
  fineYuan?: number;
  measures: MajorMeasure[];
  hearingHeld: boolean;
  multipleLegalRelations: boolean;
  majorPublicInterest: boolean;
  majorSocialImpact: boolean;
  /** 直接关系行政相对人或第三人重大权益: the handler's finding, as the draft cannot show it. */
  majorRightsAffected?: boolean;
}

export interface MajorDecisionVerdict {
  major: boolean;
  /** Every catalogue criterion the decision meets, in Chinese, for the review record. */
  reasons: string[];
  /** The catalogue version the verdict was reached under, recorded with the case. */
  catalogVersion: number;
  /** Whose catalogue it was; absent in verdicts reached before the platform default existed. */
  catalog?: ReviewCatalogSource;
}
