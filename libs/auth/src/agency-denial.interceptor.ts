import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { AuthDenialReason, AuthEvents } from './auth-events';
import type { AuthenticatedRequest } from './decorators';
import { STATE_CHANGING_METHODS } from './audit/audit.interceptor';
import { requestMeta } from './request-meta';

function errorCode(error: HttpException): unknown {
  const body = error.getResponse();
  return typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
}

/**
 * Which denial a handler's refusal is, if any. AGENCY_FORBIDDEN (assertAgencyAccess) on any request; any other
 * 403 a service raises itself (e.g. evidence's access policy) on a read, since AuditInterceptor records the
 * outcome of every state-changing request already and would record it twice.
 */
function denialOf(error: unknown, method: string): { reason: AuthDenialReason; detail?: string } | undefined {
  if (!(error instanceof HttpException) || error.getStatus() !== 403) return undefined;
  const code = errorCode(error);
  if (code === 'AGENCY_FORBIDDEN') return { reason: 'agency-forbidden' };
  if (STATE_CHANGING_METHODS.has(method)) return undefined;
  return { reason: 'access-forbidden', detail: typeof code === 'string' ? code : undefined };
}

/**
 * assertAgencyAccess and the services' own access policies run deep inside services, far from the guard; their
 * refusals surface here on their way out, so they reach AuthEvents (and the audit log) like every other denial.
 */
@Injectable()
export class AgencyDenialInterceptor implements NestInterceptor {
  constructor(private readonly events: AuthEvents) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (context.getType() === 'http') {
          const request = context.switchToHttp().getRequest<Request & Partial<AuthenticatedRequest>>();
          const denial = denialOf(error, request.method);
          if (denial)
            this.events.denied(denial.reason, requestMeta(request, request.principal, denial.detail));
        }
        return throwError(() => error);
      }),
    );
  }
}
