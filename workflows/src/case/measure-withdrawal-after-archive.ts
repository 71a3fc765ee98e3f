import { CASE_ERROR_CODES, type CaseState, type DecisionWithdrawalInput } from '@lep/contracts';
import { caseActivities } from './case-context';
import { assertOfficersMayAct } from './case-officers';
import { refusal } from './refusal';
import {
  findMeasure,
  measureWithdrawalDetails,
  measureWithdrawalTitle,
  measureWithdrawn,
  withdrawableViolation,
  withdrawnMeasures,
} from './case-measure-withdrawal';
import { writeWithdrawal } from './withdrawal-record';

/**
 * 撤销, 确认违法 or 重新作出 of a 行政强制 decision taken inside a case that is archived (domain.md P13a): the
 * decisionWithdrawal workflow's step for a measure, named by its decision id, written as the lifecycle's
 * `withdrawCoercionMeasure` would have — the record entry after the archive entry (entry key: the measure's
 * decision id, so a retried step writes nothing twice), the case index with the measure marked withdrawn, and
 * the measure's `decision.withdrawn`, in one transaction.
 */
export async function measureWithdrawalAfterArchive(
  input: DecisionWithdrawalInput,
  decisionId: string,
): Promise<CaseState> {
  const { revocation, archived } = input;
  const measure = findMeasure(archived, decisionId);
  const wrong = withdrawableViolation(measure, decisionId);
  if (wrong || !measure)
    throw refusal(wrong?.code ?? CASE_ERROR_CODES.coercionMeasureNotFound, wrong?.message ?? decisionId);
  // Lifting a measure is the head's act, as taking it was (ACL art. 18; domain.md R8b).
  await assertOfficersMayAct(caseActivities, archived, 'withdrawCoercionMeasure', revocation);
  return writeWithdrawal(input, decisionId, (at, region) => ({
    state: { ...archived, coercionMeasures: withdrawnMeasures(archived, measure, revocation, at) },
    title: measureWithdrawalTitle(measure, revocation),
    details: measureWithdrawalDetails(measure, revocation),
    withdrawn: measureWithdrawn(archived, measure, revocation, at, region),
  }));
}
