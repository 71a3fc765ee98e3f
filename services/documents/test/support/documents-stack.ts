import { randomBytes } from 'node:crypto';
import { Client } from 'minio';
import request from 'supertest';
import { Client as PgClient } from 'pg';
import { type Role, signStaffToken } from '@lep/auth';
import {
  createDatabase,
  dropDatabase,
  ensureCjkFonts,
  startServiceProcess,
  testPeers,
  type ServiceProcess,
} from '@lep/testing';

export const AUTH = {
  secret: 'documents-test-secret-at-least-32-characters',
  issuer: 'lep',
  audience: 'lep-api',
};

/** The agency whose documents the tests issue, its 师市 and the two justice bureaus above it. */
export const AGENCY = 'XJ-8-SJ';
export const DIVISION_BUREAU = 'XJ-8-SFJ';
export const CORPS_BUREAU = 'XJ-SFJ';
export const AGENCY_NAME = '石河子市市场监督管理局';

export function token(agency: string, roles: Role[], sub = `${agency}-staff`): string {
  return signStaffToken({ sub, agency, roles }, AUTH);
}

export interface DocumentsStack {
  /** The documents service, its built dist/main.js in a process of its own. */
  url: string;
  http(agency?: string, roles?: Role[]): ReturnType<typeof request.agent>;
  /** The evidence service's database: its outbox holds the `evidence.stored` events the case side links. */
  evidenceDatabase(): Promise<PgClient>;
  /** Stops the evidence service (SIGTERM), and starts it again where the documents service looks for it. */
  stopEvidence(): Promise<void>;
  startEvidence(): Promise<void>;
  /** Stops the documents process (SIGTERM) and starts a new one over the same database on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

let serial = 0;
const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function uscc(): string {
  serial += 1;
  const body = `12659000${String(serial).padStart(9, '0')}`;
  const sum = USCC_WEIGHTS.reduce((total, weight, i) => total + weight * USCC_CHARACTERS.indexOf(body[i]), 0);
  return body + USCC_CHARACTERS[(31 - (sum % 31)) % 31];
}

/** 兵团 → 兵团司法局, 第八师 → 第八师司法局 and the market regulator whose documents are issued. */
async function seedRegistry(url: string): Promise<void> {
  const admin = token('XPCC', ['platform-admin']);
  const add = async (
    code: string,
    name: string,
    level: string,
    parentCode?: string,
    justiceBureau = false,
  ) => {
    const response = await fetch(`${url}/api/v1/agencies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        name,
        level,
        ...(parentCode ? { parentCode } : {}),
        unifiedSocialCreditCode: uscc(),
        legalBasis: '《中华人民共和国行政处罚法》',
        dutiesAndPowers: '行政执法',
        region: 'xinjiang',
        legalReviewBody: { name: '法制科', agencyCode: code },
        justiceBureau,
      }),
    });
    if (!response.ok)
      throw new Error(`registry POST agency ${code}: ${response.status} ${await response.text()}`);
  };
  await add('XJ', '新疆生产建设兵团', 'corps');
  await add(CORPS_BUREAU, '新疆生产建设兵团司法局', 'department', 'XJ', true);
  await add('XJ-8', '第八师石河子市', 'division', 'XJ');
  await add(DIVISION_BUREAU, '第八师石河子市司法局', 'department', 'XJ-8', true);
  await add(AGENCY, AGENCY_NAME, 'department', 'XJ-8');
}

/**
 * The documents service as production runs it (its built main.js in its own process, over its own database),
 * with the real registry and evidence services as processes over theirs and the S3 peer: documents are stored
 * through the evidence service's upload API exactly as in production.
 */
export async function startDocumentsStack(prefix: string): Promise<DocumentsStack> {
  ensureCjkFonts();
  const peers = testPeers();
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const database = async (name: string) => {
      const url = await createDatabase(peers.databaseServerUrl, `${prefix}_${name}`);
      cleanups.push(() => dropDatabase(url));
      return url;
    };
    const process = async (name: string, env: Record<string, string>): Promise<ServiceProcess> => {
      const service = await startServiceProcess(name, {
        KAFKA_BROKERS: peers.kafkaBrokers.join(','),
        AUTH_JWT_SECRET: AUTH.secret,
        ...env,
      });
      cleanups.push(() => service.stop());
      return service;
    };
    const registry = await process('registry', { DATABASE_URL: await database('registry') });
    await seedRegistry(registry.url);

    const evidenceUrl = await database('evidence');
    const bucket = `documents-${randomBytes(4).toString('hex')}`;
    const s3 = new Client(peers.s3);
    await s3.makeBucket(bucket);
    const evidenceEnv = {
      KAFKA_BROKERS: peers.kafkaBrokers.join(','),
      AUTH_JWT_SECRET: AUTH.secret,
      DATABASE_URL: evidenceUrl,
      S3_ENDPOINT: peers.s3Endpoint,
      S3_ACCESS_KEY: peers.s3.accessKey,
      S3_SECRET_KEY: peers.s3.secretKey,
      S3_REGION: peers.s3.region,
      S3_BUCKET: bucket,
      EVIDENCE_PART_SIZE_MIB: '5',
    };
    let evidence = await startServiceProcess('evidence', evidenceEnv);
    const evidencePort = Number(new URL(evidence.url).port);
    cleanups.push(() => evidence.stop());

    const documentsEnv = {
      DATABASE_URL: await database('documents'),
      REGISTRY_URL: registry.url,
      EVIDENCE_URL: evidence.url,
      AUTH_JWT_SECRET: AUTH.secret,
    };
    let documents = await startServiceProcess('documents', documentsEnv);
    const port = Number(new URL(documents.url).port);
    cleanups.push(() => documents.stop());
    const stack: DocumentsStack = {
      url: documents.url,
      http: (agency = AGENCY, roles: Role[] = ['handler']) =>
        request.agent(documents.url).set('authorization', `Bearer ${token(agency, roles)}`),
      async evidenceDatabase() {
        const client = new PgClient({ connectionString: evidenceUrl });
        await client.connect();
        return client;
      },
      async stopEvidence() {
        await evidence.stop();
      },
      async startEvidence() {
        evidence = await startServiceProcess('evidence', evidenceEnv, { port: evidencePort });
      },
      async restart() {
        await documents.stop();
        documents = await startServiceProcess('documents', documentsEnv, { port });
      },
      stop,
    };
    return stack;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A documents stack for the calling test file. */
export function useDocumentsStack(prefix: string): () => DocumentsStack {
  let stack: DocumentsStack | undefined;
  beforeAll(async () => {
    stack = await startDocumentsStack(prefix);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error('the documents stack exists only inside tests (after beforeAll)');
    return stack;
  };
}
