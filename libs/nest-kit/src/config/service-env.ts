import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import {
  IsBrokerList,
  IsClaimPath,
  IsFlag,
  IsHostPort,
  IsPayloadKeyVariable,
  IsPort,
  IsPostgresUrl,
  IsReadableFile,
  IsSecret,
  IsServiceUrl,
  IsTrustProxy,
} from './env-validators';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

/** Variables every service reads. Each service's config class adds the dependencies it uses. */
export class ServiceEnv {
  @IsPort()
  PORT!: number;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'], {
    message: 'LOG_LEVEL must be one of error, warn, log, debug, verbose',
  })
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /**
   * When set, GET /metrics answers only a scrape that sends `Authorization: Bearer <METRICS_TOKEN>`; unset, it
   * answers anyone who reaches the port, which then must not be reachable from outside (docs/operations.md).
   */
  @IsOptional()
  @IsSecret(16)
  METRICS_TOKEN?: string;

  /**
   * The OpenTelemetry collector's OTLP/HTTP base URL (e.g. http://otel-collector:4318): set, the service records
   * traces and sends them there (the exporter also reads the other standard OTEL_EXPORTER_OTLP_* variables).
   */
  @IsOptional()
  @IsServiceUrl()
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /**
   * The reverse proxies in front of the service (Express `trust proxy`): unset = none, so the peer address is
   * the client's; a hop count; or the proxies' addresses and CIDR ranges. Rate limits and the audit log use the
   * client address this yields.
   */
  @IsOptional()
  @IsTrustProxy()
  TRUST_PROXY?: string;
}

export function WithDatabase<B extends Constructor>(Base: B) {
  class DatabaseEnv extends Base {
    @IsPostgresUrl()
    DATABASE_URL!: string;
  }
  return DatabaseEnv;
}

export function WithKafka<B extends Constructor>(Base: B) {
  class KafkaEnv extends Base {
    @IsBrokerList()
    KAFKA_BROKERS!: string[];

    /** TLS to the brokers; with KAFKA_SSL_CA_FILE when their certificates are not signed by a public CA. */
    @IsFlag()
    KAFKA_SSL = false;

    @IsOptional()
    @IsReadableFile()
    KAFKA_SSL_CA_FILE?: string;

    @IsOptional()
    @IsIn(['plain', 'scram-sha-256', 'scram-sha-512'], {
      message: 'KAFKA_SASL_MECHANISM must be one of plain, scram-sha-256, scram-sha-512',
    })
    KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512';

    @ValidateIf((env: KafkaEnv) => env.KAFKA_SASL_MECHANISM !== undefined)
    @IsString({ message: 'KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM' })
    KAFKA_SASL_USERNAME?: string;

    @ValidateIf((env: KafkaEnv) => env.KAFKA_SASL_MECHANISM !== undefined)
    @IsString({ message: 'KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM' })
    KAFKA_SASL_PASSWORD?: string;

    /**
     * Days a published event stays in the service's outbox_event before it is removed (docs/topics.md). Kafka
     * holds the published copy; the row is kept a while for operators tracing a delivery.
     */
    @Transform(({ value }) => (value === undefined || value === '' ? value : Number(value)))
    @IsInt({ message: 'OUTBOX_RETENTION_DAYS must be a whole number of days' })
    @Min(1, { message: 'OUTBOX_RETENTION_DAYS must be at least 1' })
    @Max(3650, { message: 'OUTBOX_RETENTION_DAYS must be at most 3650' })
    OUTBOX_RETENTION_DAYS = 7;
  }
  return KafkaEnv;
}

export function WithS3<B extends Constructor>(Base: B) {
  class S3Env extends Base {
    @IsServiceUrl()
    S3_ENDPOINT!: string;

    @IsString({ message: 'S3_ACCESS_KEY is required' })
    S3_ACCESS_KEY!: string;

    @IsString({ message: 'S3_SECRET_KEY is required' })
    S3_SECRET_KEY!: string;

    @IsString({ message: 'S3_REGION must be a region name' })
    S3_REGION = 'us-east-1';

    @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
    S3_BUCKET = 'lep-evidence';

    /** CA bundle trusted for an https S3_ENDPOINT whose certificate no public CA signed. */
    @IsOptional()
    @IsReadableFile()
    S3_CA_FILE?: string;
  }
  return S3Env;
}

export function WithTemporal<B extends Constructor>(Base: B) {
  class TemporalEnv extends Base {
    @IsHostPort()
    TEMPORAL_ADDRESS!: string;

    @IsOptional()
    @Matches(/^[A-Za-z0-9._-]{1,255}$/, { message: 'TEMPORAL_NAMESPACE must be a Temporal namespace name' })
    TEMPORAL_NAMESPACE = 'default';

    /** TLS to the frontend; the CA, client certificate and key files add a private CA and mutual TLS. */
    @IsFlag()
    TEMPORAL_TLS = false;

    @IsOptional()
    @IsReadableFile()
    TEMPORAL_TLS_CA_FILE?: string;

    @ValidateIf((env: TemporalEnv) => env.TEMPORAL_TLS_KEY_FILE !== undefined)
    @IsReadableFile()
    TEMPORAL_TLS_CERT_FILE?: string;

    @ValidateIf((env: TemporalEnv) => env.TEMPORAL_TLS_CERT_FILE !== undefined)
    @IsReadableFile()
    TEMPORAL_TLS_KEY_FILE?: string;

    @IsOptional()
    @IsString({ message: 'TEMPORAL_TLS_SERVER_NAME must be a host name' })
    TEMPORAL_TLS_SERVER_NAME?: string;

    /**
     * The keys workflow payloads are encrypted with (`id:base64,…`, each 32 random bytes) and the id of the one
     * that encrypts now: personal data never reaches Temporal's history in plaintext. Every client and worker of
     * the namespace needs the same list (docs/operations.md, rotating the payload key).
     */
    @IsPayloadKeyVariable('TEMPORAL_PAYLOAD_KEYS')
    TEMPORAL_PAYLOAD_KEYS!: string;

    @IsPayloadKeyVariable('TEMPORAL_PAYLOAD_KEY_ID')
    TEMPORAL_PAYLOAD_KEY_ID!: string;
  }
  return TemporalEnv;
}

/**
 * How staff tokens are verified: a shared HS256 secret in development and tests, or the JWKS URL of the
 * production OIDC provider — exactly one of the two.
 */
export function WithAuth<B extends Constructor>(Base: B) {
  class AuthEnv extends Base {
    @ValidateIf((env: AuthEnv) => !env.AUTH_JWKS_URL)
    @IsSecret(32)
    AUTH_JWT_SECRET?: string;

    @ValidateIf((env: AuthEnv) => !env.AUTH_JWT_SECRET)
    @IsServiceUrl()
    AUTH_JWKS_URL?: string;

    @IsString({ message: 'AUTH_ISSUER must name the token issuer' })
    AUTH_ISSUER = 'lep';

    @IsString({ message: 'AUTH_AUDIENCE must name the token audience' })
    AUTH_AUDIENCE = 'lep-api';

    /** Where an OIDC provider's tokens carry the agency code (dotted path); default `agency`. */
    @IsOptional()
    @IsClaimPath()
    AUTH_AGENCY_CLAIM?: string;

    /** Where they carry the roles (dotted path to a list); default `roles`, Keycloak `realm_access.roles`. */
    @IsOptional()
    @IsClaimPath()
    AUTH_ROLES_CLAIM?: string;

    /**
     * `provider-role=lep-role,…`: only these provider roles count, as the LEP roles named. Its LEP roles are
     * checked against the role list by @lep/auth when the service builds its modules.
     */
    @IsOptional()
    @Matches(/^\s*[^=,\s]+\s*=\s*[a-z-]+\s*(,\s*[^=,\s]+\s*=\s*[a-z-]+\s*)*$/, {
      message: 'AUTH_ROLE_MAP must be provider-role=lep-role pairs separated by commas',
    })
    AUTH_ROLE_MAP?: string;

    /** The registry's API-key introspection route; unset, the service accepts no API keys. */
    @IsOptional()
    @IsServiceUrl()
    AUTH_API_KEY_INTROSPECTION_URL?: string;
  }
  return AuthEnv;
}

/**
 * The working-day calendar, which the registry owns: where to read it, and how long a copy serves before it is
 * read again (the calendar-changed event drops the copy at once; this bounds a replica that missed it).
 */
export function WithCalendar<B extends Constructor>(Base: B) {
  class CalendarEnv extends Base {
    @IsServiceUrl()
    REGISTRY_URL!: string;

    @Type(() => Number)
    @IsInt({ message: 'CALENDAR_CACHE_SECONDS must be a whole number of seconds' })
    @Min(0, { message: 'CALENDAR_CACHE_SECONDS must be between 0 and 3600' })
    @Max(3600, { message: 'CALENDAR_CACHE_SECONDS must be between 0 and 3600' })
    CALENDAR_CACHE_SECONDS = 60;
  }
  return CalendarEnv;
}

/** The union of every dependency variable, as seen by code that wires modules from whatever a config has. */
export interface DependencyEnv {
  DATABASE_URL?: string;
  KAFKA_BROKERS?: string[];
  S3_ENDPOINT?: string;
  S3_ACCESS_KEY?: string;
  S3_SECRET_KEY?: string;
  S3_REGION?: string;
  S3_BUCKET?: string;
  S3_CA_FILE?: string;
  TEMPORAL_ADDRESS?: string;
  TEMPORAL_NAMESPACE?: string;
  KAFKA_SSL?: boolean;
  KAFKA_SSL_CA_FILE?: string;
  KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  OUTBOX_RETENTION_DAYS?: number;
  TEMPORAL_TLS?: boolean;
  TEMPORAL_TLS_CA_FILE?: string;
  TEMPORAL_TLS_CERT_FILE?: string;
  TEMPORAL_TLS_KEY_FILE?: string;
  TEMPORAL_TLS_SERVER_NAME?: string;
  TEMPORAL_PAYLOAD_KEYS?: string;
  TEMPORAL_PAYLOAD_KEY_ID?: string;
}
