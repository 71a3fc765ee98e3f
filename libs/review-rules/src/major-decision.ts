import type { DecisionFacts, MajorDecisionVerdict, PartyType, ReviewCatalogVersion } from '@lep/contracts';
import { MEASURE_NAMES } from './draft-facts';

const PARTY_NAMES: Record<PartyType, string> = {
  'natural-person': '自然人',
  'legal-person': '法人',
  'other-organisation': '其他组织',
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
  const threshold = criteria.fineThresholds.find((candidate) => candidate.partyType === facts.partyType);
  if (threshold && facts.fineYuan !== undefined && facts.fineYuan >= threshold.minimumYuan)
    reasons.push(
      `对${PARTY_NAMES[facts.partyType]}罚款 ${facts.fineYuan} 元，达到${catalogName(catalog)}规定的 ${threshold.minimumYuan} 元标准`,
    );
  for (const measure of new Set(facts.measures))
    if (criteria.measures.includes(measure))
      reasons.push(`${MEASURE_NAMES[measure]}属于${catalogName(catalog)}所列情形`);
  return { major: reasons.length > 0, reasons, catalogVersion: catalog.version, catalog: catalog.source };
}

function catalogName(catalog: ReviewCatalogVersion): string {
  return catalog.source === 'platform-default' ? `平台默认目录（第 ${catalog.version} 版）` : '本机关目录';
}

/**
 * The catalogue that applies while an agency has published none of its own (domain.md L3c): nothing is "not
 * major" for want of a catalogue. Its amounts are the strict ends of the local ranges domain.md L3 cites, and it
 * lists every measure local catalogues call major, so an agency without a catalogue reviews more, never less.
 * A change to it is a new version: verdicts name the version they were reached under.
 */
export const PLATFORM_DEFAULT_CATALOG: ReviewCatalogVersion = {
  version: 1,
  source: 'platform-default',
  criteria: {
    fineThresholds: [
      { partyType: 'natural-person', minimumYuan: 10_000 },
      { partyType: 'legal-person', minimumYuan: 50_000 },
      { partyType: 'other-organisation', minimumYuan: 50_000 },
    ],
    measures: [
      'licence-revocation',
      'licence-denial',
      'suspension-of-production',
      'closure',
      'major-coercive-measure',
      'outside-discretion-benchmark',
    ],
  },
};
