import { patched } from '@temporalio/workflow';
import { chinaDateOf } from '@lep/calendar';
import {
  CASE_ERROR_CODES,
  type CaseAction,
  type CaseActor,
  type CaseState,
  type OfficerActKind,
  type OnSiteDisclosure,
} from '@lep/contracts';
import type { CaseActivities } from './activities';
import { refusal } from './refusal';
import type { Violation } from './rules';

/**
 * The acts a leader of the agency approves (作出决定, 延长办案期限, 撤销, 更换承办人员, and 采取行政强制措施, which needs
 * the head's approval: ACL art. 18 — the `takeCoercionMeasure` update of the decision-kinds work — and its 撤销,
 * `withdrawCoercionMeasure`); every other act is its handlers' work.
 */
const LEADER_ACTS = new Set([
  'decide',
  'extendDecisionLimit',
  'revoke',
  'replaceHandler',
  'takeCoercionMeasure',
  'withdrawCoercionMeasure',
]);

/** APL art. 42: 执法人员不得少于两人 at an on-site act. */
const MIN_ON_SITE_OFFICERS = 2;

/**
 * The officers who performed an act: those the actor names, else a staff caller itself. An agency system that
 * names none has no officer (refused: its key is no officer).
 */
export function actingOfficers(actor: CaseActor): string[] {
  if (actor.officerIds && actor.officerIds.length > 0) return [...new Set(actor.officerIds)];
  return actor.role === 'agency-system' ? [] : [actor.id];
}

export function officerActKind(updateName: string): OfficerActKind {
  return LEADER_ACTS.has(updateName) ? 'leader' : 'handler';
}

/**
 * What the case itself decides about the officers of an act (domain.md R8): someone acts; case work is done by
 * the case's handlers; the deciding leader is neither a handler nor a reviewer who gave an opinion on the case
 * (回避, L2b); an on-site record has at least two officers, each with the certificate shown.
 */
export function officerViolation(
  state: CaseState,
  updateName: string,
  input: CaseAction,
): Violation | undefined {
  // A malformed input without an actor is refused like one naming nobody, never thrown on.
  const officers = input.actor ? actingOfficers(input.actor) : [];
  if (officers.length === 0)
    return {
      code: CASE_ERROR_CODES.officerMissing,
      message: `${input.actor ? `业务系统 ${input.actor.id} ` : ''}办理案件须载明实施该行为的执法人员`,
    };
  if (officerActKind(updateName) === 'leader')
    return updateName === 'decide' ? recusal(state, officers) : undefined;
  const unassigned = officers.find((officerId) => !state.handlerIds.includes(officerId));
  if (unassigned)
    return {
      code: CASE_ERROR_CODES.officerNotAssigned,
      message: `执法人员 ${unassigned} 不是本案的承办人员，不能办理本案`,
    };
  const onSite = (input as CaseAction & { onSite?: OnSiteDisclosure }).onSite;
  if (onSite && officers.length < MIN_ON_SITE_OFFICERS)
    return {
      code: CASE_ERROR_CODES.onSiteDisclosureInvalid,
      message: `现场执法须由两名以上执法人员实施（行政处罚法第四十二条），本记录仅载明执法人员 ${officers.join('、')}`,
    };
  return undefined;
}

function recusal(state: CaseState, officers: string[]): Violation | undefined {
  for (const officerId of officers) {
    if (state.handlerIds.includes(officerId))
      return {
        code: CASE_ERROR_CODES.deciderRecused,
        message: `负责人 ${officerId} 是本案的承办人员，应当回避，不能作出本案决定`,
      };
    const round = state.reviewRounds.find((candidate) => candidate.reviewerId === officerId);
    if (round)
      return {
        code: CASE_ERROR_CODES.deciderRecused,
        message: `负责人 ${officerId} 在第 ${round.round} 轮法制审核中提出了审核意见，应当回避，不能作出本案决定`,
      };
  }
  return undefined;
}

/**
 * The officer check at an act, run by the update handler before the act is applied: the case's own rules, then
 * the registry's answer for the act's day. Acts accepted before this check existed carry no marker and replay
 * without it (patch `acting-officers-checked`); every act since records it once per case and is checked.
 */
export async function assertOfficersMayAct(
  activities: Pick<CaseActivities, 'checkActingOfficers'>,
  state: CaseState,
  updateName: string,
  input: CaseAction,
): Promise<void> {
  if (!patched('acting-officers-checked')) return;
  const violation = officerViolation(state, updateName, input);
  if (violation) throw refusal(violation.code, violation.message);
  const onSite = (input as CaseAction & { onSite?: OnSiteDisclosure }).onSite;
  const refused = await activities.checkActingOfficers({
    agencyCode: state.agencyCode,
    itemCode: state.itemCode,
    on: chinaDateOf(Date.now()),
    officerIds: actingOfficers(input.actor),
    as: officerActKind(updateName),
    ...(onSite ? { certificatesShown: onSite.certificatesShown } : {}),
  });
  if (refused) throw refusal(refused.code, refused.message);
}
