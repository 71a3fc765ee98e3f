import {
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  errors,
  JWTPayload,
  jwtVerify,
  JWTVerifyGetKey,
} from 'jose';
import type { Principal } from '../principal';
import { assertHs256Secret } from './hs256-secret';
import { assertStaffClaimNames, StaffClaimNames } from './staff-claim-names';
import { CLOCK_LEEWAY_SECONDS, staffPrincipalFromClaims } from './staff-claims';
import { SigningKeysUnavailableError, TokenRejectedError } from './token-rejected.error';

export interface JwksOptions {
  /** How long a fetched key set is trusted; after that it is fetched again. Default ten minutes. */
  cacheTtlMs?: number;
  /**
   * An unknown `kid` triggers a refetch (the provider may have rotated), but at most this long after the last
   * fetch; a failed fetch is not retried within it either. Default 30 s.
   */
  minRefetchIntervalMs?: number;
  /** Default 5 s. */
  fetchTimeoutMs?: number;
}

export interface StaffTokenVerifierOptions {
  /** Development and tests: tokens signed with this shared secret (HS256). */
  hs256Secret?: string;
  /** Production: the identity provider's JWKS; tokens signed RS256 or ES256. */
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** Where the token carries agency and roles; LEP's own `agency` and `roles` by default. */
  claims?: StaffClaimNames;
  jwks?: JwksOptions;
}

type Algorithm = 'HS256' | 'RS256' | 'ES256';

/**
 * The provider's key set through jose's remote JWKS (cache, refetch on an unknown `kid` after a cooldown,
 * concurrent callers sharing one fetch), with what jose leaves to us: a token must name its key, and a provider
 * that just failed is not asked again for every incoming request.
 */
function providerKeys(url: string, options: JwksOptions): JWTVerifyGetKey {
  const cooldownMs = options.minRefetchIntervalMs ?? 30_000;
  let lastFailureAt = Number.NEGATIVE_INFINITY;
  const guardedFetch = async (input: string, init: RequestInit): Promise<Response> => {
    if (Date.now() - lastFailureAt < cooldownMs)
      throw new SigningKeysUnavailableError(`${url} failed recently; retrying after the refetch interval`);
    const failed = (detail: string): SigningKeysUnavailableError => {
      lastFailureAt = Date.now();
      return new SigningKeysUnavailableError(`fetching ${url} failed: ${detail}`);
    };
    const response = await fetch(input, init).catch((error: unknown) => {
      // jose turns an abort into its own timeout error; anything else is ours to report.
      if (error instanceof Error && error.name === 'TimeoutError') throw error;
      throw failed(error instanceof Error ? error.message : String(error));
    });
    if (response.status !== 200) throw failed(`HTTP ${response.status}`);
    return response;
  };
  const remote = createRemoteJWKSet(new URL(url), {
    cacheMaxAge: options.cacheTtlMs ?? 10 * 60_000,
    cooldownDuration: cooldownMs,
    timeoutDuration: options.fetchTimeoutMs ?? 5_000,
    [customFetch]: guardedFetch,
  });
  return async (header, token) => {
    if (!header.kid) throw new TokenRejectedError('token-invalid', 'kid is missing');
    return remote(header, token);
  };
}

/** jose's refusal in the words of the denial log; the caller only ever sees a 401 or 503. */
function refusal(error: unknown, token: string, expected: { issuer: string; audience: string }): Error {
  if (error instanceof TokenRejectedError || error instanceof SigningKeysUnavailableError) return error;
  if (error instanceof errors.JWTExpired)
    return new TokenRejectedError('token-expired', `expired at ${String(error.payload.exp)}`);
  if (error instanceof errors.JWTClaimValidationFailed) {
    const detail: Record<string, string> = {
      iss: `issuer ${String(error.payload.iss)} is not ${expected.issuer}`,
      aud: `audience does not include ${expected.audience}`,
      nbf: 'not valid yet (nbf)',
      exp: 'exp is missing',
    };
    return new TokenRejectedError('token-invalid', detail[error.claim] ?? `${error.claim}: ${error.message}`);
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
    return new SigningKeysUnavailableError(error.message);
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new TokenRejectedError('token-invalid', `${headerOf(token).alg ?? 'no alg'} is not accepted here`);
  if (error instanceof errors.JWKSNoMatchingKey) {
    const { kid, alg } = headerOf(token);
    return new TokenRejectedError('token-invalid', `kid ${kid} is not published by the provider for ${alg}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new TokenRejectedError('token-invalid', 'signature does not verify');
  // Malformed tokens (JWSInvalid, JWTInvalid, JOSENotSupported) and keys jose refuses (an RSA key under 2048
  // bits is a TypeError) are the token's problem.
  return new TokenRejectedError('token-invalid', error instanceof Error ? error.message : String(error));
}

function headerOf(token: string): { alg?: string; kid?: string } {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return {};
  }
}

/**
 * Verifies staff bearer tokens with jose. Exactly one trust source is configured, so a development secret left
 * in a production environment cannot silently become a second way in; the algorithms follow from it (HS256 with
 * the secret, RS256/ES256 with the provider's keys), which rules out algorithm confusion.
 */
export class StaffTokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: Algorithm[];
  private readonly claims: StaffClaimNames;

  constructor(private readonly options: StaffTokenVerifierOptions) {
    if (Boolean(options.hs256Secret) === Boolean(options.jwksUrl))
      throw new Error('configure exactly one of jwt.hs256Secret (development) and jwt.jwksUrl (production)');
    if (!options.issuer || !options.audience) throw new Error('jwt.issuer and jwt.audience are required');
    this.claims = options.claims ?? {};
    assertStaffClaimNames(this.claims);
    if (options.hs256Secret) {
      assertHs256Secret(options.hs256Secret);
      this.key = new TextEncoder().encode(options.hs256Secret);
      this.algorithms = ['HS256'];
    } else {
      this.key = providerKeys(options.jwksUrl!, options.jwks ?? {});
      this.algorithms = ['RS256', 'ES256'];
    }
  }

  /** The staff principal the token proves, or a TokenRejectedError / SigningKeysUnavailableError. */
  async verify(token: string): Promise<Principal> {
    const expected = { issuer: this.options.issuer, audience: this.options.audience };
    let payload: JWTPayload;
    try {
      const checks = {
        ...expected,
        algorithms: this.algorithms,
        clockTolerance: CLOCK_LEEWAY_SECONDS,
        requiredClaims: ['exp'],
      };
      ({ payload } =
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, checks)
          : await jwtVerify(token, this.key, checks));
    } catch (error) {
      throw refusal(error, token, expected);
    }
    return staffPrincipalFromClaims(payload, this.claims, Math.floor(Date.now() / 1000));
  }
}
