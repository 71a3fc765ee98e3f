import type { Principal } from '../principal';
import { AGENCY_SYSTEM, isRole, Role } from '../roles';
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

export interface ClaimExpectations {
  issuer: string;
  audience: string;
  /** Current time in seconds since the epoch. */
  nowSeconds: number;
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

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Validates a verified token's registered and LEP claims and turns them into the staff principal. */
export function staffPrincipalFromClaims(
  claims: Record<string, unknown>,
  expected: ClaimExpectations,
): Principal {
  const now = expected.nowSeconds;
  if (!isNumericDate(claims.exp)) throw invalid('exp is missing');
  if (now >= claims.exp + CLOCK_LEEWAY_SECONDS)
    throw new TokenRejectedError('token-expired', `expired at ${claims.exp}`);
  if (claims.nbf !== undefined && (!isNumericDate(claims.nbf) || now + CLOCK_LEEWAY_SECONDS < claims.nbf))
    throw invalid('not valid yet (nbf)');
  if (claims.iat !== undefined && (!isNumericDate(claims.iat) || now + CLOCK_LEEWAY_SECONDS < claims.iat))
    throw invalid('issued in the future (iat)');
  if (claims.iss !== expected.issuer) throw invalid(`issuer ${String(claims.iss)} is not ${expected.issuer}`);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.audience)) throw invalid(`audience does not include ${expected.audience}`);
  assertStaffClaimsShape(claims);
  return { kind: 'staff', subject: claims.sub, agencyCode: claims.agency, roles: [...new Set(claims.roles)] };
}
