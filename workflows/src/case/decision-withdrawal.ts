import { chinaDateOf } from '@lep/calendar';
import { WITHDRAWAL_KIND_NAMES, type CaseState, type DecisionWithdrawalInput } from '@lep/contracts';
import { caseActivities } from './case-context';
import { assertOfficersMayAct } from './case-officers';
import { withdrawalDetails } from './case-revocation';
import { measureWithdrawalAfterArchive } from './measure-withdrawal-after-archive';
import { writeWithdrawal } from './withdrawal-record';

/**
 * 撤销, 确认违法 or 重新作出 of a decision whose case is archived (domain.md P9): its lifecycle has ended, so this
 * workflow writes the step the lifecycle would have — the record entry (after the archive entry, on the same
 * hash chain), the case index and `decision.withdrawn` through the outbox, in one transaction — and ends. Its id
 * (withdrawalWorkflowId) is the decision's, so a decision is withdrawn once; the entry key is the decision's too,
 * so a retried step writes nothing twice. case-api checks the request (agency, role, source, decision) first.
 */
export async function decisionWithdrawal(input: DecisionWithdrawalInput): Promise<CaseState> {
  if (input.decisionId) return measureWithdrawalAfterArchive(input, input.decisionId);
  const { revocation, archived } = input;
  const decision = archived.decision;
  if (!decision) throw new Error(`case ${archived.caseId} has no decision to withdraw`);
  // 撤销 is a leader's act as in the lifecycle (domain.md R8b): a refusal fails this workflow, whose id a rightful
  // request may then take (case-api starts it allowing a duplicate of a failed one).
  await assertOfficersMayAct(caseActivities, archived, 'revoke', revocation);
  return writeWithdrawal(input, decision.decisionId, (at, region) => ({
    state: {
      ...archived,
      withdrawal: {
        kind: revocation.kind,
        reason: revocation.reason,
        at,
        source: revocation.source,
        decisionId: decision.decisionId,
      },
    },
    title: `决定${WITHDRAWAL_KIND_NAMES[revocation.kind]}（${decision.documentNumber}）`,
    details: withdrawalDetails(decision.decisionId, revocation),
    withdrawn: {
      decisionId: decision.decisionId,
      caseId: archived.caseId,
      agencyCode: archived.agencyCode,
      kind: revocation.kind,
      reason: revocation.reason,
      source: revocation.source,
      withdrawnOn: chinaDateOf(at),
      region,
    },
  }));
}
