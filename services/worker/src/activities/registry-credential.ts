import { signStaffToken } from '@lep/auth';
import type { WorkerConfig } from '../config';

const TOKEN_SECONDS = 600;
const RENEW_BEFORE_MS = 60_000;

/**
 * How the worker proves itself to the registry: its API key when it has one, else a short-lived service token
 * signed with the platform's own secret (development and single-issuer deployments), renewed before expiry.
 */
export function registryCredential(config: WorkerConfig): () => string {
  if (config.REGISTRY_API_KEY) {
    const key = config.REGISTRY_API_KEY;
    return () => key;
  }
  const secret = config.AUTH_JWT_SECRET;
  if (!secret)
    throw new Error('REGISTRY_API_KEY is required when the worker has no AUTH_JWT_SECRET to sign with');
  let token = '';
  let renewAt = 0;
  return () => {
    if (Date.now() >= renewAt) {
      token = signStaffToken(
        { sub: 'lep-worker', agency: 'XPCC', roles: ['platform-admin'] },
        {
          secret,
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
          expiresInSeconds: TOKEN_SECONDS,
        },
      );
      renewAt = Date.now() + TOKEN_SECONDS * 1000 - RENEW_BEFORE_MS;
    }
    return token;
  };
}
