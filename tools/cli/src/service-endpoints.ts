import { SERVICE_PORTS, ServiceName } from '@lep/contracts';
import { runningDevStack } from './dev-stack';

export { SERVICE_NAMES } from '@lep/contracts';
export type { ServiceName } from '@lep/contracts';

/**
 * Where the operator's tools find each service: `LEP_<SERVICE>_URL`, else the stack `npm start` runs here, else
 * the default local port.
 */
export function serviceUrl(name: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const variable = `LEP_${name.toUpperCase().replace(/-/g, '_')}_URL`;
  const url =
    env[variable] ?? runningDevStack(env)?.services[name] ?? `http://127.0.0.1:${SERVICE_PORTS[name]}`;
  return url.replace(/\/+$/, '');
}
