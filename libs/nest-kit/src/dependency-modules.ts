import type { DynamicModule } from '@nestjs/common';
import { DependencyEnv, kafkaSecurity, temporalConnection } from './config';
import { DATABASE_PROBE, DatabaseModule, DatabaseModuleOptions } from './database';
import { HealthModule } from './health';
import { KAFKA_PROBE, KafkaModule } from './kafka';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS, OutboxModule } from './messaging';
import { S3_PROBE, S3Module } from './s3';
import { TEMPORAL_PROBE, TemporalClientModule } from './temporal';

export interface DependencyModulesOptions {
  /** Names the service to Kafka and in logs. */
  serviceName: string;
  config: DependencyEnv;
  database?: Partial<Omit<DatabaseModuleOptions, 'url'>>;
  /**
   * The service writes events to an outbox in its own database and relays them to Kafka: its database gets the
   * platform's messaging tables (outbox, consumed and parked events, dead letters, audit log) and the service runs
   * the relay. A service that writes no event declares none and relays nothing, whatever its environment holds.
   */
  outbox?: boolean;
  /** Probe tokens the service provides itself (globally), checked on /health after the dependencies. */
  extraProbes?: string[];
}

/**
 * The client modules a service needs, derived from the dependencies its config declares, plus /health
 * probing exactly those. Keeps every service's root module down to its own bounded context.
 */
export function dependencyModules({
  serviceName,
  config,
  database,
  outbox = false,
  extraProbes = [],
}: DependencyModulesOptions): DynamicModule[] {
  const modules: DynamicModule[] = [];
  const probes: string[] = [];
  // Kafka only for a config class that declares KAFKA_BROKERS (validated into a list): a service without Kafka
  // (case-api) also sees the raw variable when its environment happens to carry one, and must ignore it.
  const kafkaBrokers = Array.isArray(config.KAFKA_BROKERS) ? config.KAFKA_BROKERS : undefined;
  const withMessaging = outbox && Boolean(config.DATABASE_URL && kafkaBrokers);
  if (config.DATABASE_URL) {
    modules.push(
      DatabaseModule.forRoot({
        url: config.DATABASE_URL,
        entities: [...(withMessaging ? MESSAGING_ENTITIES : []), ...(database?.entities ?? [])],
        migrations: [...(withMessaging ? MESSAGING_MIGRATIONS : []), ...(database?.migrations ?? [])],
        schemaOwner: database?.schemaOwner,
      }),
    );
    probes.push(DATABASE_PROBE);
  }
  if (kafkaBrokers) {
    modules.push(
      KafkaModule.forRoot({
        clientId: `lep-${serviceName}`,
        brokers: kafkaBrokers,
        security: kafkaSecurity(config),
      }),
    );
    probes.push(KAFKA_PROBE);
  }
  if (config.S3_ENDPOINT && config.S3_ACCESS_KEY && config.S3_SECRET_KEY && config.S3_BUCKET) {
    modules.push(
      S3Module.forRoot({
        endpoint: config.S3_ENDPOINT,
        accessKey: config.S3_ACCESS_KEY,
        secretKey: config.S3_SECRET_KEY,
        region: config.S3_REGION ?? 'us-east-1',
        bucket: config.S3_BUCKET,
        caFile: config.S3_CA_FILE,
      }),
    );
    probes.push(S3_PROBE);
  }
  if (config.TEMPORAL_ADDRESS) {
    modules.push(
      TemporalClientModule.forRoot(
        temporalConnection({ ...config, TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS }),
      ),
    );
    probes.push(TEMPORAL_PROBE);
  }
  if (withMessaging) modules.push(OutboxModule.register({ retentionDays: config.OUTBOX_RETENTION_DAYS }));
  modules.push(HealthModule.register([...probes, ...extraProbes]));
  return modules;
}
