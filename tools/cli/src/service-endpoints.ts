/** Where the operator's tools find each service: `LEP_<SERVICE>_URL`, else the default local port. */
export const SERVICE_PORTS = {
  'case-api': 3000,
  registry: 3001,
  evidence: 3002,
  publication: 3003,
  statistics: 3004,
  worker: 3005,
} as const;

export type ServiceName = keyof typeof SERVICE_PORTS;

export const SERVICE_NAMES = Object.keys(SERVICE_PORTS) as ServiceName[];

export function serviceUrl(name: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const variable = `LEP_${name.toUpperCase().replace(/-/g, '_')}_URL`;
  return (env[variable] ?? `http://127.0.0.1:${SERVICE_PORTS[name]}`).replace(/\/+$/, '');
}
