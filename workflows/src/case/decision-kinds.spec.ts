import { CASE_ERROR_CODES, type CaseStage, type CaseState, type DraftDecisionInput } from '@lep/contracts';
import { coercionMeasureViolation, noPenaltyViolation } from './decision-kinds';

function caseState(overrides: Partial<CaseState> = {}): CaseState {
  return {
    caseId: 'case-BT01.1',
    agencyCode: 'BT01',
    caseNumber: '1',
    itemCode: 'P-001',
    category: 'penalty',
    title: 't',
    status: 'open',
    refusalReasons: [],
    stage: 'investigating',
    handlerIds: ['h1', 'h2'],
    major: false,
    majorReasons: [],
    reviewRounds: [],
    deadlines: [],
    overdue: false,
    evidence: [],
    missingAv: [],
    recordEntries: 3,
    ...overrides,
  };
}

const noPenaltyDraft = {
  noPenalty: {
    ground: 'no-fault',
    violationType: 'v',
    facts: 'f',
    legalBasis: '《中华人民共和国行政处罚法》第三十三条第二款',
    reason: 'r',
  },
} as DraftDecisionInput;

describe('不予行政处罚 (domain.md P12)', () => {
  it('is a decision of a penalty case only', () => {
    expect(noPenaltyViolation(caseState(), noPenaltyDraft)).toBeUndefined();
    expect(noPenaltyViolation(caseState({ category: 'licensing' }), noPenaltyDraft)).toMatchObject({
      code: CASE_ERROR_CODES.decisionKindMismatch,
    });
    expect(
      noPenaltyViolation(caseState({ category: 'licensing' }), {} as DraftDecisionInput),
    ).toBeUndefined();
  });
});

describe('行政强制 inside a case (domain.md P13)', () => {
  const at = (stage: CaseStage, overrides: Partial<CaseState> = {}) => caseState({ stage, ...overrides });

  it('takes measures (查封、扣押、冻结) before the decision, executions after it', () => {
    for (const stage of ['investigating', 'drafting', 'notified', 'hearing', 'legal-review'] as const) {
      expect(coercionMeasureViolation(at(stage), 'seal')).toBeUndefined();
      expect(coercionMeasureViolation(at(stage), 'surcharge')).toMatchObject({
        code: CASE_ERROR_CODES.wrongStage,
      });
    }
    for (const stage of ['decided', 'served', 'executed'] as const) {
      expect(coercionMeasureViolation(at(stage), 'substitute')).toBeUndefined();
      expect(coercionMeasureViolation(at(stage), 'court-application')).toBeUndefined();
      expect(coercionMeasureViolation(at(stage), 'detain')).toMatchObject({
        code: CASE_ERROR_CODES.wrongStage,
      });
    }
  });

  it('refuses a closed case and a coercion case, whose own decision is the coercion', () => {
    expect(coercionMeasureViolation(at('closed'), 'surcharge')).toMatchObject({
      code: CASE_ERROR_CODES.wrongStage,
    });
    expect(coercionMeasureViolation(at('decided', { status: 'archived' }), 'surcharge')).toMatchObject({
      code: CASE_ERROR_CODES.caseClosed,
    });
    expect(coercionMeasureViolation(at('investigating', { category: 'coercion' }), 'seal')).toMatchObject({
      code: CASE_ERROR_CODES.coercionKindMismatch,
    });
  });
});
