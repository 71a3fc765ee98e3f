import { chinaDateOf } from '@lep/calendar';
import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  WITHDRAWAL_KIND_NAMES,
  caseUpdates,
  type DecisionWithdrawnData,
  isWithdrawn,
  type RevocationInput,
} from '@lep/contracts';
import { stageViolation } from './rules';
import { type CaseContext } from './case-context';

/** 撤销, 确认违法 or 重新作出: the decision is withdrawn; a decision to be re-made sends the case back to drafting. */
export function revocation(ctx: CaseContext): void {
  const { state, caseId, event, record, action } = ctx;
  action(
    caseUpdates.revoke,
    () => {
      const wrong = stageViolation(
        state,
        ['decided', 'served', 'executed', 'closed'],
        '撤销、确认违法或重新作出决定',
      );
      if (wrong) return wrong;
      if (!state.decision) return { code: CASE_ERROR_CODES.wrongStage, message: '本案没有生效的决定' };
      // A decision is withdrawn once.
      return isWithdrawn(state)
        ? {
            code: CASE_ERROR_CODES.alreadyWithdrawn,
            message: `决定（${state.decision.documentNumber}）已被撤回，不能再次撤回`,
          }
        : undefined;
    },
    async (revocation) => {
      const decision = state.decision;
      if (!decision) return;
      const at = new Date().toISOString();
      state.withdrawal = {
        kind: revocation.kind,
        reason: revocation.reason,
        at,
        ...(revocation.source ? { source: revocation.source } : {}),
        decisionId: decision.decisionId,
      };
      const withdrawn: DecisionWithdrawnData = {
        decisionId: decision.decisionId,
        caseId,
        agencyCode: state.agencyCode,
        kind: revocation.kind,
        reason: revocation.reason,
        ...(revocation.source ? { source: revocation.source } : {}),
        withdrawnOn: chinaDateOf(at),
        region: ctx.agency?.region ?? 'national',
      };
      const events = [
        event('caseDecision', CASE_EVENT_TYPES.decisionWithdrawn, withdrawn, decision.decisionId),
      ];
      const title = `决定${WITHDRAWAL_KIND_NAMES[revocation.kind]}（${decision.documentNumber}）`;
      if (revocation.kind === 'remade') {
        // The decision is made again: back to drafting, and a major case goes through review again.
        ctx.replacesDecisionId = decision.decisionId;
        state.decision = undefined;
        state.draft = undefined;
        ctx.draft = undefined;
        state.stage = 'drafting';
      }
      await record(
        revocation.actor,
        `withdrawn:${revocation.kind}`,
        title,
        withdrawalDetails(decision.decisionId, revocation),
        { events },
      );
    },
  );
}

/** What the record keeps of a withdrawal: the decision, the reason and, when given, its source document. */
export function withdrawalDetails(decisionId: string, revocation: RevocationInput): Record<string, unknown> {
  return {
    decisionId,
    reason: revocation.reason,
    ...(revocation.source ? { source: revocation.source } : {}),
  };
}
