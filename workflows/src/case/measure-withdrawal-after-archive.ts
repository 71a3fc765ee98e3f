import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  type CaseState,
  type DecisionWithdrawalInput,
} from '@lep/contracts';
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

/** domain.md P9 (APL art. 48/85): the disclosure leaves the portal within 3 working days. */
const WITHDRAWAL_WORKING_DAYS = 3;

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
  const { revocation, archived, filedAt } = input;
  const measure = findMeasure(archived, decisionId);
  const wrong = withdrawableViolation(measure, decisionId);
  if (wrong || !measure)
    throw refusal(wrong?.code ?? CASE_ERROR_CODES.coercionMeasureNotFound, wrong?.message ?? decisionId);
  // Lifting a measure is the head's act, as taking it was (ACL art. 18; domain.md R8b).
  await assertOfficersMayAct(caseActivities, archived, 'withdrawCoercionMeasure', revocation);
  const at = new Date().toISOString();
  const region = await caseActivities.agencyRegion(archived.agencyCode);
  const withdrawBy = await caseActivities.workingDaysEnd({
    region,
    from: at,
    workingDays: WITHDRAWAL_WORKING_DAYS,
  });
  const state: CaseState = {
    ...archived,
    coercionMeasures: withdrawnMeasures(archived, measure, revocation, at),
  };
  const applied = await caseActivities.applyStep({
    caseId: archived.caseId,
    entryKey: `withdrawal-${decisionId}`,
    entry: {
      at,
      actor: revocation.actor,
      stage: archived.stage,
      action: `withdrawn:${revocation.kind}`,
      title: measureWithdrawalTitle(measure, revocation),
      details: {
        ...measureWithdrawalDetails(measure, revocation),
        requestId: revocation.requestId,
        withdrawBy: withdrawBy.dueAt,
      },
      evidence: [],
    },
    state: { snapshot: state, filedAt },
    events: [
      {
        topic: 'caseDecision',
        key: decisionId,
        type: CASE_EVENT_TYPES.decisionWithdrawn,
        data: measureWithdrawn(archived, measure, revocation, at, region),
      },
    ],
  });
  return { ...state, recordEntries: applied.sequence };
}
