/**
 * Double-random inspection events (双随机、一公开) on TOPICS.registryInspection, keyed by plan id, source
 * REGISTRY_EVENT_SOURCE. The plan is disclosed before it runs. A draw is announced at once but only as a
 * commitment (hash of the pools and of the seed): naming the targets before the inspection would warn them.
 * With the results the seed, pools and assignments are revealed, so anyone can re-run the draw and check it
 * against the commitment announced earlier; a voided draw is announced with its reason, so none vanishes.
 * Inspectors appear with name and certificate number only (already pre-disclosed); never personal ID numbers.
 */
export const INSPECTION_EVENT_TYPES = {
  planDisclosed: 'cn.lep.registry.inspection.plan-disclosed.v1',
  drawMade: 'cn.lep.registry.inspection.draw-made.v1',
  drawVoided: 'cn.lep.registry.inspection.draw-voided.v1',
  resultsPublished: 'cn.lep.registry.inspection.results-published.v1',
} as const;

export interface InspectionPlanDisclosedData {
  planId: string;
  agencyCode: string;
  /** 抽查事项 */
  subject: string;
  /** 抽查依据 */
  basis: string;
  /** 抽查范围 */
  scope: string;
  /** Only targets of this category are drawn; null: the whole target list. */
  targetCategory: string | null;
  targetCount: number;
  inspectorsPerTarget: number;
  plannedStart: string;
  plannedEnd: string;
}

/** 行政相对人类别 of an inspection target (the party types of a case). */
export const INSPECTION_TARGET_PARTY_TYPES = [
  'natural-person',
  'individual-business',
  'legal-person',
  'other-organisation',
] as const;
export type InspectionTargetPartyType = (typeof INSPECTION_TARGET_PARTY_TYPES)[number];

export interface InspectionDrawPools {
  targets: string[];
  inspectors: string[];
  relations: { inspectorId: string; targetCode: string }[];
}

export interface InspectionDrawMadeData {
  planId: string;
  drawId: string;
  agencyCode: string;
  /** The day certificates were checked on (YYYY-MM-DD, China time). */
  drawDay: string;
  /** SHA-256 (hex) of the canonical JSON of the pools drawn from. */
  poolsHash: string;
  /** SHA-256 (hex) of the seed's bytes: the seed itself is revealed with the results. */
  seedCommitment: string;
  drawnAt: string;
}

export interface InspectionDrawVoidedData {
  planId: string;
  drawId: string;
  agencyCode: string;
  reason: string;
  voidedAt: string;
}

export interface InspectionResultsPublishedData {
  planId: string;
  drawId: string;
  agencyCode: string;
  /** 256-bit seed in hex; SHA-256 of its bytes is the draw's seedCommitment. */
  seed: string;
  /** The pools as drawn from; their canonical hash is the draw's poolsHash. */
  pools: InspectionDrawPools;
  results: {
    /**
     * partyType says whether the target is a natural person, whose name and personal data the publisher masks
     * before the result reaches the portal (domain.md §4); absent in events from before the registry kept it.
     */
    target: { code: string; name: string; partyType?: InspectionTargetPartyType };
    inspectors: { personnelId: string; name: string; certificateNumber: string }[];
    /** no-problem (未发现问题), problem-found (发现问题), target-not-found (未找到检查对象). */
    outcome: string;
    findings: string;
    inspectedOn: string;
  }[];
  publishedAt: string;
}
