import { CASE_ID_PATTERN, caseWorkflowId } from './case-id';
import { measureReviewWorkflowId, nextCaseDeadline, reviewWorkflowId } from './case-workflow';

describe('the case workflow interface', () => {
  it('names each review round after its case', () => {
    expect(reviewWorkflowId(caseWorkflowId('BT01', '2026-0001'), 2)).toBe('review-case-BT01.2026-0001-2');
  });

  it('never names a review round as it names a case, whatever the case number', () => {
    const review = reviewWorkflowId(caseWorkflowId('BT', '001'), 1);
    for (const caseNumber of ['001-review-1', '001', 'review-1'])
      expect(caseWorkflowId('BT', caseNumber)).not.toBe(review);
    expect(CASE_ID_PATTERN.test(review)).toBe(false);
  });

  it("never names a measure's review round as a case or a case's review round, whatever the case number", () => {
    const measureRound = measureReviewWorkflowId(caseWorkflowId('BT', '001'), 1);
    expect(measureRound).toBe('measure-review-case-BT.001-1');
    expect(CASE_ID_PATTERN.test(measureRound)).toBe(false);
    for (const caseNumber of ['001', '001-measure', 'measure-review-case-BT.001'])
      expect(reviewWorkflowId(caseWorkflowId('BT', caseNumber), 1)).not.toBe(measureRound);
  });

  it('waits for the earliest deadline that has not fired', () => {
    const deadlines = [
      { kind: 'decision-limit' as const, dueAt: '2027-02-25T16:00:00.000Z', fired: false },
      { kind: 'hearing-window' as const, dueAt: '2026-10-10T16:00:00.000Z', fired: true },
      { kind: 'decision-limit-warning' as const, dueAt: '2027-02-15T16:00:00.000Z', fired: false },
    ];
    expect(nextCaseDeadline({ deadlines })?.kind).toBe('decision-limit-warning');
    expect(nextCaseDeadline({ deadlines: deadlines.map((d) => ({ ...d, fired: true })) })).toBeUndefined();
  });
});
