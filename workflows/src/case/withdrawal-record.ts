import {
  CASE_EVENT_TYPES,
  type CaseState,
  type DecisionWithdrawalInput,
  type DecisionWithdrawnData,
} from '@lep/contracts';
import { caseActivities } from './case-context';

/** domain.md P9 (APL art. 48/85): the disclosure leaves the portal within 3 working days. */
const WITHDRAWAL_WORKING_DAYS = 3;

/** What a withdrawal writes besides its common frame: its case index, record entry title and details, and event. */
export interface WithdrawalStep {
  state: CaseState;
  title: string;
  details: Record<string, unknown>;
  withdrawn: DecisionWithdrawnData;
}

/**
 * The step every withdrawal after archive writes, of a decision or of a 行政强制 measure: its time, the agency's
 * region and the 3-working-day deadline by which the disclosure leaves the portal (`withdrawBy`), then the record
 * entry keyed by the withdrawn decision's id, the case index and `decision.withdrawn`, in one transaction.
 */
export async function writeWithdrawal(
  input: DecisionWithdrawalInput,
  decisionId: string,
  step: (at: string, region: string) => WithdrawalStep,
): Promise<CaseState> {
  const { revocation, archived, filedAt } = input;
  const at = new Date().toISOString();
  const region = await caseActivities.agencyRegion(archived.agencyCode);
  const withdrawBy = await caseActivities.workingDaysEnd({
    region,
    from: at,
    workingDays: WITHDRAWAL_WORKING_DAYS,
  });
  const { state, title, details, withdrawn } = step(at, region);
  const applied = await caseActivities.applyStep({
    caseId: archived.caseId,
    entryKey: `withdrawal-${decisionId}`,
    entry: {
      at,
      actor: revocation.actor,
      stage: archived.stage,
      action: `withdrawn:${revocation.kind}`,
      title,
      details: { ...details, requestId: revocation.requestId, withdrawBy: withdrawBy.dueAt },
      evidence: [],
    },
    state: { snapshot: state, filedAt },
    events: [
      {
        topic: 'caseDecision',
        key: decisionId,
        type: CASE_EVENT_TYPES.decisionWithdrawn,
        data: withdrawn,
      },
    ],
  });
  return { ...state, recordEntries: applied.sequence };
}
