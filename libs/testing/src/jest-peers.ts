import { SHARED_ENGINES_VARIABLE } from '@lep/engines';
import { createDatabase, dropDatabase } from './databases';
import type { TopicPartitions } from './kafka';
import { Peers, PeersOptions, startPeers } from './peers';
import type { S3Connection } from './s3';

/** The peers a project's tests need; where each one runs is the environment's choice. */
export interface WantedPeers {
  postgres?: boolean;
  kafka?: boolean | { extraTopics?: TopicPartitions[] };
  s3?: boolean;
  /** The Temporal dev server, in real time (files that jump over days use startTimeSkippingTemporal). */
  temporal?: boolean;
}

/**
 * Peers the environment names, else our own: the same rule in CI and on a laptop. Engines that `lep-engines run`
 * started for several projects in turn (LEP_ENGINES_SHARED) are made fresh for this one: Kafka emptied, a
 * Temporal namespace of its own.
 */
export function peersOptionsFromEnvironment(
  wanted: WantedPeers,
  env: NodeJS.ProcessEnv = process.env,
): PeersOptions {
  const { kafka } = wanted;
  const shared = env[SHARED_ENGINES_VARIABLE] === '1';
  return {
    postgres: wanted.postgres ? { url: env.TEST_DATABASE_URL || undefined } : false,
    kafka: kafka
      ? {
          brokers: env.KAFKA_BROKERS || undefined,
          reset: shared,
          extraTopics: typeof kafka === 'object' ? kafka.extraTopics : undefined,
        }
      : false,
    s3: wanted.s3
      ? {
          endpoint: env.S3_ENDPOINT || undefined,
          accessKey: env.S3_ACCESS_KEY,
          secretKey: env.S3_SECRET_KEY,
          region: env.S3_REGION,
        }
      : false,
    temporal: wanted.temporal ? { address: env.TEMPORAL_ADDRESS || undefined, ownNamespace: shared } : false,
  };
}

const RUNNING = Symbol.for('lep.testing.peers');
type GlobalWithPeers = typeof globalThis & { [RUNNING]?: Peers };

/**
 * A jest `globalSetup` that starts the peers a project needs once per run and hands their addresses to
 * every test file through LEP_TEST_* variables (test workers inherit the environment).
 */
export function peersGlobalSetup(wanted: WantedPeers): () => Promise<void> {
  return async () => {
    const peers = await startPeers(peersOptionsFromEnvironment(wanted));
    (globalThis as GlobalWithPeers)[RUNNING] = peers;
    Object.assign(process.env, {
      LEP_TEST_DATABASE_URL: peers.databaseUrl,
      LEP_TEST_KAFKA_BROKERS: peers.kafkaBrokers.join(','),
      LEP_TEST_S3_ENDPOINT: peers.s3Endpoint,
      LEP_TEST_S3_ACCESS_KEY: peers.s3.accessKey,
      LEP_TEST_S3_SECRET_KEY: peers.s3.secretKey,
      LEP_TEST_S3_REGION: peers.s3.region,
      LEP_TEST_TEMPORAL_ADDRESS: peers.temporalAddress,
      LEP_TEST_TEMPORAL_NAMESPACE: peers.temporalNamespace,
    });
  };
}

/** The matching jest `globalTeardown`. */
export async function peersGlobalTeardown(): Promise<void> {
  await (globalThis as GlobalWithPeers)[RUNNING]?.stop();
}

export interface TestPeers {
  databaseServerUrl: string;
  kafkaBrokers: string[];
  s3Endpoint: string;
  s3: S3Connection;
  temporalAddress: string;
  temporalNamespace: string;
}

/** What peersGlobalSetup started, as seen from inside a test file. */
export function testPeers(env: NodeJS.ProcessEnv = process.env): TestPeers {
  const required = (name: string): string => {
    const value = env[name];
    if (!value)
      throw new Error(`${name} is not set: add peersGlobalSetup to this project's jest globalSetup`);
    return value;
  };
  return {
    get databaseServerUrl() {
      return required('LEP_TEST_DATABASE_URL');
    },
    get kafkaBrokers() {
      return required('LEP_TEST_KAFKA_BROKERS').split(',');
    },
    get s3Endpoint() {
      return required('LEP_TEST_S3_ENDPOINT');
    },
    get s3() {
      const url = new URL(required('LEP_TEST_S3_ENDPOINT'));
      return {
        endPoint: url.hostname,
        port: Number(url.port),
        useSSL: url.protocol === 'https:',
        accessKey: required('LEP_TEST_S3_ACCESS_KEY'),
        secretKey: required('LEP_TEST_S3_SECRET_KEY'),
        region: env.LEP_TEST_S3_REGION || 'us-east-1',
      };
    },
    get temporalAddress() {
      return required('LEP_TEST_TEMPORAL_ADDRESS');
    },
    get temporalNamespace() {
      return required('LEP_TEST_TEMPORAL_NAMESPACE');
    },
  };
}

/**
 * A fresh database for the calling test file: created before its tests, dropped after them. Returns a
 * getter because the URL exists only once beforeAll has run.
 */
export function useTestDatabase(prefix = 'lep_test'): () => string {
  let url: string | undefined;
  beforeAll(async () => {
    url = await createDatabase(testPeers().databaseServerUrl, prefix);
  });
  afterAll(async () => {
    if (url) await dropDatabase(url);
  });
  return () => {
    if (!url) throw new Error('the test database exists only inside tests (after beforeAll)');
    return url;
  };
}
