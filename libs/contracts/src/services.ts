/** Every LEP process and the port it listens on by default (overridden by PORT in each service). */
export const SERVICE_PORTS = {
  'case-api': 3000,
  registry: 3001,
  evidence: 3002,
  publication: 3003,
  statistics: 3004,
  worker: 3005,
  documents: 3006,
} as const;

export type ServiceName = keyof typeof SERVICE_PORTS;

export const SERVICE_NAMES = Object.keys(SERVICE_PORTS) as ServiceName[];
