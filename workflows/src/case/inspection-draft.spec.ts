import { CASE_ERROR_CODES, type DraftDecisionInput } from '@lep/contracts';
import { inspectionDraftViolation } from './inspection-draft';

const other = {
  other: { title: '检查结论', content: '未发现问题', legalBasis: '《食品安全法》第一百一十条' },
};
const inspection = { inspection: {} } as Pick<DraftDecisionInput, 'inspection' | 'other'>;

describe('the draft of an inspection case (domain.md P14)', () => {
  it('is refused as `other` in an inspection case, naming the field', () => {
    expect(inspectionDraftViolation('inspection', other, undefined)).toEqual({
      code: CASE_ERROR_CODES.decisionKindMismatch,
      message:
        '行政检查案件的决定草案须填写行政检查结果（inspection），不能作为其他行政执法决定（other）提交',
      field: 'other',
    });
    // A case drafted as a 行政检查结果 does not turn into `other` when revised either.
    expect(inspectionDraftViolation('inspection', other, inspection)).toMatchObject({ field: 'other' });
  });

  it('keeps `other` for a case drafted so before the rule, and for the other categories', () => {
    expect(inspectionDraftViolation('inspection', other, other)).toBeUndefined();
    for (const category of ['penalty', 'licensing', 'coercion', 'other', null] as const)
      expect(inspectionDraftViolation(category, other, undefined)).toBeUndefined();
    expect(inspectionDraftViolation('inspection', inspection, undefined)).toBeUndefined();
  });
});
