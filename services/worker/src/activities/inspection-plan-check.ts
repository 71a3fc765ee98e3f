import type { CaseParty, InspectionResultDraft } from '@lep/contracts';
import type { Lookup, RegistryInspectionPlan } from './registry-client';

/**
 * Why a 行政检查结果 may not name its 双随机 plan (domain.md P14), in Chinese; undefined when it may. A result that
 * names a plan is counted in the annual report with the plan's results only, so the claim is checked against the
 * registry: the plan exists and is the case's agency's, it has a draw in force, and the party — when the registry
 * can know it, by its unified social credit code (target codes are credit codes or other registration numbers,
 * never a resident ID number: domain.md P8) — is among the targets drawn.
 */
export function inspectionPlanProblem(
  agencyCode: string,
  party: Pick<CaseParty, 'name' | 'creditCode'>,
  inspection: Pick<InspectionResultDraft, 'randomInspectionPlanId'>,
  plan: Lookup<RegistryInspectionPlan>,
): string | undefined {
  const planId = inspection.randomInspectionPlanId;
  if (!planId) return undefined;
  if (!plan.found || plan.value.agencyCode !== agencyCode)
    return `双随机抽查计划 ${planId} 不是本执法主体（${agencyCode}）在执法主体名录中登记的抽查计划`;
  const draw = plan.value.draws.find((each) => each.voidedAt === null);
  if (!draw) return `双随机抽查计划「${plan.value.subject}」没有现行有效的抽取结果，不能作为本次检查的来源`;
  if (party.creditCode && !draw.assignments.some((assignment) => assignment.targetCode === party.creditCode))
    return `当事人 ${party.name}（${party.creditCode}）不在双随机抽查计划「${plan.value.subject}」现行抽取的检查对象中`;
  return undefined;
}
