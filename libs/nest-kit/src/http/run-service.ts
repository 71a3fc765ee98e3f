import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { InvalidEnvironmentError, loadConfig } from '../config';
import { createServiceApp, CreateServiceAppOptions } from './create-service-app';
import type { ServiceDescription } from './openapi';

export interface RunServiceOptions<C extends object> {
  service: ServiceDescription;
  configClass: new () => C;
  rootModule: (config: C) => DynamicModule;
  port: (config: C) => number;
  /** Application options beyond the shared conventions, e.g. a larger JSON body limit for bulk routes. */
  appOptions?: Pick<CreateServiceAppOptions, 'jsonBodyLimit'>;
}

/**
 * Entry point of a service's main.ts. A bad environment ends the process with exit code 1 and one line
 * naming the variable, before any connection is opened.
 */
export async function runService<C extends object>(options: RunServiceOptions<C>): Promise<void> {
  let config: C;
  try {
    config = loadConfig(options.configClass);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    console.error(`${options.service.name}: ${error.message}`);
    process.exit(1);
  }
  const app = await createServiceApp(options.rootModule(config), options.service, options.appOptions);
  const port = options.port(config);
  await app.listen(port, '0.0.0.0');
  console.log(`${options.service.name} listening on http://127.0.0.1:${port} (OpenAPI: /api/docs)`);
}
