/** The processes `npm start` runs, their ports and which peers each one needs. */
export interface ServiceSpec {
  name: string;
  port: number;
  entry: string;
  database?: string;
  kafka?: boolean;
  s3?: boolean;
  temporal?: boolean;
  /** Printed with the URLs: what a person opens there. */
  links: string[];
}

export const SERVICES: ServiceSpec[] = [
  {
    name: 'registry',
    port: 3001,
    entry: 'services/registry/dist/main.js',
    database: 'lep_registry',
    kafka: true,
    links: ['/api/docs'],
  },
  {
    name: 'evidence',
    port: 3002,
    entry: 'services/evidence/dist/main.js',
    database: 'lep_evidence',
    kafka: true,
    s3: true,
    links: ['/api/docs'],
  },
  {
    name: 'publication',
    port: 3003,
    entry: 'services/publication/dist/main.js',
    database: 'lep_publication',
    kafka: true,
    temporal: true,
    links: ['/api/docs'],
  },
  {
    name: 'statistics',
    port: 3004,
    entry: 'services/statistics/dist/main.js',
    database: 'lep_statistics',
    kafka: true,
    temporal: true,
    links: ['/api/docs'],
  },
  {
    name: 'worker',
    port: 3005,
    entry: 'services/worker/dist/main.js',
    database: 'lep_cases',
    kafka: true,
    temporal: true,
    links: ['/health'],
  },
  {
    name: 'case-api',
    port: 3000,
    entry: 'services/case-api/dist/main.js',
    database: 'lep_cases',
    kafka: true,
    temporal: true,
    links: ['/api/docs'],
  },
];
