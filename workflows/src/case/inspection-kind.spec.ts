import { CASE_ERROR_CODES, type CaseState, type DraftDecisionInput } from '@lep/contracts';
import { inspectionDateViolation, inspectionResult, inspectionViolation } from './decision-kinds';

const state = (category: CaseState['category']) => ({ category }) as CaseState;

const draft = {
  inspection: {
    legalBasis: '《中华人民共和国食品安全法》第一百一十条',
    inspectedOn: '2026-11-20',
    method: 'on-site',
    outcome: 'ordered-correction',
    findings: '后厨未落实清洗消毒制度',
    handling: '当场责令改正，已复查',
  },
} as DraftDecisionInput;

describe('行政检查结果 as a decision kind (domain.md P14)', () => {
  it('is a decision of an inspection case only', () => {
    expect(inspectionViolation(state('inspection'), draft)).toBeUndefined();
    for (const category of ['penalty', 'licensing', 'coercion', 'other'] as const)
      expect(inspectionViolation(state(category), draft)).toMatchObject({
        code: CASE_ERROR_CODES.decisionKindMismatch,
      });
  });

  it('leaves drafts without a 行政检查 result alone, in any case', () => {
    const other = { other: { title: 't', content: 'c', legalBasis: 'b' } } as DraftDecisionInput;
    expect(inspectionViolation(state('penalty'), other)).toBeUndefined();
    expect(inspectionViolation(state('inspection'), other)).toBeUndefined();
    expect(inspectionDateViolation(other, '2000-01-01')).toBeUndefined();
    expect(inspectionResult(other, '食品经营检查')).toBeUndefined();
  });

  it('refuses a 检查日期 after the decision date, naming both dates', () => {
    expect(inspectionDateViolation(draft, '2026-11-20')).toBeUndefined();
    expect(inspectionDateViolation(draft, '2026-12-01')).toBeUndefined();
    expect(inspectionDateViolation(draft, '2026-11-19')).toEqual({
      code: CASE_ERROR_CODES.decisionDateInvalid,
      message: '检查日期（2026-11-20）不能晚于决定日期（2026-11-19）',
    });
  });

  it("names the case's item as 检查事项, whatever the draft says", () => {
    const claimed = {
      inspection: { ...draft.inspection, matter: '别的事项' },
    } as unknown as DraftDecisionInput;
    expect(inspectionResult(claimed, '食品经营许可事项检查')).toEqual({
      ...draft.inspection,
      matter: '食品经营许可事项检查',
    });
  });
});
