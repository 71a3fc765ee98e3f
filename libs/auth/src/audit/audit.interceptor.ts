import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import type { AuditRecord } from '@lep/nest-kit';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../decorators';
import type { Principal } from '../principal';
import { AuditTrail } from './audit-trail';

/** Requests whose every outcome AuditInterceptor records. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function errorCode(error: unknown): string | undefined {
  if (!(error instanceof HttpException)) return undefined;
  const body = error.getResponse();
  return typeof body === 'object' && body !== null
    ? ((body as { code?: string }).code ?? undefined)
    : undefined;
}

export function auditActor(principal: Principal | undefined): AuditRecord['actor'] {
  if (!principal) return undefined;
  return {
    kind: principal.kind,
    subject: principal.subject,
    ...(principal.agencyCode ? { agencyCode: principal.agencyCode } : {}),
    roles: principal.roles,
  };
}

/**
 * Every state-changing request leaves an audit entry once it has run, whatever its outcome; the response is
 * sent only after the entry is written. Reads are not recorded here; their denials come through AuthEvents.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly trail: AuditTrail) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request & Partial<AuthenticatedRequest>>();
    if (!STATE_CHANGING_METHODS.has(request.method)) return next.handle();
    const entry = (status: number, outcome: AuditRecord['outcome'], code?: string): AuditRecord => ({
      at: new Date().toISOString(),
      outcome,
      method: request.method,
      path: request.originalUrl.split('?')[0] ?? request.originalUrl,
      status,
      ...(code ? { code } : {}),
      actor: auditActor(request.principal),
      ...(request.ip ? { ip: request.ip } : {}),
    });
    return next.handle().pipe(
      mergeMap((body) =>
        from(this.trail.record(entry(http.getResponse<Response>().statusCode, 'applied'))).pipe(
          mergeMap(() => [body]),
        ),
      ),
      catchError((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 500;
        const code = errorCode(error);
        // Agency denials are recorded by AuthEvents already, as every other denial.
        if (code === 'AGENCY_FORBIDDEN') return throwError(() => error);
        const outcome = status >= 500 ? 'failed' : status === 401 || status === 403 ? 'denied' : 'refused';
        return from(this.trail.record(entry(status, outcome, code))).pipe(
          mergeMap(() => throwError(() => error)),
        );
      }),
    );
  }
}
