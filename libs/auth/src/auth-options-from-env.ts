import { InvalidEnvironmentError } from '@lep/nest-kit';
import { IntrospectingApiKeyVerifier } from './api-keys/introspecting-api-key-verifier';
import type { AuthOptions } from './auth-options';
import { parseRoleMap, StaffClaimNames } from './jwt/staff-claim-names';

export interface AuthEnvironment {
  AUTH_JWT_SECRET?: string;
  AUTH_JWKS_URL?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  /** Dotted path of the agency claim in the provider's tokens (default `agency`). */
  AUTH_AGENCY_CLAIM?: string;
  /** Dotted path of the roles claim (default `roles`; Keycloak realm roles: `realm_access.roles`). */
  AUTH_ROLES_CLAIM?: string;
  /** `provider-role=lep-role,…`; when set, only mapped provider roles count. */
  AUTH_ROLE_MAP?: string;
  /** The registry's `POST /api/v1/auth/introspect`; without it this service refuses API keys. */
  AUTH_API_KEY_INTROSPECTION_URL?: string;
}

function claimNames(env: AuthEnvironment): StaffClaimNames {
  let roleMap: StaffClaimNames['roleMap'];
  try {
    roleMap = env.AUTH_ROLE_MAP ? parseRoleMap(env.AUTH_ROLE_MAP, 'AUTH_ROLE_MAP') : undefined;
  } catch (error) {
    // Thrown while the root module is built, before anything listens: the service prints it as its last line.
    throw new InvalidEnvironmentError('AUTH_ROLE_MAP', (error as Error).message);
  }
  return {
    ...(env.AUTH_AGENCY_CLAIM ? { agency: env.AUTH_AGENCY_CLAIM } : {}),
    ...(env.AUTH_ROLES_CLAIM ? { roles: env.AUTH_ROLES_CLAIM } : {}),
    ...(roleMap ? { roleMap } : {}),
  };
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
      claims: claimNames(env),
    },
  };
}
