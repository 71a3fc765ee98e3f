// The LEP services as deployment files see them: each one's config class (what it validates at start-up) and the
// database it owns. The compose test and the Helm chart test check their environments against these.
import { getMetadataStorage } from 'class-validator';
import { CaseApiConfig } from '../../services/case-api/src/config';
import { DocumentsConfig } from '../../services/documents/src/config';
import { EvidenceConfig } from '../../services/evidence/src/config';
import { PublicationConfig } from '../../services/publication/src/config';
import { RegistryConfig } from '../../services/registry/src/config';
import { StatisticsConfig } from '../../services/statistics/src/config';
import { WorkerConfig } from '../../services/worker/src/config';

export type ConfigClass = new () => object;

/** Each LEP service: the config class it validates its environment with, and the database it owns. */
export const LEP_SERVICES: Record<string, { config: ConfigClass; database: string }> = {
  'case-api': { config: CaseApiConfig, database: 'lep_cases' },
  registry: { config: RegistryConfig, database: 'lep_registry' },
  evidence: { config: EvidenceConfig, database: 'lep_evidence' },
  publication: { config: PublicationConfig, database: 'lep_publication' },
  statistics: { config: StatisticsConfig, database: 'lep_statistics' },
  worker: { config: WorkerConfig, database: 'lep_cases' },
  documents: { config: DocumentsConfig, database: 'lep_documents' },
};

/** The variables LEP services read; a name outside this list in a service's environment is a typo. */
export const PLATFORM_VARIABLES = [
  'PORT',
  'DATABASE_URL',
  'KAFKA_BROKERS',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY',
  'S3_SECRET_KEY',
  'S3_REGION',
  'S3_BUCKET',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'KAFKA_SSL',
  'KAFKA_SSL_CA_FILE',
  'KAFKA_SASL_MECHANISM',
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
  'OUTBOX_RETENTION_DAYS',
  'TEMPORAL_TLS',
  'TEMPORAL_TLS_CA_FILE',
  'TEMPORAL_TLS_CERT_FILE',
  'TEMPORAL_TLS_KEY_FILE',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_PAYLOAD_KEYS',
  'TEMPORAL_PAYLOAD_KEY_ID',
  'TEMPORAL_UI_ORIGIN',
  'S3_CA_FILE',
  'AUTH_JWT_SECRET',
  'AUTH_JWKS_URL',
  'AUTH_API_KEY_INTROSPECTION_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_AGENCY_CLAIM',
  'AUTH_ROLES_CLAIM',
  'AUTH_ROLE_MAP',
  'LOG_LEVEL',
  'TRUST_PROXY',
  'METRICS_TOKEN',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'REGISTRY_URL',
  'REGISTRY_API_KEY',
  'CALENDAR_CACHE_SECONDS',
  'CASE_ACTION_WAIT_SECONDS',
  'REVIEW_SLA_WORKING_DAYS',
  'REVIEW_EXTENSION_WORKING_DAYS',
  'EVIDENCE_MAX_FILE_BYTES',
  'EVIDENCE_PART_SIZE_MIB',
  'EVIDENCE_DEFAULT_RETENTION',
  'EVIDENCE_UPLOAD_IDLE_SECONDS',
  'EVIDENCE_PRESIGNED_URL_SECONDS',
  'PUBLICATION_DISPLAY_MONTHS',
  'PUBLICATION_NAME_POLICY',
  'PUBLIC_RATE_LIMIT_PER_MINUTE',
  'PUBLICATION_UPSTREAM_URL',
  'PUBLICATION_UPSTREAM_TOKEN',
  'EVIDENCE_URL',
  'DOCUMENTS_URL',
  'DOCUMENTS_FONT_BODY',
  'DOCUMENTS_FONT_TITLE',
  'DOCUMENTS_UPSTREAM_TIMEOUT_SECONDS',
];

/** The variables a config class validates (every property with a class-validator decorator). */
export function validatedVariables(configClass: ConfigClass): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))].sort();
}
