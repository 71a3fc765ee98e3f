import type { Principal } from '../principal';
import { AGENCY_SYSTEM, isRole, Role } from '../roles';
import { claimAt, StaffClaimNames } from './staff-claim-names';
import { TokenRejectedError } from './token-rejected.error';

/** Tolerated clock difference between the identity provider and this service. */
export const CLOCK_LEEWAY_SECONDS = 30;

/** The registry owns the code format; here a code is only required to be a short token without whitespace. */
const AGENCY_CODE = /^\S{1,64}$/u;

export interface StaffClaims {
  sub: string;
  agency: string;
  roles: Role[];
}

function invalid(detail: string): TokenRejectedError {
  return new TokenRejectedError('token-invalid', detail);
}

/** Throws unless `sub`, `agency` and `roles` have the shape a staff principal needs. */
export function assertStaffClaimsShape(
  claims: Record<string, unknown>,
): asserts claims is Record<string, unknown> & StaffClaims {
  if (typeof claims.sub !== 'string' || claims.sub.trim() === '') throw invalid('sub is missing');
  if (typeof claims.agency !== 'string' || !AGENCY_CODE.test(claims.agency))
    throw invalid('agency is not an agency code');
  if (!Array.isArray(claims.roles) || !claims.roles.every(isRole))
    throw invalid('roles is not a list of known roles');
  if (claims.roles.includes(AGENCY_SYSTEM)) throw invalid('agency-system is reserved for API keys');
}

/** The LEP roles a token's roles claim names: mapped when a role map is configured, taken as they are otherwise. */
function lepRoles(listed: unknown, names: StaffClaimNames): unknown {
  if (!names.roleMap || !Array.isArray(listed)) return listed;
  const roleMap = names.roleMap;
  if (!listed.every((role) => typeof role === 'string')) return listed;
  return listed.flatMap((role: string) => (Object.hasOwn(roleMap, role) ? [roleMap[role]] : []));
}

/**
 * The staff principal of a token whose signature, `exp`, `nbf`, `iss` and `aud` jose has checked. `iat` is
 * checked here: jose only looks at it when a maximum token age is set, and a token issued in the future means a
 * provider clock we should not trust.
 */
export function staffPrincipalFromClaims(
  claims: Record<string, unknown>,
  names: StaffClaimNames,
  nowSeconds: number,
): Principal {
  if (claims.iat !== undefined && nowSeconds + CLOCK_LEEWAY_SECONDS < (claims.iat as number))
    throw invalid('issued in the future (iat)');
  const agencyPath = names.agency ?? 'agency';
  const rolesPath = names.roles ?? 'roles';
  const staff: Record<string, unknown> = {
    sub: claims.sub,
    agency: claimAt(claims, agencyPath),
    roles: lepRoles(claimAt(claims, rolesPath), names),
  };
  try {
    assertStaffClaimsShape(staff);
  } catch (error) {
    // Name the configured claim, so a wrong AUTH_ROLES_CLAIM shows in the denial log as such.
    if (error instanceof TokenRejectedError && (agencyPath !== 'agency' || rolesPath !== 'roles'))
      throw invalid(`${error.detail} (agency claim ${agencyPath}, roles claim ${rolesPath})`);
    throw error;
  }
  return { kind: 'staff', subject: staff.sub, agencyCode: staff.agency, roles: [...new Set(staff.roles)] };
}
