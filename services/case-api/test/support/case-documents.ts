import { randomBytes } from 'node:crypto';
import { Client } from 'minio';
import { createDatabase, dropDatabase, ensureCjkFonts, startServiceProcess, testPeers } from '@lep/testing';

export interface CaseDocuments {
  /** The documents service, its built dist/main.js in a process of its own. */
  url: string;
  /** The evidence service the documents are stored in. */
  evidenceUrl: string;
  stop(): Promise<void>;
}

/**
 * The documents service and the evidence service it stores PDFs in, as production runs them (each its built
 * main.js over its own database, the S3 peer behind evidence), trusting the same token secret as the registry
 * and the worker, so the worker's agency-system tokens and the test's staff tokens open them.
 */
export async function startCaseDocuments(registryUrl: string, secret: string): Promise<CaseDocuments> {
  ensureCjkFonts();
  const peers = testPeers();
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const database = async (name: string) => {
      const url = await createDatabase(peers.databaseServerUrl, `case_api_documents_${name}`);
      cleanups.push(() => dropDatabase(url));
      return url;
    };
    const bucket = `case-documents-${randomBytes(4).toString('hex')}`;
    const s3 = new Client(peers.s3);
    await s3.makeBucket(bucket);
    const evidence = await startServiceProcess('evidence', {
      KAFKA_BROKERS: peers.kafkaBrokers.join(','),
      AUTH_JWT_SECRET: secret,
      DATABASE_URL: await database('evidence'),
      S3_ENDPOINT: peers.s3Endpoint,
      S3_ACCESS_KEY: peers.s3.accessKey,
      S3_SECRET_KEY: peers.s3.secretKey,
      S3_REGION: peers.s3.region,
      S3_BUCKET: bucket,
      EVIDENCE_PART_SIZE_MIB: '5',
    });
    cleanups.push(() => evidence.stop());
    const documents = await startServiceProcess('documents', {
      DATABASE_URL: await database('documents'),
      REGISTRY_URL: registryUrl,
      EVIDENCE_URL: evidence.url,
      AUTH_JWT_SECRET: secret,
    });
    cleanups.push(() => documents.stop());
    return { url: documents.url, evidenceUrl: evidence.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
