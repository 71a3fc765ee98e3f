import { IntrospectingApiKeyVerifier } from './api-keys/introspecting-api-key-verifier';
import type { AuthOptions } from './auth-options';

export interface AuthEnvironment {
  AUTH_JWT_SECRET?: string;
  AUTH_JWKS_URL?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  /** The registry's `POST /api/v1/auth/introspect`; without it this service refuses API keys. */
  AUTH_API_KEY_INTROSPECTION_URL?: string;
}

/** AuthOptions from a service's validated `WithAuth` environment. */
export function authOptionsFromEnv(env: AuthEnvironment, extra: Omit<AuthOptions, 'jwt'> = {}): AuthOptions {
  return {
    ...(env.AUTH_API_KEY_INTROSPECTION_URL
      ? { apiKeys: new IntrospectingApiKeyVerifier(env.AUTH_API_KEY_INTROSPECTION_URL) }
      : {}),
    ...extra,
    jwt: {
      ...(env.AUTH_JWT_SECRET ? { hs256Secret: env.AUTH_JWT_SECRET } : {}),
      ...(env.AUTH_JWKS_URL ? { jwksUrl: env.AUTH_JWKS_URL } : {}),
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
    },
  };
}
