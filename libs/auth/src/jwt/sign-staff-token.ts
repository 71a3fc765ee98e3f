import type { Role } from '../roles';
import { signJws } from './jws';
import { assertStaffClaimsShape } from './staff-claims';
import { assertHs256Secret } from './hs256-secret';

export interface SignStaffTokenOptions {
  secret: string;
  issuer: string;
  audience: string;
  /** Default one hour. */
  expiresInSeconds?: number;
}

/**
 * An HS256 staff token for development and tests. Production tokens come from the identity provider and are
 * verified through its JWKS; nothing in production signs staff tokens.
 */
export function signStaffToken(
  claims: { sub: string; agency: string; roles: Role[] },
  options: SignStaffTokenOptions,
): string {
  assertHs256Secret(options.secret);
  const payload: Record<string, unknown> = { sub: claims.sub, agency: claims.agency, roles: claims.roles };
  assertStaffClaimsShape(payload);
  const iat = Math.floor(Date.now() / 1000);
  return signJws(
    { alg: 'HS256' },
    {
      ...payload,
      iss: options.issuer,
      aud: options.audience,
      iat,
      exp: iat + (options.expiresInSeconds ?? 3600),
    },
    options.secret,
  );
}
