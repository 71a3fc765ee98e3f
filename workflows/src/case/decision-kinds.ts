import {
  CASE_ERROR_CODES,
  type CaseStage,
  type CaseState,
  type CoercionKind,
  type DraftDecisionInput,
  type InspectionDecisionDetails,
} from '@lep/contracts';
import { stageViolation, type Violation } from './rules';

/** 不予行政处罚 (APL art. 33) is a decision of a penalty case only (domain.md P12). */
export function noPenaltyViolation(state: CaseState, draft: DraftDecisionInput): Violation | undefined {
  if (draft.noPenalty === undefined || state.category === 'penalty') return undefined;
  return {
    code: CASE_ERROR_CODES.decisionKindMismatch,
    message: '只有行政处罚案件才能作出不予行政处罚决定（noPenalty）',
  };
}

/** A 行政检查 result (domain.md P14) is the decision of an inspection case only. */
export function inspectionViolation(state: CaseState, draft: DraftDecisionInput): Violation | undefined {
  if (draft.inspection === undefined || state.category === 'inspection') return undefined;
  return {
    code: CASE_ERROR_CODES.decisionKindMismatch,
    message: '只有行政检查案件才能作出行政检查结果（inspection）',
  };
}

/** A 行政检查 is reported on after it took place: its 检查日期 is not after the decision date (domain.md P14). */
export function inspectionDateViolation(
  draft: Pick<DraftDecisionInput, 'inspection'> | undefined,
  decidedOn: string,
): Violation | undefined {
  if (!draft?.inspection || draft.inspection.inspectedOn <= decidedOn) return undefined;
  return {
    code: CASE_ERROR_CODES.decisionDateInvalid,
    message: `检查日期（${draft.inspection.inspectedOn}）不能晚于决定日期（${decidedOn}）`,
  };
}

/** The decision's 行政检查 result: the draft's, its 检查事项 the case's item (domain.md P14). */
export function inspectionResult(
  draft: Pick<DraftDecisionInput, 'inspection'>,
  itemName: string,
): InspectionDecisionDetails | undefined {
  return draft.inspection && { ...draft.inspection, matter: itemName };
}

/** 行政强制措施 (ACL art. 9): taken while the facts are established, before the case is decided. */
const MEASURE_KINDS: readonly CoercionKind[] = ['seal', 'detain', 'freeze', 'other-measure'];
const MEASURE_STAGES: CaseStage[] = ['investigating', 'drafting', 'notified', 'hearing', 'legal-review'];
/** 行政强制执行 (ACL art. 12) and applications to a court enforce a decision, so they follow it. */
const EXECUTION_STAGES: CaseStage[] = ['decided', 'served', 'executed'];

/**
 * Whether a 行政强制 measure or execution may be taken inside this case now (domain.md P13): a coercion case's
 * own decision is its coercion (the draft's `coercion.kind`), any other case takes measures while it is
 * investigated and executions once it is decided.
 */
export function coercionMeasureViolation(state: CaseState, kind: CoercionKind): Violation | undefined {
  if (state.category === 'coercion')
    return {
      code: CASE_ERROR_CODES.coercionKindMismatch,
      message: '行政强制案件的强制决定即本案决定，请在决定书草案中写明强制种类（coercion.kind）',
    };
  return MEASURE_KINDS.includes(kind)
    ? stageViolation(state, MEASURE_STAGES, '采取行政强制措施')
    : stageViolation(state, EXECUTION_STAGES, '实施行政强制执行');
}
