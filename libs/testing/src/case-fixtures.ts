import type { DraftDecisionInput } from '@lep/contracts';

export interface PenaltyDraftOptions {
  /** What the penalty content names before its amount: 罚款 unless told. */
  content?: string;
  /** The facts found, as the handler writes them (they decide what masking finds). */
  facts?: string;
  documentNumber?: string;
  /** Why the handler proposes to keep the decision off the portal (不予公示), none unless told. */
  publicationBlocks?: DraftDecisionInput['publicationBlocks'];
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
    party: { type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' },
    penalty: {
      violationType: '销售不合格产品',
      facts,
      legalBasis: '《中华人民共和国产品质量法》第四十九条',
      penaltyKinds: ['罚款', '没收违法所得'],
      content: `${content}人民币${fineYuan}元`,
      fineYuan,
      validUntil: '2027-12-31',
    },
    facts: {
      partyType: 'natural-person',
      fineYuan,
      measures: [],
      multipleLegalRelations: false,
      majorPublicInterest: false,
      majorSocialImpact: false,
    },
    publicationBlocks,
  };
}
