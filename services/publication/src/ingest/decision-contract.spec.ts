import { decisionMadeProblems } from './decision-contract';

const decision = {
  decisionId: 'case-BT-SC-01.兵师市监罚〔2026〕1号-D1',
  caseId: 'case-BT-SC-01.兵师市监罚〔2026〕1号',
  agencyCode: 'BT-SC-01',
  documentNumber: '兵师市监罚〔2026〕1号',
  agencyName: '第一师阿拉尔市市场监督管理局',
  decidedOn: '2026-09-30',
  region: 'national',
  category: 'penalty',
  party: { type: 'legal-person', name: '阿拉尔市塔河食品有限公司' },
  publicationBlocks: [],
  otherPersonNames: [],
};

describe('what makes a decision.made event impossible to disclose', () => {
  it('accepts a decision with known commercial-secret fields and a known coercion kind', () => {
    expect(decisionMadeProblems(decision)).toEqual([]);
    expect(
      decisionMadeProblems({
        ...decision,
        tradeSecretFields: ['penalty.facts'],
        coercion: { kind: 'freeze' },
      }),
    ).toEqual([]);
  });

  it('refuses a commercial-secret field the publisher does not know: its text would be published', () => {
    const [problem] = decisionMadeProblems({ ...decision, tradeSecretFields: ['penalty.formula'] });
    expect(problem).toMatch(/^tradeSecretFields must list fields of penalty\.facts/);
    expect(decisionMadeProblems({ ...decision, tradeSecretFields: 'penalty.facts' })).toHaveLength(1);
  });

  it('refuses an unknown kind of 行政强制', () => {
    expect(decisionMadeProblems({ ...decision, coercion: { kind: 'arrest' } })).toEqual([
      expect.stringMatching(/^coercion\.kind must be one of seal, detain/),
    ]);
  });
});
