import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CaseApiConfig } from '../config';

/**
 * CORS for the codec routes only, and only for the Temporal Web UI's origin (TEMPORAL_UI_ORIGIN): the UI calls
 * them from the operator's browser with Content-Type, X-Namespace and, with "pass access token" on, Authorization,
 * so the browser asks first (OPTIONS). Any other origin gets no CORS headers, so browsers keep its pages out.
 * Answered here, before the guard: a preflight carries no credential.
 */
@Injectable()
export class TemporalCodecCors implements NestMiddleware {
  private readonly origin?: string;

  constructor(@Inject(CaseApiConfig) config: CaseApiConfig) {
    this.origin = config.TEMPORAL_UI_ORIGIN;
  }

  use(request: Request, response: Response, next: NextFunction): void {
    response.vary('Origin');
    if (!this.origin || request.headers.origin !== this.origin) return next();
    response.setHeader('Access-Control-Allow-Origin', this.origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    if (request.method !== 'OPTIONS') return next();
    response.setHeader('Access-Control-Allow-Methods', 'POST');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
    response.setHeader('Access-Control-Max-Age', '600');
    response.status(204).end();
  }
}
