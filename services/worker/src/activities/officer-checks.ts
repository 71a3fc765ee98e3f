import { CASE_ERROR_CODES, type OfficerCheckInput, type OfficerRefusal } from '@lep/contracts';
import type { RegistryClient, RegistryPerson } from './registry-client';

/**
 * Whether the officers who act may do so today, asked of the registry (domain.md R8): every officer registered in
 * the case's agency; for case work a certificate valid that day for the case's item (not expired, suspended or
 * revoked; the registry's may-enforce answer); for an approval the leader role; for an on-site record each shown
 * certificate the officer's own. The first failing check of the first failing officer is the answer, naming both;
 * null when all pass. Assignment to the case and recusal are the workflow's own checks (its state holds them).
 */
export async function checkActingOfficers(
  registry: RegistryClient,
  input: OfficerCheckInput,
): Promise<OfficerRefusal | null> {
  for (const officerId of input.officerIds) {
    const found = await registry.person(officerId);
    if (!found.found || found.value.agencyCode !== input.agencyCode)
      return {
        code: CASE_ERROR_CODES.officerNotRegistered,
        message: `执法人员 ${officerId} 未在执法主体 ${input.agencyCode} 的执法人员名录中登记，不能办理本案`,
      };
    const person = found.value;
    const refusal =
      input.as === 'leader' ? leaderRefusal(person) : await certificateRefusal(registry, person, input);
    if (refusal) return refusal;
    const shown = input.certificatesShown?.find((certificate) => certificate.officerId === officerId);
    if (input.certificatesShown && shown?.certificateNumber !== person.certificateNumber)
      return {
        code: CASE_ERROR_CODES.onSiteDisclosureInvalid,
        message: shown
          ? `${named(person)} 出示的执法证件编号 ${shown.certificateNumber} 与登记的证件编号不符`
          : `现场执法记录未载明 ${named(person)} 出示的执法证件编号`,
      };
  }
  return null;
}

function leaderRefusal(person: RegistryPerson): OfficerRefusal | null {
  if (person.roles.includes('leader')) return null;
  return {
    code: CASE_ERROR_CODES.officerNotLeader,
    message: `${named(person)} 不是本机关负责人，不能作出该审批事项`,
  };
}

async function certificateRefusal(
  registry: RegistryClient,
  person: RegistryPerson,
  input: OfficerCheckInput,
): Promise<OfficerRefusal | null> {
  const answer = await registry.mayEnforce(person.id, input.agencyCode, input.itemCode, input.on);
  if (answer.found && answer.value.allowed) return null;
  const reasons = answer.found ? answer.value.reasons : ['未登记'];
  return {
    code: CASE_ERROR_CODES.officerNotCertified,
    message: `${named(person)} ${input.on} 未持有效执法证件，不能办理本案：${reasons.join('；')}`,
  };
}

function named(person: RegistryPerson): string {
  return `执法人员${person.name}（${person.id}）`;
}
