import { ApplicationFailure } from '@temporalio/common';
import { signStaffToken } from '@lep/auth';
import type { WorkerConfig } from '../config';

const TOKEN_SECONDS = 600;
const RENEW_BEFORE_MS = 60_000;

/**
 * How the worker calls the documents service for a case. The documents service issues only into its caller's
 * own agency's cases and stores the PDF in the evidence store with the caller's credential
 * (services/documents upstream/caller-credential.ts), so the worker needs a credential of the case's agency, and
 * one of a role that both issues and voids documents there: the agency head's. An API key belongs to one agency
 * and `agency-system` is reserved for API keys, so the worker signs a short-lived token per agency with the
 * platform's own secret, as itself (`lep-worker`, what the documents and evidence logs name), as registryCredential
 * does for the registry. The workflow has already checked who asked (the submission's actor is in the record).
 */
export function documentsCredential(config: WorkerConfig): (agencyCode: string) => string {
  const secret = config.AUTH_JWT_SECRET;
  const tokens = new Map<string, { token: string; renewAt: number }>();
  return (agencyCode) => {
    // Configuration a retry cannot fix: the submission is refused, saying why, instead of waiting for ever.
    if (!secret)
      throw ApplicationFailure.nonRetryable(
        '平台未为案件工作进程配置调用文书服务的凭据（AUTH_JWT_SECRET），请联系平台管理员',
        'DOCUMENTS_CREDENTIAL_MISSING',
      );
    const held = tokens.get(agencyCode);
    if (held && Date.now() < held.renewAt) return held.token;
    const token = signStaffToken(
      { sub: 'lep-worker', agency: agencyCode, roles: ['leader'] },
      {
        secret,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        expiresInSeconds: TOKEN_SECONDS,
      },
    );
    tokens.set(agencyCode, { token, renewAt: Date.now() + TOKEN_SECONDS * 1000 - RENEW_BEFORE_MS });
    return token;
  };
}
