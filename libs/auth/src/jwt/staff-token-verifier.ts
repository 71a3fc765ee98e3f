import type { KeyObject } from 'node:crypto';
import type { Principal } from '../principal';
import { assertHs256Secret } from './hs256-secret';
import { ASYMMETRIC_ALGORITHMS, decodeJws, DecodedJws, verifyJwsSignature } from './jws';
import { JwksKeyStore, JwksKeyStoreOptions } from './jwks-key-store';
import { staffPrincipalFromClaims } from './staff-claims';
import { TokenRejectedError } from './token-rejected.error';

export interface StaffTokenVerifierOptions {
  /** Development and tests: tokens signed with this shared secret (HS256). */
  hs256Secret?: string;
  /** Production: the identity provider's JWKS; tokens signed RS256 or ES256. */
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** Milliseconds since the epoch, for both claim checks and the JWKS cache. */
  now?: () => number;
  jwks?: Omit<JwksKeyStoreOptions, 'now'>;
}

/**
 * Verifies staff bearer tokens. Exactly one trust source is configured, so a development secret left in a
 * production environment cannot silently become a second way in.
 */
export class StaffTokenVerifier {
  private readonly now: () => number;
  private readonly keyStore?: JwksKeyStore;

  constructor(private readonly options: StaffTokenVerifierOptions) {
    if (Boolean(options.hs256Secret) === Boolean(options.jwksUrl))
      throw new Error('configure exactly one of jwt.hs256Secret (development) and jwt.jwksUrl (production)');
    if (options.hs256Secret) assertHs256Secret(options.hs256Secret);
    if (!options.issuer || !options.audience) throw new Error('jwt.issuer and jwt.audience are required');
    this.now = options.now ?? Date.now;
    if (options.jwksUrl)
      this.keyStore = new JwksKeyStore(options.jwksUrl, { ...options.jwks, now: this.now });
  }

  /** The staff principal the token proves, or a TokenRejectedError / SigningKeysUnavailableError. */
  async verify(token: string): Promise<Principal> {
    const jws = decodeJws(token);
    const key = await this.keyFor(jws);
    if (!verifyJwsSignature(jws, key))
      throw new TokenRejectedError('token-invalid', 'signature does not verify');
    return staffPrincipalFromClaims(jws.payload, {
      issuer: this.options.issuer,
      audience: this.options.audience,
      nowSeconds: Math.floor(this.now() / 1000),
    });
  }

  private async keyFor(jws: DecodedJws): Promise<string | KeyObject> {
    const { alg, kid } = jws.header;
    if (alg === 'HS256') {
      if (!this.options.hs256Secret)
        throw new TokenRejectedError('token-invalid', 'HS256 is not accepted here');
      return this.options.hs256Secret;
    }
    if (!this.keyStore || !ASYMMETRIC_ALGORITHMS.includes(alg))
      throw new TokenRejectedError('token-invalid', `${alg} is not accepted here`);
    if (!kid) throw new TokenRejectedError('token-invalid', 'kid is missing');
    const signingKey = await this.keyStore.getKey(kid);
    if (!signingKey)
      throw new TokenRejectedError('token-invalid', `kid ${kid} is not published by the provider`);
    if (signingKey.alg !== undefined && signingKey.alg !== alg)
      throw new TokenRejectedError('token-invalid', `kid ${kid} is bound to ${signingKey.alg}, not ${alg}`);
    return signingKey.key;
  }
}
