import type {
  DecisionFacts,
  MajorDecisionVerdict,
  MajorMeasure,
  PartyType,
  ReviewCatalogVersion,
} from '@lep/contracts';

const PARTY_NAMES: Record<PartyType, string> = {
  'natural-person': '自然人',
  'legal-person': '法人',
  'other-organisation': '其他组织',
};

const MEASURE_NAMES: Record<MajorMeasure, string> = {
  'licence-revocation': '吊销许可证件',
  'licence-denial': '不予行政许可',
  'suspension-of-production': '责令停产停业',
  closure: '责令关闭',
  'major-coercive-measure': '重大行政强制措施',
  'outside-discretion-benchmark': '超出裁量基准从轻或从重处罚',
};

/** Whether a decision needs legal review under one catalogue version (domain.md L3), and why. */
export function isMajorDecision(catalog: ReviewCatalogVersion, facts: DecisionFacts): MajorDecisionVerdict {
  const { criteria } = catalog;
  const reasons: string[] = [];
  const threshold = criteria.fineThresholds.find((candidate) => candidate.partyType === facts.partyType);
  if (threshold && facts.fineYuan !== undefined && facts.fineYuan >= threshold.minimumYuan)
    reasons.push(
      `对${PARTY_NAMES[facts.partyType]}罚款 ${facts.fineYuan} 元，达到 ${threshold.minimumYuan} 元的标准`,
    );
  for (const measure of new Set(facts.measures))
    if (criteria.measures.includes(measure)) reasons.push(`${MEASURE_NAMES[measure]}属于目录所列情形`);
  if (criteria.hearingHeldIsMajor && facts.hearingHeld) reasons.push('经过听证程序');
  if (criteria.multipleLegalRelationsIsMajor && facts.multipleLegalRelations)
    reasons.push('案件情况复杂、涉及多个法律关系');
  if (criteria.majorPublicInterestIsMajor && facts.majorPublicInterest) reasons.push('涉及重大公共利益');
  if (criteria.majorSocialImpactIsMajor && facts.majorSocialImpact)
    reasons.push('可能造成重大社会影响或引发社会风险');
  return { major: reasons.length > 0, reasons, catalogVersion: catalog.version };
}
