import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiExceptionFilter, assertJsonDepth, createValidationPipe, RejectNulPipe } from '../errors';
import { buildOpenApiDocument, serveOpenApi, ServiceDescription } from './openapi';
import type { TrustProxy } from './trust-proxy';

export interface CreateServiceAppOptions {
  logger?: false | ('log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal')[];
  /**
   * Largest JSON request body, e.g. '4mb'; default express's 100 kB. Raise it only for a service with bulk
   * routes (the registry's CSV import batches), so every other service keeps the small limit.
   */
  jsonBodyLimit?: string;
  /**
   * The reverse proxies in front of the service (parseTrustProxy of TRUST_PROXY); default none. With it,
   * `request.ip` — what rate limits and the audit log record — is the client's address from X-Forwarded-For;
   * without it, the peer's, and a client's own X-Forwarded-For is ignored.
   */
  trustProxy?: TrustProxy;
}

/**
 * Builds a service's Nest application with the conventions every LEP service shares: validated DTOs,
 * uniform error bodies, OpenAPI at /api/docs, the client address behind trusted proxies, and shutdown hooks so
 * SIGTERM closes connections cleanly.
 * Tests use it too, so they exercise exactly what production serves.
 *
 * Shutdown order: whatever drains work in flight (the outbox relay, Kafka consumers, hosted Temporal workers)
 * does it in `beforeApplicationShutdown`. Nest runs every `beforeApplicationShutdown` before any
 * `onApplicationShutdown`, where TypeORM closes the database and the Kafka and Temporal clients disconnect, so
 * that work finishes while they are still there.
 */
export async function createServiceApp(
  rootModule: Type<unknown> | DynamicModule,
  service: ServiceDescription,
  options: CreateServiceAppOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    logger: options.logger ?? ['log', 'error', 'warn', 'fatal'],
    bodyParser: true,
  });
  app.set('trust proxy', options.trustProxy ?? false);
  // Registered before init, so Nest's default JSON parser is not added on top of it.
  app.useBodyParser('json', { limit: options.jsonBodyLimit ?? '100kb', verify: assertJsonDepth });
  app.useGlobalPipes(new RejectNulPipe(), createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  serveOpenApi(app, buildOpenApiDocument(app, service));
  return app;
}
