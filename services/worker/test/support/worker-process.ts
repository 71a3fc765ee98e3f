import { startServiceProcess, TEST_PAYLOAD_KEY_ENV, testPeers, type ServiceProcess } from '@lep/testing';
import { AUTH, type CaseHarness } from './case-harness';

/**
 * The worker service itself (its built `dist/main.js`) on the production task queue, as production runs it, against
 * the harness's database, Temporal server and namespace, and registry.
 */
export function startWorkerProcess(
  harness: Pick<CaseHarness, 'databaseUrl' | 'temporalAddress' | 'temporalNamespace' | 'registry'>,
): Promise<ServiceProcess> {
  return startServiceProcess('worker', {
    DATABASE_URL: harness.databaseUrl,
    KAFKA_BROKERS: testPeers().kafkaBrokers.join(','),
    TEMPORAL_ADDRESS: harness.temporalAddress,
    ...TEST_PAYLOAD_KEY_ENV,
    TEMPORAL_NAMESPACE: harness.temporalNamespace,
    REGISTRY_URL: harness.registry.url,
    AUTH_JWT_SECRET: AUTH.secret,
  });
}
