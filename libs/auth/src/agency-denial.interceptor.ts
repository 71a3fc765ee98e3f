import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { AuthEvents } from './auth-events';
import type { AuthenticatedRequest } from './decorators';
import { requestMeta } from './request-meta';

function isAgencyForbidden(error: unknown): boolean {
  if (!(error instanceof HttpException)) return false;
  const body = error.getResponse();
  return (
    typeof body === 'object' && body !== null && (body as { code?: unknown }).code === 'AGENCY_FORBIDDEN'
  );
}

/**
 * assertAgencyAccess runs deep inside services, far from the guard; its refusals surface here on their way
 * out, so agency denials reach AuthEvents like every other denial.
 */
@Injectable()
export class AgencyDenialInterceptor implements NestInterceptor {
  constructor(private readonly events: AuthEvents) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (context.getType() === 'http' && isAgencyForbidden(error)) {
          const request = context.switchToHttp().getRequest<Request & Partial<AuthenticatedRequest>>();
          this.events.denied('agency-forbidden', requestMeta(request, request.principal));
        }
        return throwError(() => error);
      }),
    );
  }
}
