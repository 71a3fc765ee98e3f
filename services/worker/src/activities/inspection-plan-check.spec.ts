import { inspectionPlanProblem } from './inspection-plan-check';
import type { Lookup, RegistryInspectionPlan } from './registry-client';

const PLAN_ID = '6f1c2b9e-4a57-4c1e-9b7a-0d3f5e2a8c11';
const COMPANY = { name: '石河子市鑫源商贸有限公司', creditCode: '91659001MA7XXXXX1Y' };
const drawn = (voidedAt: string | null, ...codes: string[]) => ({
  voidedAt,
  assignments: codes.map((targetCode) => ({ targetCode })),
});
const plan = (
  draws: RegistryInspectionPlan['draws'],
  agencyCode = 'BT01',
): Lookup<RegistryInspectionPlan> => ({
  found: true,
  value: { id: PLAN_ID, agencyCode, subject: '食品经营者监督检查', draws },
});
const claim = { randomInspectionPlanId: PLAN_ID };

describe('a 行政检查结果 naming its 双随机 plan (domain.md P14)', () => {
  it('may name a plan of its agency whose draw in force drew the party', () => {
    const draws = [drawn('2026-03-01T00:00:00Z', 'OTHER'), drawn(null, 'SHOP-1', COMPANY.creditCode)];
    expect(inspectionPlanProblem('BT01', COMPANY, claim, plan(draws))).toBeUndefined();
  });

  it('names nothing to check when it names no plan', () => {
    expect(inspectionPlanProblem('BT01', COMPANY, {}, { found: false })).toBeUndefined();
  });

  it('may not name a plan the registry does not have, or another agency’s', () => {
    expect(inspectionPlanProblem('BT01', COMPANY, claim, { found: false })).toBe(
      `双随机抽查计划 ${PLAN_ID} 不是本执法主体（BT01）在执法主体名录中登记的抽查计划`,
    );
    expect(
      inspectionPlanProblem('BT01', COMPANY, claim, plan([drawn(null, COMPANY.creditCode)], 'BT02')),
    ).toContain('不是本执法主体（BT01）');
  });

  it('may not name a plan without a draw in force', () => {
    for (const draws of [[], [drawn('2026-03-01T00:00:00Z', COMPANY.creditCode)]])
      expect(inspectionPlanProblem('BT01', COMPANY, claim, plan(draws))).toBe(
        '双随机抽查计划「食品经营者监督检查」没有现行有效的抽取结果，不能作为本次检查的来源',
      );
  });

  it('may not name a plan whose draw in force did not draw the party (known by its credit code)', () => {
    const draws = [drawn('2026-03-01T00:00:00Z', COMPANY.creditCode), drawn(null, 'SHOP-1')];
    expect(inspectionPlanProblem('BT01', COMPANY, claim, plan(draws))).toBe(
      '当事人 石河子市鑫源商贸有限公司（91659001MA7XXXXX1Y）不在双随机抽查计划「食品经营者监督检查」现行抽取的检查对象中',
    );
    // A natural person has no code the registry's targets carry (never an ID number, P8): not checked by code.
    expect(inspectionPlanProblem('BT01', { name: '张三' }, claim, plan(draws))).toBeUndefined();
  });
});
