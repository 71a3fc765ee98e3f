import { createHmac } from 'node:crypto';
import type { Role } from '../roles';
import { assertStaffClaimsShape } from './staff-claims';
import { assertHs256Secret } from './hs256-secret';

export interface SignStaffTokenOptions {
  secret: string;
  issuer: string;
  audience: string;
  /** Default one hour. */
  expiresInSeconds?: number;
}

function segment(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * An HS256 staff token for development and tests. Production tokens come from the identity provider and are
 * verified through its JWKS; nothing in production signs staff tokens. It signs synchronously (jose's signer is
 * async) because the dev stack and every service's tests mint tokens inline; the verifier, which is what
 * guards the services, is jose's, and the tests prove it accepts these tokens.
 */
export function signStaffToken(
  claims: { sub: string; agency: string; roles: Role[] },
  options: SignStaffTokenOptions,
): string {
  assertHs256Secret(options.secret);
  const payload: Record<string, unknown> = { sub: claims.sub, agency: claims.agency, roles: claims.roles };
  assertStaffClaimsShape(payload);
  const iat = Math.floor(Date.now() / 1000);
  const signingInput = `${segment({ alg: 'HS256', typ: 'JWT' })}.${segment({
    ...payload,
    iss: options.issuer,
    aud: options.audience,
    iat,
    exp: iat + (options.expiresInSeconds ?? 3600),
  })}`;
  const signature = createHmac('sha256', options.secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
