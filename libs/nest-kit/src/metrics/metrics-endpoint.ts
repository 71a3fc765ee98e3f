import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ServiceMetrics } from './service-metrics';

export const METRICS_PATH = '/metrics';

/**
 * GET /metrics in Prometheus' text format. It is served beside the API on the service's port but outside Nest:
 * no staff authentication, no rate limit, no audit entry, not in the OpenAPI document. Without `token` anyone who
 * reaches the port reads it, so the route must not be exposed to the public (docs/operations.md); with a token
 * (METRICS_TOKEN) a scrape must send `Authorization: Bearer <token>`.
 */
export function metricsEndpoint(
  metrics: ServiceMetrics,
  options: { token?: string; extra?: Array<() => Promise<string>> } = {},
) {
  const expected = options.token === undefined ? undefined : digest(options.token);
  return (request: Request, response: Response): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.status(405).setHeader('Allow', 'GET, HEAD').end();
      return;
    }
    if (expected !== undefined) {
      const presented = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
        response.status(401).setHeader('WWW-Authenticate', 'Bearer').end();
        return;
      }
    }
    metrics.exposition(options.extra).then(
      (text) => {
        response.status(200).setHeader('Content-Type', metrics.registry.contentType).end(text);
      },
      (error: unknown) => {
        response
          .status(500)
          .setHeader('Content-Type', 'text/plain; charset=utf-8')
          .end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  };
}

// Equal-length digests, so comparing them leaks neither the token nor its length.
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
