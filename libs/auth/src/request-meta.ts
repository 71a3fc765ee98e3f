import type { Request } from 'express';
import type { AuthRequestMeta } from './auth-events';
import type { Principal } from './principal';

export function requestMeta(request: Request, principal?: Principal, detail?: string): AuthRequestMeta {
  return {
    method: request.method,
    path: request.originalUrl.split('?')[0] ?? request.originalUrl,
    ...(request.ip ? { ip: request.ip } : {}),
    ...(principal
      ? {
          principal: {
            kind: principal.kind,
            subject: principal.subject,
            ...(principal.agencyCode ? { agencyCode: principal.agencyCode } : {}),
          },
        }
      : {}),
    ...(detail ? { detail } : {}),
  };
}
