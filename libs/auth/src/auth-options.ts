import type { AuthEvents } from './auth-events';
import type { Principal } from './principal';

/** Looks up a presented `lep_<keyId>_<secret>` key; the registry implements it against its database. */
export interface ApiKeyVerifier {
  verify(presentedKey: string): Promise<Principal | null>;
}

export interface AuthOptions {
  /** Exactly one of hs256Secret (development, tests) and jwksUrl (production). */
  jwt: { hs256Secret?: string; jwksUrl?: string; issuer: string; audience: string };
  /** Accepts `x-api-key: lep_<keyId>_<secret>`; without it, API keys are refused. */
  apiKeys?: ApiKeyVerifier;
  /** Where denials go; defaults to a Nest Logger warning. */
  events?: AuthEvents;
}

export const AUTH_OPTIONS = 'LEP_AUTH_OPTIONS';
