import { signStaffToken, type Role } from '@lep/auth';
import {
  startCaseRegistry,
  startServiceProcess,
  TEST_PAYLOAD_KEY_ENV,
  testPeers,
  type CaseRegistry,
} from '@lep/testing';
import { startCaseDocuments, type CaseDocuments } from './case-documents';

/** The secret the registry and the worker share: the worker signs its registry calls with it. */
export const SERVICES_AUTH = {
  secret: 'case-flow-services-secret-at-least-32-chars',
  issuer: 'lep',
  audience: 'lep-api',
};

export interface CaseWorker {
  registry: CaseRegistry;
  people: CaseRegistry['people'];
  /** The documents and evidence services, when asked for: the worker renders drafts into them. */
  documents?: CaseDocuments;
  stop(): Promise<void>;
}

/**
 * The worker service (its built `dist/main.js`) on the production task queue of the project's Temporal server,
 * writing to case-api's case database, with the real registry process it asks, seeded for case tests.
 */
export async function startCaseWorker(
  databaseUrl: string,
  options: { documents?: boolean } = {},
): Promise<CaseWorker> {
  const registry = await startCaseRegistry({
    secret: SERVICES_AUTH.secret,
    sign: (claims) => signStaffToken({ ...claims, roles: claims.roles as Role[] }, SERVICES_AUTH),
  });
  const documents = options.documents
    ? await startCaseDocuments(registry.url, SERVICES_AUTH.secret).catch(async (error: unknown) => {
        await registry.stop();
        throw error;
      })
    : undefined;
  const worker = await startServiceProcess('worker', {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: testPeers().kafkaBrokers.join(','),
    TEMPORAL_ADDRESS: testPeers().temporalAddress,
    TEMPORAL_NAMESPACE: testPeers().temporalNamespace,
    ...TEST_PAYLOAD_KEY_ENV,
    REGISTRY_URL: registry.url,
    ...(documents ? { DOCUMENTS_URL: documents.url } : {}),
    AUTH_JWT_SECRET: SERVICES_AUTH.secret,
  });
  return {
    registry,
    people: registry.people,
    documents,
    async stop() {
      await worker.stop();
      await documents?.stop();
      await registry.stop();
    },
  };
}

export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}
