import { SERVICE_PORTS } from '@lep/contracts';

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
    port: SERVICE_PORTS.registry,
    entry: 'services/registry/dist/main.js',
    database: 'lep_registry',
    kafka: true,
    links: ['/api/docs'],
  },
  {
    name: 'evidence',
    port: SERVICE_PORTS.evidence,
    entry: 'services/evidence/dist/main.js',
    database: 'lep_evidence',
    kafka: true,
    s3: true,
    links: ['/api/docs'],
  },
  {
    name: 'publication',
    port: SERVICE_PORTS.publication,
    entry: 'services/publication/dist/main.js',
    database: 'lep_publication',
    kafka: true,
    temporal: true,
    links: ['/api/docs'],
  },
  {
    name: 'statistics',
    port: SERVICE_PORTS.statistics,
    entry: 'services/statistics/dist/main.js',
    database: 'lep_statistics',
    kafka: true,
    temporal: true,
    links: ['/api/docs'],
  },
  {
    name: 'worker',
    port: SERVICE_PORTS.worker,
    entry: 'services/worker/dist/main.js',
    database: 'lep_cases',
    kafka: true,
    temporal: true,
    links: ['/health'],
  },
  {
    name: 'case-api',
    port: SERVICE_PORTS['case-api'],
    entry: 'services/case-api/dist/main.js',
    database: 'lep_cases',
    temporal: true,
    links: ['/api/docs'],
  },
  {
    name: 'documents',
    port: SERVICE_PORTS.documents,
    entry: 'services/documents/dist/main.js',
    database: 'lep_documents',
    links: ['/api/docs'],
  },
];
