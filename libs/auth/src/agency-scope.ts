import type { Principal } from './principal';
import { authErrors } from './auth-errors';
import { PLATFORM_ADMIN } from './roles';

/** The registry's agency tree. */
export interface AgencyHierarchy {
  isSameOrDescendant(ancestorCode: string, agencyCode: string): Promise<boolean>;
}

/**
 * Whether the principal acts for `agencyCode` itself: its own staff or system, or a platform admin. The scope of
 * driving an agency's own work (its cases), where an agency above it may read but not act.
 */
export function isOwnAgency(principal: Principal, agencyCode: string): boolean {
  if (principal.kind === 'anonymous') return false;
  return principal.roles.includes(PLATFORM_ADMIN) || principal.agencyCode === agencyCode;
}

/** Throws 403 AGENCY_FORBIDDEN unless the principal acts for `agencyCode` itself (isOwnAgency). */
export function assertOwnAgency(principal: Principal, agencyCode: string): void {
  if (!isOwnAgency(principal, agencyCode)) throw authErrors.agencyForbidden();
}

/**
 * Throws 403 AGENCY_FORBIDDEN unless the principal's agency is `agencyCode` or one of its ancestors.
 * Platform admins reach every agency; anonymous callers none.
 */
export async function assertAgencyAccess(
  principal: Principal,
  agencyCode: string,
  hierarchy: AgencyHierarchy,
): Promise<void> {
  if (principal.roles.includes(PLATFORM_ADMIN)) return;
  if (principal.kind !== 'anonymous' && principal.agencyCode) {
    if (await hierarchy.isSameOrDescendant(principal.agencyCode, agencyCode)) return;
  }
  throw authErrors.agencyForbidden();
}
