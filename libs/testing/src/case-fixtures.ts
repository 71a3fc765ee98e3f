import type { DraftDecisionInput } from '@lep/contracts';

/** A penalty draft as handlers submit it (without who submits it and the request id): one copy for every suite. */
export function penaltyDraft(
  fineYuan: number,
  content = '罚款',
): Omit<DraftDecisionInput, 'requestId' | 'actor'> {
  return {
    documentNumber: '阿市监罚〔2026〕12号',
    party: { type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' },
    penalty: {
      violationType: '销售不合格产品',
      facts: '当事人张三（住址：阿拉尔市幸福路1号）销售不合格电热水壶20台，证人李四作证。',
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
    publicationBlocks: [],
  };
}
