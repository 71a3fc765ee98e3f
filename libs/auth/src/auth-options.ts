import type { AuthEvents } from './auth-events';
import type { StaffTokenVerifierOptions } from './jwt/staff-token-verifier';
import type { Principal } from './principal';

/**
 * Looks up a presented `lep_<keyId>_<secret>` key: the registry checks its own table, every other service
 * asks the registry (IntrospectingApiKeyVerifier). Resolves null for a key that is unknown, revoked or wrong;
 * throws ApiKeysUnavailableError when the answer cannot be had right now.
 */
export interface ApiKeyVerifier {
  verify(presentedKey: string): Promise<Principal | null>;
}

/** DI token of the ApiKeyVerifier the guard uses. */
export const API_KEY_VERIFIER = 'LEP_API_KEY_VERIFIER';

export interface AuthOptions {
  /**
   * Exactly one of hs256Secret (development, tests) and jwksUrl (production); `claims` says where an identity
   * provider's tokens carry agency and roles.
   */
  jwt: StaffTokenVerifierOptions;
  /**
   * Accepts `Authorization: Bearer lep_<keyId>_<secret>` (or `x-api-key: lep_…`); without a verifier, API
   * keys are refused. A verifier that needs injected dependencies is given as a class instead:
   * `AuthModule.forRoot(options, { apiKeyVerifier: SomeVerifier })`.
   */
  apiKeys?: ApiKeyVerifier;
  /** Where denials go; defaults to a Nest Logger warning. */
  events?: AuthEvents;
}

export const AUTH_OPTIONS = 'LEP_AUTH_OPTIONS';
