import { Injectable, Logger } from '@nestjs/common';
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
  | 'agency-forbidden';

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

/** Default: one warning line per denial. */
@Injectable()
export class LoggerAuthEvents extends AuthEvents {
  private readonly logger = new Logger('Auth');

  denied(reason: AuthDenialReason, request: AuthRequestMeta): void {
    const who = request.principal ? ` ${request.principal.kind}:${request.principal.subject}` : '';
    const detail = request.detail ? ` (${request.detail})` : '';
    this.logger.warn(
      `denied ${reason}: ${request.method} ${request.path}${who} from ${request.ip ?? '?'}${detail}`,
    );
  }
}
