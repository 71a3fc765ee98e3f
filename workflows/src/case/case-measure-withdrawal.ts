import { chinaDateOf } from '@lep/calendar';
import {
  CASE_ERROR_CODES,
  CASE_EVENT_TYPES,
  COERCION_KIND_NAMES,
  WITHDRAWAL_KIND_NAMES,
  caseUpdates,
  type CaseState,
  type CoercionMeasureState,
  type DecisionWithdrawnData,
  type RevocationInput,
  type WithdrawalSource,
} from '@lep/contracts';
import { type CaseContext } from './case-context';
import type { Violation } from './rules';

/**
 * 撤销, 确认违法 or 重新作出 of a 行政强制 decision taken inside the case (domain.md P13a) while its lifecycle runs:
 * a 查封 lifted as unlawful on 复议 leaves the portal by the same rule as any withdrawn decision (P9), by its own
 * decision id. The case's stage and its own decision are untouched; a measure to be re-made is entered again as a
 * new measure (POST …/coercion-measures), which the agency's head approves as any other.
 */
export function coercionMeasureWithdrawal(ctx: CaseContext): void {
  const { state, event, record, action } = ctx;
  action(
    caseUpdates.withdrawCoercionMeasure,
    (input) => measureWithdrawalViolation(state, input.decisionId),
    async (input) => {
      const measure = findMeasure(state, input.decisionId);
      if (!measure) return;
      const at = new Date().toISOString();
      const withdrawn = measureWithdrawn(state, measure, input, at, ctx.agency?.region ?? 'national');
      state.coercionMeasures = withdrawnMeasures(state, measure, input, at);
      await record(
        input.actor,
        `withdrawn:${input.kind}`,
        measureWithdrawalTitle(measure, input),
        measureWithdrawalDetails(measure, input),
        {
          events: [event('caseDecision', CASE_EVENT_TYPES.decisionWithdrawn, withdrawn, measure.decisionId)],
        },
      );
    },
  );
}

export function findMeasure(
  state: Pick<CaseState, 'coercionMeasures'>,
  decisionId: string,
): CoercionMeasureState | undefined {
  return state.coercionMeasures?.find((measure) => measure.decisionId === decisionId);
}

/** The measure must be one of the case's, and is withdrawn once (as any decision, P9). */
export function measureWithdrawalViolation(
  state: Pick<CaseState, 'coercionMeasures'>,
  decisionId: string,
): Violation | undefined {
  return withdrawableViolation(findMeasure(state, decisionId), decisionId);
}

export function withdrawableViolation(
  measure: CoercionMeasureState | undefined,
  decisionId: string,
): Violation | undefined {
  if (!measure)
    return {
      code: CASE_ERROR_CODES.coercionMeasureNotFound,
      message: `本案没有决定标识为 ${decisionId} 的行政强制决定`,
    };
  if (measure.withdrawal)
    return {
      code: CASE_ERROR_CODES.alreadyWithdrawn,
      message: `行政强制决定（${measure.documentNumber}）已被撤回，不能再次撤回`,
    };
  return undefined;
}

/** The case's measures with `measure` marked withdrawn. */
export function withdrawnMeasures(
  state: Pick<CaseState, 'coercionMeasures'>,
  measure: CoercionMeasureState,
  revocation: RevocationInput & { source: WithdrawalSource },
  at: string,
): CoercionMeasureState[] {
  const withdrawal = { kind: revocation.kind, reason: revocation.reason, at, source: revocation.source };
  return (state.coercionMeasures ?? []).map((each) =>
    each.decisionId === measure.decisionId ? { ...each, withdrawal } : each,
  );
}

/** The decision.withdrawn of a measure: publication withdraws it by its decision id, as any decision (P9). */
export function measureWithdrawn(
  state: Pick<CaseState, 'caseId' | 'agencyCode'>,
  measure: CoercionMeasureState,
  revocation: RevocationInput & { source: WithdrawalSource },
  at: string,
  region: string,
): DecisionWithdrawnData {
  return {
    decisionId: measure.decisionId,
    caseId: state.caseId,
    agencyCode: state.agencyCode,
    kind: revocation.kind,
    reason: revocation.reason,
    source: revocation.source,
    withdrawnOn: chinaDateOf(at),
    region,
  };
}

/** The record entry's title: which measure, by its document, and how it was withdrawn. */
export function measureWithdrawalTitle(measure: CoercionMeasureState, revocation: RevocationInput): string {
  return `${COERCION_KIND_NAMES[measure.kind]}决定${WITHDRAWAL_KIND_NAMES[revocation.kind]}（${measure.documentNumber}）`;
}

export function measureWithdrawalDetails(
  measure: CoercionMeasureState,
  revocation: RevocationInput,
): Record<string, unknown> {
  return {
    decisionId: measure.decisionId,
    coercionKind: measure.kind,
    reason: revocation.reason,
    ...(revocation.source ? { source: revocation.source } : {}),
  };
}

/**
 * A measure that re-makes another names one of the case's measures withdrawn as `remade` (重新作出) and not re-made
 * yet: each is re-made once, and the new one's decision.made names it, so the portal shows what it replaces.
 */
export function remakeViolation(
  state: Pick<CaseState, 'coercionMeasures'>,
  replacesDecisionId: string,
): Violation | undefined {
  const replaced = findMeasure(state, replacesDecisionId);
  if (!replaced)
    return {
      code: CASE_ERROR_CODES.coercionMeasureNotFound,
      message: `本案没有决定标识为 ${replacesDecisionId} 的行政强制决定`,
    };
  if (replaced.withdrawal?.kind !== 'remade')
    return {
      code: CASE_ERROR_CODES.wrongStage,
      message: `行政强制决定（${replaced.documentNumber}）未被要求重新作出，不能以新决定替代`,
    };
  const remade = state.coercionMeasures?.find((each) => each.replacesDecisionId === replacesDecisionId);
  return remade
    ? {
        code: CASE_ERROR_CODES.wrongStage,
        message: `行政强制决定（${replaced.documentNumber}）已由（${remade.documentNumber}）重新作出`,
      }
    : undefined;
}
