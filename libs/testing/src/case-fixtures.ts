import type { CaseParty, CoercionMeasureInput, DecisionFacts, DraftDecisionInput } from '@lep/contracts';

/** The natural person the fixtures' cases are about. */
export const PARTY_ZHANG_SAN: CaseParty = {
  type: 'natural-person',
  name: '张三',
  idType: '居民身份证',
  idNumber: '11010519491231002X',
};

export interface PenaltyDraftOptions {
  /** What the penalty content names before its amount: 罚款 unless told. */
  content?: string;
  /** The facts found, as the handler writes them (they decide what masking finds). */
  facts?: string;
  documentNumber?: string;
  /** Why the handler proposes to keep the decision off the portal (不予公示), none unless told. */
  publicationBlocks?: DraftDecisionInput['publicationBlocks'];
}

/**
 * A draft's facts in which the review catalogue finds nothing major by itself: no coercive measure, one legal
 * relation, no major public interest or social impact (whether the fine is major is the catalogue's threshold).
 */
export function ordinaryFacts(
  partyType: DecisionFacts['partyType'],
  fineYuan?: number,
): DraftDecisionInput['facts'] {
  return {
    partyType,
    ...(fineYuan === undefined ? {} : { fineYuan }),
    measures: [],
    multipleLegalRelations: false,
    majorPublicInterest: false,
    majorSocialImpact: false,
  };
}

/** A penalty draft as handlers submit it (without who submits it and the request id): one copy for every suite. */
export function penaltyDraft(
  fineYuan: number,
  options: PenaltyDraftOptions = {},
): Omit<DraftDecisionInput, 'requestId' | 'actor'> {
  const {
    content = '罚款',
    facts = '当事人张三（住址：阿拉尔市幸福路1号）销售不合格电热水壶20台，证人李四作证。',
    documentNumber = '阿市监罚〔2026〕12号',
    publicationBlocks = [],
  } = options;
  return {
    documentNumber,
    party: PARTY_ZHANG_SAN,
    penalty: {
      violationType: '销售不合格产品',
      facts,
      legalBasis: '《中华人民共和国产品质量法》第四十九条',
      penaltyKinds: ['罚款', '没收违法所得'],
      content: `${content}人民币${fineYuan}元`,
      fineYuan,
      validUntil: '2027-12-31',
    },
    facts: ordinaryFacts('natural-person', fineYuan),
    publicationBlocks,
  };
}

export interface FreezeMeasureOptions {
  documentNumber: string;
  /** The date on the measure's 决定书 (YYYY-MM-DD). */
  decidedOn: string;
  /** The deposit frozen, as the decision states it: 500万元 unless told. */
  amount?: string;
  /** The handling unit's reason for finding the measure major (domain.md L3d, P13b); not major unless given. */
  majorReason?: string;
  /** 情况紧急，当场实施 (domain.md P13b). */
  urgent?: boolean;
}

/**
 * A 冻结存款 measure (行政强制法 art. 29) as its decision states it, without who takes it and the request id: one
 * copy for every suite. A 冻结 is outside the full-process AV list (R4), so no recording is needed to take it.
 */
export function freezeMeasure(
  options: FreezeMeasureOptions,
): Omit<CoercionMeasureInput, 'requestId' | 'actor'> {
  const { documentNumber, decidedOn, amount = '500万', majorReason, urgent } = options;
  return {
    documentNumber,
    party: PARTY_ZHANG_SAN,
    coercion: { kind: 'freeze' },
    other: {
      title: '冻结存款决定',
      content: `冻结当事人在某银行的存款人民币${amount}元，期限30日。`,
      legalBasis: '《中华人民共和国行政强制法》第二十九条',
    },
    decidedOn,
    publicationBlocks: [],
    ...(majorReason ? { majorByUnit: { reason: majorReason } } : {}),
    ...(urgent ? { urgent } : {}),
  };
}
