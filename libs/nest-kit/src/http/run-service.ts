import 'reflect-metadata';
import { DynamicModule, Logger } from '@nestjs/common';
import { InvalidEnvironmentError, loadConfig } from '../config';
import { createServiceApp, CreateServiceAppOptions } from './create-service-app';
import type { LogLevel } from '../logging';
import { installTemporalRuntime } from '../metrics';
import { startTracing } from '../tracing';
import type { ServiceDescription } from './openapi';
import { parseTrustProxy } from './trust-proxy';

/** What runService reads of every service's config (ServiceEnv). */
interface CommonEnv {
  TRUST_PROXY?: string;
  LOG_LEVEL?: LogLevel;
  METRICS_TOKEN?: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}

export interface RunServiceOptions<C extends CommonEnv> {
  service: ServiceDescription;
  configClass: new () => C;
  rootModule: (config: C) => DynamicModule;
  port: (config: C) => number;
  /** Application options beyond the shared conventions, e.g. a larger JSON body limit for bulk routes. */
  appOptions?: Pick<CreateServiceAppOptions, 'jsonBodyLimit'>;
  /**
   * The service hosts Temporal workers: the SDK runtime is installed first (installTemporalRuntime), so its
   * metrics appear on /metrics and its log lines in the service's JSON log.
   */
  temporalRuntime?: boolean;
}

/**
 * Entry point of a service's main.ts. A bad environment ends the process with exit code 1 and one line
 * naming the variable, before any connection is opened. TRUST_PROXY, LOG_LEVEL, METRICS_TOKEN and
 * OTEL_EXPORTER_OTLP_ENDPOINT (ServiceEnv)
 * apply to every service alike.
 */
export async function runService<C extends CommonEnv>(options: RunServiceOptions<C>): Promise<void> {
  let config: C;
  let rootModule: DynamicModule;
  try {
    config = loadConfig(options.configClass);
    // Module factories check what the config class cannot (e.g. @lep/auth's role map) and throw the same error.
    rootModule = options.rootModule(config);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    console.error(`${options.service.name}: ${error.message}`);
    process.exit(1);
  }
  // Before anything opens a connection, so every span from the first request on is recorded.
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) startTracing({ service: options.service.name, exporter: 'otlp' });
  const metricsSources = options.temporalRuntime ? [await installTemporalRuntime(options.service.name)] : [];
  const app = await createServiceApp(rootModule, options.service, {
    ...options.appOptions,
    metricsSources,
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
    logLevel: config.LOG_LEVEL,
    metricsToken: config.METRICS_TOKEN,
  });
  const port = options.port(config);
  await app.listen(port, '0.0.0.0');
  new Logger('Service').log(
    `${options.service.name} listening on http://127.0.0.1:${port} (OpenAPI: /api/docs, metrics: /metrics)`,
  );
}
