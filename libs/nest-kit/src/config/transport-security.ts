import { readFileSync } from 'node:fs';
import type { Agent } from 'node:https';
import { Agent as HttpsAgent } from 'node:https';
import type { TLSConfig } from '@temporalio/client';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import type { DependencyEnv } from './service-env';

/**
 * TLS and SASL settings of each dependency, read once from the validated environment. PostgreSQL needs none
 * here: `DATABASE_URL` carries them (`?sslmode=verify-full&sslrootcert=/etc/lep/pg-ca.pem`), read by `pg`.
 */

/** kafkajs `ssl` and `sasl` options; empty when the brokers are plain (the dev stack, the test peer). */
export function kafkaSecurity(env: DependencyEnv): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const ssl = env.KAFKA_SSL_CA_FILE ? { ca: [readFileSync(env.KAFKA_SSL_CA_FILE, 'utf8')] } : env.KAFKA_SSL;
  return {
    ...(ssl ? { ssl } : {}),
    ...(env.KAFKA_SASL_MECHANISM ? { sasl: kafkaSasl(env) } : {}),
  };
}

function kafkaSasl(env: DependencyEnv): SASLOptions {
  const username = env.KAFKA_SASL_USERNAME ?? '';
  const password = env.KAFKA_SASL_PASSWORD ?? '';
  switch (env.KAFKA_SASL_MECHANISM) {
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username, password };
    default:
      return { mechanism: 'plain', username, password };
  }
}

/** The Temporal connection's `tls` option (client and worker alike); undefined for a plaintext frontend. */
export function temporalTls(env: DependencyEnv): TLSConfig | undefined {
  const enabled = env.TEMPORAL_TLS || env.TEMPORAL_TLS_CA_FILE || env.TEMPORAL_TLS_CERT_FILE;
  if (!enabled) return undefined;
  return {
    ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
    ...(env.TEMPORAL_TLS_CA_FILE ? { serverRootCACertificate: readFileSync(env.TEMPORAL_TLS_CA_FILE) } : {}),
    ...(env.TEMPORAL_TLS_CERT_FILE && env.TEMPORAL_TLS_KEY_FILE
      ? {
          clientCertPair: {
            crt: readFileSync(env.TEMPORAL_TLS_CERT_FILE),
            key: readFileSync(env.TEMPORAL_TLS_KEY_FILE),
          },
        }
      : {}),
  };
}

/** An https agent trusting `S3_CA_FILE` for a store with a private certificate; undefined otherwise. */
export function s3TransportAgent(env: Pick<DependencyEnv, 'S3_CA_FILE'>): Agent | undefined {
  return env.S3_CA_FILE ? new HttpsAgent({ ca: readFileSync(env.S3_CA_FILE), keepAlive: true }) : undefined;
}
