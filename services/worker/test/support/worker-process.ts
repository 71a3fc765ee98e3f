import { startServiceProcess, TEST_PAYLOAD_KEY_ENV, testPeers, type ServiceProcess } from '@lep/testing';
import { AUTH } from './case-harness';

/** The worker service itself (its built `dist/main.js`) on the production task queue, as production runs it. */
export function startWorkerProcess(env: {
  databaseUrl: string;
  temporalAddress: string;
  /** The namespace the harness's server holds the cases in; `default` unless told. */
  temporalNamespace?: string;
  registryUrl: string;
}): Promise<ServiceProcess> {
  return startServiceProcess('worker', {
    DATABASE_URL: env.databaseUrl,
    KAFKA_BROKERS: testPeers().kafkaBrokers.join(','),
    TEMPORAL_ADDRESS: env.temporalAddress,
    ...TEST_PAYLOAD_KEY_ENV,
    ...(env.temporalNamespace ? { TEMPORAL_NAMESPACE: env.temporalNamespace } : {}),
    REGISTRY_URL: env.registryUrl,
    AUTH_JWT_SECRET: AUTH.secret,
  });
}
