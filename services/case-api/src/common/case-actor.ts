import { PLATFORM_ADMIN, type Principal, type Role } from '@lep/auth';
import type { CaseActor } from '@lep/contracts';

/**
 * The recorded actor of an action: always the authenticated principal, never a body field, so the record says
 * who really acted. Staff subjects are personnel ids; an agency system acts under its API key id. The role is
 * the one the route admitted the caller under (the first of `acting` the principal holds).
 */
export function actorOf(principal: Principal, acting: readonly Role[]): CaseActor {
  const role = acting.find((candidate) => principal.roles.includes(candidate)) ?? PLATFORM_ADMIN;
  return { id: principal.subject, role, agencyCode: principal.agencyCode ?? '' };
}
