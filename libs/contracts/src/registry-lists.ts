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
  /** 受理机构: the office that takes applications or complaints (service guide, S二(二)3 事前). */
  acceptingBody?: string;
  /** 审批机构: the body that decides (service guide, S二(二)3 事前). */
  approvingBody?: string;
  /** 服务指南: materials, steps and fees, as the public reads them. */
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

/**
 * Party kinds a catalogue may set its own amount for: the three types, and the individual business (个体工商户),
 * which some local catalogues treat apart; without its own amount it is held to the natural person's (民法典 art. 54).
 */
export const THRESHOLD_PARTY_KINDS = [...PARTY_TYPES, 'individual-business'] as const;
export type ThresholdPartyKind = (typeof THRESHOLD_PARTY_KINDS)[number];

export interface FineThreshold {
  partyType: ThresholdPartyKind;
  /** A fine of at least this many yuan makes the decision major. */
  minimumYuan: number;
}

/** An enforcement item every decision of which the catalogue makes major (目录按执法事项列举的情形). */
export interface CatalogItemRule {
  itemCode: string;
  /** The item's name as the catalogue lists it, for the verdict's reason. */
  itemName: string;
}

/**
 * 法律法规规章规定的其他情形: a case the catalogue describes in words with its legal source. The platform cannot
 * compute it; the handler names it in the draft's facts by its id, and the verdict cites the text and the source.
 */
export interface CatalogOtherRule {
  id: string;
  description: string;
  legalSource: string;
}

/**
 * The criteria of a major-decision review catalogue (重大执法决定法制审核目录清单), as data: the agency's own amounts
 * and measures. The categories the policy names (public interest, social impact, major rights, hearing, several
 * legal relations) are major under every catalogue and are not the catalogue's to switch off (domain.md L3b).
 */
export interface ReviewCatalogCriteria {
  fineThresholds: FineThreshold[];
  measures: MajorMeasure[];
  /** Items every decision of which is major, whatever its amount (absent: none). */
  items?: CatalogItemRule[];
  /** The catalogue's other cases in words, each with its legal source (absent: none). */
  otherRules?: CatalogOtherRule[];
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
  /** The party's own kind where it differs from its threshold type (an individual business). */
  partyKind?: ThresholdPartyKind;
  /** The case's enforcement item, which the catalogue may list (absent in verdicts reached before items counted). */
  itemCode?: string;
  /** Ids of the catalogue's other rules (CatalogOtherRule) the handler finds the case meets. */
  otherRuleIds?: string[];
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

/** One handler named on a filing, as the registry judges them for the agency, the item and the day. */
export interface FilingHandlerStanding {
  personnelId: string;
  /** False when the registry has no such person. */
  registered: boolean;
  allowed: boolean;
  /** Why not (Chinese); empty when allowed. */
  reasons: string[];
}

/**
 * Everything 立案 needs from the registry, read in one snapshot (GET /api/v1/agencies/{code}/filing-facts): the
 * agency, the item as the enforcement item list in force has it, each handler's standing, the item's audio-visual
 * recording duty and the agency's review time limit. The case decides with them (domain.md P6).
 */
export interface FilingFacts {
  agency: {
    code: string;
    name: string;
    unifiedSocialCreditCode: string;
    region: string;
    legalReviewBody: { name: string; agencyCode: string };
  };
  /** Null when the list in force does not hold the item, or no list is in force. */
  item: EnforcementItem | null;
  handlers: FilingHandlerStanding[];
  /** The AV recording list's entry for the item, null when the list (or the entry) is absent. */
  av: AvRecordingEntry | null;
  /** The review catalogue's time limit, null when the catalogue sets none or there is no catalogue. */
  reviewTimeLimit: ReviewTimeLimit | null;
}
