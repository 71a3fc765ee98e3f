import { ensureEngines } from './build';
import { KafkaBroker } from './kafka-broker';
import { createTopics, registerNamespace } from './lep-setup';
import { MinioServer } from './minio-server';
import { TemporalDevServer } from './temporal-dev-server';

/**
 * The variable that tells the test harness the engines in KAFKA_BROKERS, S3_* and TEMPORAL_ADDRESS were started by
 * `lep-engines run` for several test projects in turn: each project may then empty the broker and take a
 * namespace of its own. Engines named by a person are never emptied.
 */
export const SHARED_ENGINES_VARIABLE = 'LEP_ENGINES_SHARED';

/** Kafka, MinIO and the Temporal dev server, started together with LEP's topics and namespace in place. */
export interface EngineSet {
  kafka: KafkaBroker;
  minio: MinioServer;
  temporal: TemporalDevServer;
  /** The variables services and the test harness read, naming these engines. */
  environment(): Record<string, string>;
  stop(): Promise<void>;
}

export interface EngineSetOptions {
  /** The Temporal Web UI's port (a free one by default); null runs the server headless. */
  temporalUiPort?: number | null;
}

export async function startEngineSet(options: EngineSetOptions = {}): Promise<EngineSet> {
  // Built one after the other (each build already uses every core), then started side by side.
  await ensureEngines(['kafka', 'minio', 'temporal']);
  const started = await Promise.allSettled([
    KafkaBroker.start(),
    MinioServer.start(),
    TemporalDevServer.start({ uiPort: options.temporalUiPort }),
  ]);
  const stopAll = () =>
    Promise.allSettled(
      started.map((result) => (result.status === 'fulfilled' ? result.value.remove() : undefined)),
    ).then(() => undefined);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  const [kafka, minio, temporal] = started.map(
    (result) => (result as PromiseFulfilledResult<unknown>).value,
  ) as [KafkaBroker, MinioServer, TemporalDevServer];
  try {
    await createTopics(kafka.brokers);
    await registerNamespace(temporal.address, 'default');
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    kafka,
    minio,
    temporal,
    environment: () => ({
      KAFKA_BROKERS: kafka.brokers.join(','),
      S3_ENDPOINT: minio.endpoint,
      S3_ACCESS_KEY: minio.accessKey,
      S3_SECRET_KEY: minio.secretKey,
      S3_REGION: minio.region,
      TEMPORAL_ADDRESS: temporal.address,
    }),
    stop: stopAll,
  };
}
