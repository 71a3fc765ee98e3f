import type { DecisionMadeData, InspectionDecisionDetails } from '@lep/contracts';
import { decisionMadeProblems } from '../ingest/decision-contract';
import { buildPublicRecord } from './public-record';

const OPTIONS = { namePolicy: 'surname-mou' as const, displayUntil: '2027-12-31' };

const inspection: InspectionDecisionDetails = {
  matter: '对食品经营者经营活动的监督检查',
  legalBasis: '《中华人民共和国食品安全法》第一百一十条',
  inspectedOn: '2026-11-20',
  method: 'on-site',
  outcome: 'ordered-correction',
  findings:
    '执法人员对李建军经营的早餐店（住址新疆石河子市北泉镇幸福路12号3栋2单元401室）进行现场检查，' +
    '发现后厨未落实清洗消毒制度；店员王小红（手机13899012345）在场。',
  handling: '当场下达责令改正通知书，责令李建军于2026年11月27日前改正，复查已改正。',
};

const decision = (overrides: Partial<DecisionMadeData> = {}): DecisionMadeData => ({
  caseId: 'case-BT-SC-01.兵师市监检〔2026〕3号',
  agencyCode: 'BT-SC-01',
  caseNumber: '兵师市监检〔2026〕3号',
  category: 'inspection',
  itemCode: 'JC-001',
  decisionId: 'case-BT-SC-01.兵师市监检〔2026〕3号-D1',
  documentNumber: '兵师市监检〔2026〕3号',
  decidedOn: '2026-11-27',
  decidedAt: '2026-11-27T03:00:00.000Z',
  agencyName: '第八师石河子市市场监督管理局',
  agencyCreditCode: '11659001MB1234567X',
  region: 'national',
  major: false,
  party: { type: 'natural-person', name: '李建军', idType: '居民身份证', idNumber: '650102198001011234' },
  otherPersonNames: ['王小红'],
  inspection,
  publicationBlocks: [],
  draftHash: 'sha256-x',
  ...overrides,
});

describe('public record of a 行政检查结果 (domain.md P14)', () => {
  it('shows a natural-person target as 姓+某 and masks the texts as a 双随机 finding is masked', () => {
    const { record } = buildPublicRecord(decision(), OPTIONS);
    expect(record.party).toEqual({ name: '李某', category: '自然人' });
    const { findings, handling } = record.inspection!;
    expect(findings).toContain('李某经营的早餐店');
    expect(findings).toContain('王某');
    expect(findings).toContain('后厨未落实清洗消毒制度');
    expect(handling).toContain('责令李某于2026年11月27日前改正');
    const published = JSON.stringify(record);
    for (const hidden of ['李建军', '王小红', '13899012345', '幸福路12号', '650102198001011234'])
      expect(published).not.toContain(hidden);
  });

  it('names method and outcome in Chinese, with the item as 检查事项 and the plain fields as given', () => {
    const { record } = buildPublicRecord(decision(), OPTIONS);
    expect(record.inspection).toEqual({
      matter: '对食品经营者经营活动的监督检查',
      legalBasis: '《中华人民共和国食品安全法》第一百一十条',
      inspectedOn: '2026-11-20',
      method: '现场检查',
      outcome: '发现问题，责令改正',
      findings: expect.any(String),
      handling: expect.any(String),
    });
    expect(record.category).toBe('inspection');
    expect(record).not.toHaveProperty('other');
  });

  it('keeps an organisation’s name and code, names the 双随机 plan, and keeps back a 处理情况 marked secret', () => {
    const planId = '6f1c2b9e-4a57-4c1e-9b7a-0d3f5e2a8c11';
    const { record } = buildPublicRecord(
      decision({
        party: { type: 'legal-person', name: '石河子市天山乳业有限公司', creditCode: '91659001MA77XQ1P3L' },
        otherPersonNames: [],
        inspection: {
          ...inspection,
          findings: '抽查其配方奶粉生产线，发现原料验收记录不全。',
          handling: '责令改正，涉及其配方工艺参数。',
          randomInspectionPlanId: planId,
        },
        tradeSecretFields: ['inspection.handling'],
      }),
      OPTIONS,
    );
    expect(record.party).toMatchObject({
      name: '石河子市天山乳业有限公司',
      creditCode: '91659001MA77XQ1P3L',
    });
    expect(record.inspection).toMatchObject({
      findings: '抽查其配方奶粉生产线，发现原料验收记录不全。',
      handling: '涉及商业秘密，依法不予公开',
      randomInspectionPlanId: planId,
    });
    expect(JSON.stringify(record)).not.toContain('配方工艺参数');
    expect(record.withheldFields).toEqual([
      { field: 'inspection.handling', label: '处理情况', reason: '涉及商业秘密，依法不予公开' },
    ]);
  });

  it('is disclosable only with a method, an outcome and a date the portal can show', () => {
    expect(decisionMadeProblems(decision())).toEqual([]);
    expect(
      decisionMadeProblems(
        decision({
          inspection: {
            ...inspection,
            method: 'telepathy',
            outcome: 'fine',
            inspectedOn: '2026-13-01',
          } as never,
        }),
      ),
    ).toEqual([
      expect.stringContaining('inspection.method must be one of on-site'),
      expect.stringContaining('inspection.outcome must be one of no-problem'),
      'inspection.inspectedOn must be a calendar date YYYY-MM-DD',
    ]);
    expect(decisionMadeProblems(decision({ inspection: { ...inspection, findings: ' ' } }))).toEqual([
      'inspection.findings must be a non-empty string',
    ]);
  });
});
