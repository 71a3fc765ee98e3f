import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { InvalidEnvironmentError, loadConfig } from '../config';
import { createServiceApp, CreateServiceAppOptions } from './create-service-app';
import type { ServiceDescription } from './openapi';
import { parseTrustProxy } from './trust-proxy';

export interface RunServiceOptions<C extends { TRUST_PROXY?: string }> {
  service: ServiceDescription;
  configClass: new () => C;
  rootModule: (config: C) => DynamicModule;
  port: (config: C) => number;
  /** Application options beyond the shared conventions, e.g. a larger JSON body limit for bulk routes. */
  appOptions?: Pick<CreateServiceAppOptions, 'jsonBodyLimit'>;
}

/**
 * Entry point of a service's main.ts. A bad environment ends the process with exit code 1 and one line
 * naming the variable, before any connection is opened. TRUST_PROXY (ServiceEnv) sets Express's
 * `trust proxy` for every service alike.
 */
export async function runService<C extends { TRUST_PROXY?: string }>(
  options: RunServiceOptions<C>,
): Promise<void> {
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
  const app = await createServiceApp(rootModule, options.service, {
    ...options.appOptions,
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
  });
  const port = options.port(config);
  await app.listen(port, '0.0.0.0');
  console.log(`${options.service.name} listening on http://127.0.0.1:${port} (OpenAPI: /api/docs)`);
}
