import { builtAnnualReport, deliverYear, NEW_YEAR } from './support/annual-report';
import { caseRef, caseFiled, decisionMade } from './support/events';
import { SHI_2 } from './support/scenario';
import { useStatisticsApp } from './support/statistics-app';

/**
 * The annual report's 不予处罚 and 行政强制 rows come from the decision kinds (domain.md §7, P12, P13): a 不予行政处罚
 * decision and a 查封 taken inside a penalty case, beside an ordinary penalty.
 */
describe('annual report rows of the new decision kinds', () => {
  const statistics = useStatisticsApp('stat_kinds', { temporalStartsAt: NEW_YEAR });

  beforeAll(async () => {
    const penalty = caseRef('K1', SHI_2, 'penalty');
    const noPenalty = caseRef('K2', SHI_2, 'penalty');
    // The 查封 is a decision of the penalty case K1, counted as 行政强制.
    const sealing = { ...penalty, category: 'coercion' as const };
    await deliverYear(statistics(), [
      caseFiled(penalty, '2025-10-09'),
      caseFiled(noPenalty, '2025-10-10'),
      decisionMade(sealing, 'K1-D1', { decidedOn: '2025-10-13', coercion: 'seal' }),
      decisionMade(penalty, 'K1-D2', {
        decidedOn: '2025-11-03',
        penalty: { kinds: ['罚款'], fineYuan: 3000 },
      }),
      decisionMade(noPenalty, 'K2-D1', { decidedOn: '2025-11-04', noPenalty: 'first-offence' }),
    ]);
  });

  it('counts the 不予处罚 in its row and the 查封 under 行政强制, apart from the penalty', async () => {
    const report = await builtAnnualReport(statistics(), 2025, SHI_2);
    const row = (title: string, label: string) => report[title]?.[label];
    expect(row('二、行政处罚', '不予处罚（件）')).toBe(1);
    expect(row('二、行政处罚', '罚款（件）')).toBe(1);
    expect(row('二、行政处罚', '处罚决定合计（件）')).toBe(1);
    expect(row('二、行政处罚', '立案数（件）')).toBe(2);
    expect(row('三、行政强制', '行政强制决定（件）')).toBe(1);
    expect(row('三、行政强制', '查封场所、设施或者财物（件）')).toBe(1);
    expect(row('三、行政强制', '扣押财物（件）')).toBe(0);
  });
});
