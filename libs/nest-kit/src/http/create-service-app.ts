import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiExceptionFilter, createValidationPipe } from '../errors';
import { buildOpenApiDocument, serveOpenApi, ServiceDescription } from './openapi';

export interface CreateServiceAppOptions {
  logger?: false | ('log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal')[];
}

/**
 * Builds a service's Nest application with the conventions every LEP service shares: validated DTOs,
 * uniform error bodies, OpenAPI at /api/docs, and shutdown hooks so SIGTERM closes connections cleanly.
 * Tests use it too, so they exercise exactly what production serves.
 */
export async function createServiceApp(
  rootModule: Type<unknown> | DynamicModule,
  service: ServiceDescription,
  options: CreateServiceAppOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule, {
    logger: options.logger ?? ['log', 'error', 'warn', 'fatal'],
    bodyParser: true,
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  serveOpenApi(app, buildOpenApiDocument(app, service));
  return app;
}
