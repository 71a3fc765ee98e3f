import type {
  DecisionFacts,
  FineThreshold,
  MajorDecisionVerdict,
  ReviewCatalogVersion,
  ThresholdPartyKind,
} from '@lep/contracts';
import { MEASURE_NAMES } from './draft-facts';

const PARTY_NAMES: Record<ThresholdPartyKind, string> = {
  'natural-person': '自然人',
  'legal-person': '法人',
  'other-organisation': '其他组织',
  'individual-business': '个体工商户',
};

/**
 * Whether a decision needs legal review under one catalogue version, and why. The categories the policy itself
 * names are major under every catalogue (domain.md L3b); the catalogue adds the agency's amounts and measures.
 */
export function isMajorDecision(catalog: ReviewCatalogVersion, facts: DecisionFacts): MajorDecisionVerdict {
  const { criteria } = catalog;
  const reasons: string[] = [];
  if (facts.majorPublicInterest) reasons.push('涉及重大公共利益');
  if (facts.majorSocialImpact) reasons.push('可能造成重大社会影响或引发社会风险');
  if (facts.majorRightsAffected) reasons.push('直接关系行政相对人或第三人重大权益');
  if (facts.hearingHeld) reasons.push('经过听证程序作出');
  if (facts.multipleLegalRelations) reasons.push('案件情况疑难复杂、涉及多个法律关系');
  const threshold = thresholdFor(criteria.fineThresholds, facts);
  if (threshold && facts.fineYuan !== undefined && facts.fineYuan >= threshold.minimumYuan)
    reasons.push(
      `对${PARTY_NAMES[threshold.partyType]}罚款 ${facts.fineYuan} 元，达到${catalogName(catalog)}规定的 ${threshold.minimumYuan} 元标准`,
    );
  for (const measure of new Set(facts.measures))
    if (criteria.measures.includes(measure))
      reasons.push(`${MEASURE_NAMES[measure]}属于${catalogName(catalog)}所列情形`);
  const item = criteria.items?.find((candidate) => candidate.itemCode === facts.itemCode);
  if (item)
    reasons.push(`执法事项「${item.itemName}」（${item.itemCode}）属于${catalogName(catalog)}所列事项`);
  for (const id of new Set(facts.otherRuleIds ?? [])) {
    const rule = criteria.otherRules?.find((candidate) => candidate.id === id);
    // A rule the catalogue does not hold is still the handler's finding that the case is major: reviewed, never
    // dropped (domain.md L3e).
    reasons.push(
      rule
        ? `${rule.description}（依据：${rule.legalSource}；${catalogName(catalog)}其他情形 ${rule.id}）`
        : `承办人员认定属于其他情形 ${id}，${catalogName(catalog)}未列该情形，按重大执法决定审核`,
    );
  }
  return { major: reasons.length > 0, reasons, catalogVersion: catalog.version, catalog: catalog.source };
}

/** The amount for the party's own kind where the catalogue sets one (an individual business), else its type's. */
function thresholdFor(thresholds: FineThreshold[], facts: DecisionFacts): FineThreshold | undefined {
  const own = facts.partyKind && thresholds.find((candidate) => candidate.partyType === facts.partyKind);
  return own || thresholds.find((candidate) => candidate.partyType === facts.partyType);
}

function catalogName(catalog: ReviewCatalogVersion): string {
  return catalog.source === 'platform-default' ? `平台默认目录（第 ${catalog.version} 版）` : '本机关目录';
}
