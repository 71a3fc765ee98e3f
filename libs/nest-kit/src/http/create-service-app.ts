import { DynamicModule, INestApplication, Logger, Type } from '@nestjs/common';
import { ModuleRef, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { ApiExceptionFilter, assertJsonDepth, createValidationPipe, RejectNulPipe } from '../errors';
import { KafkaClient } from '../kafka/kafka.module';
import { createJsonLogger, JsonLoggerService, LogLevel, requestLogging } from '../logging';
import { OutboxRelay } from '../messaging/outbox-relay';
import {
  METRICS_PATH,
  metricsEndpoint,
  registerConsumerLagMetrics,
  registerOutboxMetrics,
  ServiceMetrics,
} from '../metrics';
import { buildOpenApiDocument, serveOpenApi, ServiceDescription } from './openapi';
import type { TrustProxy } from './trust-proxy';

export interface CreateServiceAppOptions {
  /** `false`: write no log line at all (tests that read nothing from the logs). */
  logger?: false;
  /** LOG_LEVEL: the lowest level written; default `log`. */
  logLevel?: LogLevel;
  /** Where the JSON log lines go; default standard output. */
  logDestination?: DestinationStream;
  /** METRICS_TOKEN: the bearer token /metrics requires; unset, /metrics answers whoever reaches the port. */
  metricsToken?: string;
  /** More text for /metrics, read at each scrape (the Temporal runtime's own exporter in worker hosts). */
  metricsSources?: Array<() => Promise<string>>;
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
 * uniform error bodies, OpenAPI at /api/docs, the client address behind trusted proxies, JSON logs with a request
 * id per request (docs/operations.md), Prometheus metrics at /metrics, and shutdown hooks so SIGTERM closes
 * connections cleanly.
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
  const logger = createJsonLogger({
    service: service.name,
    level: options.logger === false ? 'silent' : options.logLevel,
    destination: options.logDestination,
  });
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    logger: new JsonLoggerService(logger),
    bodyParser: true,
  });
  app.set('trust proxy', options.trustProxy ?? false);
  const metrics = new ServiceMetrics(service.name);
  registerDependencyMetrics(app, metrics);
  // First in the chain, so every later middleware and handler logs under the request's id.
  app.use(requestLogging(logger, metrics.observeRequest));
  app
    .getHttpAdapter()
    .getInstance()
    .all(
      METRICS_PATH,
      metricsEndpoint(metrics, { token: options.metricsToken, extra: options.metricsSources }),
    );
  // Registered before init, so Nest's default JSON parser is not added on top of it.
  app.useBodyParser('json', { limit: options.jsonBodyLimit ?? '100kb', verify: assertJsonDepth });
  app.useGlobalPipes(new RejectNulPipe(), createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  serveOpenApi(app, buildOpenApiDocument(app, service));
  return app;
}

/** The messaging figures of whatever the service runs: its outbox and dead letters, its consumers' lag. */
function registerDependencyMetrics(app: INestApplication, metrics: ServiceMetrics): void {
  const logger = new Logger('Metrics');
  const relay = optionalProvider(app, OutboxRelay);
  const dataSource = relay && optionalProvider(app, DataSource);
  if (dataSource) registerOutboxMetrics(metrics, dataSource, logger);
  const kafka = optionalProvider(app, KafkaClient);
  if (kafka) registerConsumerLagMetrics(metrics, kafka, logger);
}

function optionalProvider<T>(app: INestApplication, token: Type<T>): T | undefined {
  // Through ModuleRef: the application's own get() ends the process on an unknown token (abortOnError).
  try {
    return app.get(ModuleRef).get(token, { strict: false });
  } catch {
    return undefined;
  }
}
