import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from './audit/audit-trail';
import type { Principal } from './principal';

export type AuthDenialReason =
  | 'credential-missing'
  | 'credentials-ambiguous'
  | 'token-invalid'
  | 'token-expired'
  | 'api-key-invalid'
  | 'signing-keys-unavailable'
  | 'api-keys-unavailable'
  | 'role-forbidden'
  | 'agency-forbidden'
  /** A service's own access policy said no (e.g. evidence restricted to the case's handlers). */
  | 'access-forbidden';

/** Denials of an authenticated caller (403); every other reason is about the credential (401). */
const FORBIDDEN_REASONS: ReadonlySet<AuthDenialReason> = new Set([
  'role-forbidden',
  'agency-forbidden',
  'access-forbidden',
]);

/** What is known about a refused request; never the credential itself. */
export interface AuthRequestMeta {
  method: string;
  /** Path without the query string (queries may carry personal data). */
  path: string;
  ip?: string;
  /** Who was refused, when authentication succeeded and authorisation did not. */
  principal?: Pick<Principal, 'kind' | 'subject' | 'agencyCode'>;
  /** English explanation for operators, e.g. which token check failed. */
  detail?: string;
}

/**
 * Hook every denial goes through, so the audit log can record them. Used as the DI token: replace it with
 * `AuthModule.forRoot({ events })` or by providing `AuthEvents` yourself.
 */
export abstract class AuthEvents {
  abstract denied(reason: AuthDenialReason, request: AuthRequestMeta): void;
}

/** Default: one warning line per denial, and an entry in the service's audit log. */
@Injectable()
export class LoggerAuthEvents extends AuthEvents {
  private readonly logger = new Logger('Auth');

  constructor(private readonly trail: AuditTrail) {
    super();
  }

  denied(reason: AuthDenialReason, request: AuthRequestMeta): void {
    void this.trail.record({
      at: new Date().toISOString(),
      outcome: 'denied',
      method: request.method,
      path: request.path,
      status: FORBIDDEN_REASONS.has(reason) ? 403 : 401,
      code: reason,
      ...(request.principal ? { actor: request.principal } : {}),
      ...(request.ip ? { ip: request.ip } : {}),
    });
    const who = request.principal ? ` ${request.principal.kind}:${request.principal.subject}` : '';
    const detail = request.detail ? ` (${request.detail})` : '';
    this.logger.warn(
      `denied ${reason}: ${request.method} ${request.path}${who} from ${request.ip ?? '?'}${detail}`,
    );
  }
}
