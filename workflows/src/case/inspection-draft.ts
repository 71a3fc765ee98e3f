import { patched } from '@temporalio/workflow';
import { CASE_ERROR_CODES, type CaseState } from '@lep/contracts';
import type { DecisionDraft } from './activities';
import { refusal } from './refusal';
import type { Violation } from './rules';

/**
 * An inspection case ends in its 行政检查结果 (domain.md P14): a draft of `other` is refused there. A case whose
 * current draft is already `other` — drafted before the rule, when `other` was accepted — keeps its kind when the
 * draft is revised.
 */
export function inspectionDraftViolation(
  category: CaseState['category'],
  draft: Pick<DecisionDraft, 'other'>,
  current: Pick<DecisionDraft, 'other'> | undefined,
): Violation | undefined {
  if (category !== 'inspection' || draft.other === undefined || current?.other !== undefined)
    return undefined;
  return {
    code: CASE_ERROR_CODES.decisionKindMismatch,
    message: '行政检查案件的决定草案须填写行政检查结果（inspection），不能作为其他行政执法决定（other）提交',
    field: 'other',
  };
}

/**
 * Refuses such a draft in `draftDecision`'s handler, behind patch `inspection-draft-required`: the action's check
 * runs again on replay, and drafts of `other` accepted in inspection cases before the rule must replay as accepted.
 * patched is asked only of a draft the rule refuses, so no other history meets the marker.
 */
export function assertInspectionDraft(
  category: CaseState['category'],
  draft: Pick<DecisionDraft, 'other'>,
  current: Pick<DecisionDraft, 'other'> | undefined,
): void {
  const violation = inspectionDraftViolation(category, draft, current);
  if (!violation || !patched('inspection-draft-required')) return;
  throw refusal(violation.code, violation.message, violation.field);
}

/**
 * A result naming a 双随机 plan the registry does not confirm (prepareDraft's answer: the plan unknown, another
 * agency's, not drawn, or the party not among its drawn targets) is refused, or it would escape the report's
 * double-count rule (domain.md P14). Answers recorded before the check carry no problem and replay as accepted.
 */
export function assertInspectionPlan(problem: string | undefined): void {
  if (problem)
    throw refusal(CASE_ERROR_CODES.inspectionPlanInvalid, problem, 'inspection.randomInspectionPlanId');
}
