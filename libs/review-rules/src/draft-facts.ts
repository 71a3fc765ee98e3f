import type { CaseParty, DecisionFacts, MajorMeasure, PartyType } from '@lep/contracts';

/** What of a draft decision the majorness rules read: the decision itself and the handler's declared facts. */
export interface DraftUnderReview {
  party: Pick<CaseParty, 'type'>;
  penalty?: { penaltyKinds: string[]; fineYuan?: number };
  licensing?: { granted: boolean };
  facts: Omit<DecisionFacts, 'hearingHeld' | 'partyKind' | 'itemCode'>;
}

/** A declared fact the draft itself contradicts (domain.md L3a), named by its field. */
export interface FactContradiction {
  field: string;
  rule: 'factsMatchDraft';
  message: string;
}

/**
 * Sanctions whose names mark a catalogue measure. Penalty kinds are free text in the agency's own words, so the
 * statutory names are matched as parts of it (吊销许可证件, 吊销营业执照 and 吊销食品经营许可证 are all revocations).
 */
const MEASURE_MARKERS: readonly { marker: string; measure: MajorMeasure }[] = [
  { marker: '吊销', measure: 'licence-revocation' },
  { marker: '停产停业', measure: 'suspension-of-production' },
  { marker: '责令关闭', measure: 'closure' },
];

/**
 * The party type the thresholds are read for: an individual business (个体工商户) is a natural person engaged in
 * business (民法典 art. 54), so a natural person's threshold applies to it.
 */
export function thresholdPartyType(type: CaseParty['type']): PartyType {
  return type === 'individual-business' ? 'natural-person' : type;
}

/** Catalogue measures the decision itself imposes, whatever the handler declared. */
export function measuresDecided(draft: Pick<DraftUnderReview, 'penalty' | 'licensing'>): MajorMeasure[] {
  const measures = new Set<MajorMeasure>();
  for (const kind of draft.penalty?.penaltyKinds ?? [])
    for (const { marker, measure } of MEASURE_MARKERS) if (kind.includes(marker)) measures.add(measure);
  if (draft.licensing && !draft.licensing.granted) measures.add('licence-denial');
  return [...measures];
}

/**
 * The facts the review catalogue judges, taken from the draft and the case wherever they decide them (party,
 * fine, sanctions, denial, the enforcement item) and from the handler's declaration only for what a draft cannot
 * show (several legal relations, public interest, social impact, measures outside the draft such as a major
 * coercive measure, the catalogue's other rules).
 */
export function factsFromDraft(
  draft: DraftUnderReview,
  hearingHeld: boolean,
  itemCode?: string,
): DecisionFacts {
  return {
    partyType: thresholdPartyType(draft.party.type),
    ...(draft.party.type === 'individual-business' ? { partyKind: draft.party.type } : {}),
    ...(itemCode === undefined ? {} : { itemCode }),
    ...(draft.facts.otherRuleIds?.length ? { otherRuleIds: draft.facts.otherRuleIds } : {}),
    fineYuan: draft.penalty?.fineYuan,
    measures: [...new Set([...draft.facts.measures, ...measuresDecided(draft)])],
    hearingHeld,
    multipleLegalRelations: draft.facts.multipleLegalRelations,
    majorPublicInterest: draft.facts.majorPublicInterest,
    majorSocialImpact: draft.facts.majorSocialImpact,
    majorRightsAffected: draft.facts.majorRightsAffected ?? false,
  };
}

/** Where the declared facts say something other than the draft decides (domain.md L3a); empty when they agree. */
export function contradictionsWithDraft(draft: DraftUnderReview): FactContradiction[] {
  const found: FactContradiction[] = [];
  const partyType = thresholdPartyType(draft.party.type);
  if (draft.facts.partyType !== partyType)
    found.push({
      field: 'facts.partyType',
      rule: 'factsMatchDraft',
      message: `facts.partyType 为 ${draft.facts.partyType}，与决定书草案的当事人类型（${partyType}）不一致`,
    });
  const fine = draft.penalty?.fineYuan;
  if (draft.facts.fineYuan !== undefined && draft.facts.fineYuan !== fine)
    found.push({
      field: 'facts.fineYuan',
      rule: 'factsMatchDraft',
      message:
        fine === undefined
          ? `facts.fineYuan 为 ${draft.facts.fineYuan} 元，但决定书草案未处以罚款`
          : `facts.fineYuan 为 ${draft.facts.fineYuan} 元，与决定书草案的罚款金额 ${fine} 元不一致`,
    });
  for (const measure of measuresDecided(draft))
    if (!draft.facts.measures.includes(measure))
      found.push({
        field: 'facts.measures',
        rule: 'factsMatchDraft',
        message: `决定书草案作出了${MEASURE_NAMES[measure]}，facts.measures 须包含 ${measure}`,
      });
  return found;
}

export const MEASURE_NAMES: Record<MajorMeasure, string> = {
  'licence-revocation': '吊销许可证件',
  'licence-denial': '不予行政许可',
  'suspension-of-production': '责令停产停业',
  closure: '责令关闭',
  'major-coercive-measure': '重大行政强制措施',
  'outside-discretion-benchmark': '超出裁量基准从轻或从重处罚',
};
