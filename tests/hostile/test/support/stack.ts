import { randomBytes, randomUUID } from 'node:crypto';
import { signStaffToken, type Role } from '@lep/auth';
import { chinaDateOf } from '@lep/calendar';
import {
  CASE_AGENCY,
  type CaseRegistry,
  createDatabase,
  createEvidenceBuckets,
  dropDatabase,
  type ServiceProcess,
  startCaseRegistry,
  startServiceProcess,
  TEST_PAYLOAD_KEY_ENV,
  testPeers,
} from '@lep/testing';

/** Today in China: 立案 and every other legal date is a date in China, a day ahead of UTC from 16:00 UTC. */
export const chinaToday = (): string => chinaDateOf(Date.now());

export const SERVICE_NAMES = [
  'registry',
  'case-api',
  'evidence',
  'publication',
  'statistics',
  'worker',
  'documents',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The agency whose resources are probed, and another one whose staff must not reach them. */
export const OWN_AGENCY = CASE_AGENCY;
export const OTHER_AGENCY = 'BT02';

const AUTH = { secret: 'hostile-suite-secret-at-least-32-characters', issuer: 'lep', audience: 'lep-api' };

/**
 * Every role an agency's own staff hold: a foreign agency's staff are stopped by scope, not by role. Not the
 * auditor (监督人员), who reads every agency's figures by design, nor the platform admin.
 */
const AGENCY_STAFF_ROLES: Role[] = ['handler', 'legal-reviewer', 'leader', 'agency-admin'];

export interface RunningService {
  url: string;
  /** Where it keeps its state and its audit log (the worker shares case-api's). */
  databaseUrl: string;
}

export interface Credentials {
  /** 兵团 platform admin: passes authentication and scope, so what is probed is the input itself. */
  admin: string;
  /** Every staff role of the other agency. */
  foreign: string;
  /** Signed with another secret. */
  forged: string;
  /** Signed with the right secret, expired an hour ago. */
  expired: string;
  /** Right secret, `alg: none` header and no signature. */
  unsigned: string;
  /** An API key the registry never issued. */
  unknownKey: string;
  /** An API key the registry issued to the own agency and then revoked. */
  revokedKey: string;
  /** A live API key of the own agency's system. */
  ownKey: string;
}

/** Resources of the own agency the probes aim at (and another agency's staff try to reach). */
export interface Fixtures {
  caseId: string;
  /** The own agency's two certified handlers; the first is the person probed in the registry. */
  handlerIds: string[];
  personId: string;
  evidenceId: string;
  evidenceCaseId: string;
  apiKeyId: string;
  /** A 询问笔录 of the own case, issued by the documents service and stored as evidence. */
  documentId: string;
}

export interface Stack {
  services: Record<ServiceName, RunningService>;
  credentials: Credentials;
  fixtures: Fixtures;
  stop(): Promise<void>;
}

export function staffToken(
  agency: string,
  roles: Role[],
  options: { expiresInSeconds?: number; subject?: string } = {},
): string {
  const { subject = `hostile-${agency}`, ...signing } = options;
  return signStaffToken({ sub: subject, agency, roles }, { ...AUTH, ...signing });
}

function unsignedToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({
    sub: 'intruder',
    agency: OWN_AGENCY,
    roles: ['platform-admin'],
    iss: AUTH.issuer,
    aud: AUTH.audience,
    iat: now,
    exp: now + 3600,
  })}.`;
}

async function call<T>(url: string, token: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Reads until `accept` takes what was read (a failed read counts as not yet), for up to two minutes. */
export async function until<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/**
 * The whole platform as production runs it, one process per service over its own database: the seeded
 * registry, the worker, case-api, evidence, publication, statistics and documents, all trusting the same token
 * secret and introspecting API keys at the registry.
 */
export async function startStack(): Promise<Stack> {
  const peers = testPeers();
  const started: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of started.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const registry: CaseRegistry = await startCaseRegistry({
      secret: AUTH.secret,
      sign: (claims) => signStaffToken({ ...claims, roles: claims.roles as Role[] }, AUTH),
    });
    started.push(() => registry.stop());
    const database = async (name: string) => {
      const url = await createDatabase(peers.databaseServerUrl, `hostile_${name}`);
      started.push(() => dropDatabase(url));
      return url;
    };
    const process = async (name: ServiceName, env: Record<string, string>): Promise<ServiceProcess> => {
      const service = await startServiceProcess(name, {
        KAFKA_BROKERS: peers.kafkaBrokers.join(','),
        AUTH_JWT_SECRET: AUTH.secret,
        AUTH_API_KEY_INTROSPECTION_URL: `${registry.url}/api/v1/auth/introspect`,
        // Where the working-day calendar (and, for the worker, the filing checks) come from.
        REGISTRY_URL: registry.url,
        ...env,
      });
      started.push(() => service.stop());
      return service;
    };

    const caseDatabase = await database('case');
    const worker = await process('worker', {
      DATABASE_URL: caseDatabase,
      TEMPORAL_ADDRESS: peers.temporalAddress,
      TEMPORAL_NAMESPACE: peers.temporalNamespace,
      ...TEST_PAYLOAD_KEY_ENV,
    });
    const caseApi = await process('case-api', {
      DATABASE_URL: caseDatabase,
      TEMPORAL_ADDRESS: peers.temporalAddress,
      TEMPORAL_NAMESPACE: peers.temporalNamespace,
      ...TEST_PAYLOAD_KEY_ENV,
      // The suite judges each action's own answer: on a loaded machine an action may take longer than the
      // default 5 s, which case-api would answer 202 (tested in case-api's own suite).
      CASE_ACTION_WAIT_SECONDS: '30',
    });

    const evidenceDatabase = await database('evidence');
    const bucket = `hostile-${randomBytes(4).toString('hex')}`;
    await createEvidenceBuckets(peers.s3, {
      evidence: bucket,
      retention: { mode: 'GOVERNANCE', days: 30 },
    });
    const evidence = await process('evidence', {
      DATABASE_URL: evidenceDatabase,
      S3_ENDPOINT: peers.s3Endpoint,
      S3_ACCESS_KEY: peers.s3.accessKey,
      S3_SECRET_KEY: peers.s3.secretKey,
      S3_REGION: peers.s3.region,
      S3_BUCKET: bucket,
      EVIDENCE_PART_SIZE_MIB: '5',
      // Small, so the over-the-limit probe stays cheap.
      EVIDENCE_MAX_FILE_BYTES: String(1024 * 1024),
    });

    const publicationDatabase = await database('publication');
    const publication = await process('publication', {
      DATABASE_URL: publicationDatabase,
      TEMPORAL_ADDRESS: peers.temporalAddress,
      TEMPORAL_NAMESPACE: peers.temporalNamespace,
      ...TEST_PAYLOAD_KEY_ENV,
      // The public API is probed by many requests from one address; its limit is tested in its own service.
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    });
    const statisticsDatabase = await database('statistics');
    const statistics = await process('statistics', {
      DATABASE_URL: statisticsDatabase,
      TEMPORAL_ADDRESS: peers.temporalAddress,
      TEMPORAL_NAMESPACE: peers.temporalNamespace,
      ...TEST_PAYLOAD_KEY_ENV,
    });

    const documentsDatabase = await database('documents');
    const documents = await process('documents', {
      DATABASE_URL: documentsDatabase,
      REGISTRY_URL: registry.url,
      EVIDENCE_URL: evidence.url,
    });

    const services: Record<ServiceName, RunningService> = {
      registry: { url: registry.url, databaseUrl: registry.databaseUrl },
      'case-api': { url: caseApi.url, databaseUrl: caseDatabase },
      evidence: { url: evidence.url, databaseUrl: evidenceDatabase },
      publication: { url: publication.url, databaseUrl: publicationDatabase },
      statistics: { url: statistics.url, databaseUrl: statisticsDatabase },
      // The worker serves /health only; it owns the case database (case-api reads it).
      worker: { url: worker.url, databaseUrl: caseDatabase },
      documents: { url: documents.url, databaseUrl: documentsDatabase },
    };
    const admin = staffToken('XPCC', ['platform-admin']);
    const keys = await apiKeys(registry.url, admin);
    const credentials: Credentials = {
      admin,
      foreign: staffToken(OTHER_AGENCY, AGENCY_STAFF_ROLES),
      forged: signStaffToken(
        { sub: 'intruder', agency: OWN_AGENCY, roles: ['platform-admin'] },
        { ...AUTH, secret: 'not-the-platform-secret-but-32-characters-long' },
      ),
      expired: staffToken(OWN_AGENCY, ['platform-admin'], { expiresInSeconds: -3600 }),
      unsigned: unsignedToken(),
      unknownKey: `lep_${randomBytes(24).toString('hex')}`,
      revokedKey: keys.revoked,
      ownKey: keys.live,
    };
    const caseId = await openCase(caseApi.url, keys.live, registry.people.handlers);
    const fixtures: Fixtures = {
      caseId,
      handlerIds: registry.people.handlers,
      personId: registry.people.handlers[0],
      ...(await storeEvidence(evidence.url, staffToken(OWN_AGENCY, ['handler']), caseId)),
      apiKeyId: keys.liveId,
      documentId: await issueDocument(documents.url, staffToken(OWN_AGENCY, ['handler']), caseId),
    };
    await peersCaughtUp(services, admin, fixtures);
    return { services, credentials, fixtures, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function apiKeys(registryUrl: string, admin: string) {
  const issue = (label: string) =>
    call<{ keyId: string; key: string }>(`${registryUrl}/api/v1/api-keys`, admin, 'POST', {
      agencyCode: OWN_AGENCY,
      role: 'agency-system',
      label,
    });
  const live = await issue('本单位执法办案系统');
  const revoked = await issue('已停用的旧系统');
  await call(`${registryUrl}/api/v1/api-keys/${revoked.keyId}/revoke`, admin, 'POST', { reason: '系统下线' });
  return { live: live.key, liveId: live.keyId, revoked: revoked.key };
}

/** A penalty case of the own agency, filed by its system and investigating (the worker has run the filing). */
async function openCase(caseApiUrl: string, key: string, handlerIds: string[]): Promise<string> {
  const { caseId } = await call<{ caseId: string }>(`${caseApiUrl}/api/v1/cases`, key, 'POST', {
    agencyCode: OWN_AGENCY,
    caseNumber: `HOSTILE-${randomUUID().slice(0, 8)}`,
    itemCode: 'P-001',
    title: '销售不合格产品案',
    filedOn: chinaToday(),
    handlerIds,
    parties: [{ type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' }],
    otherPersonNames: [],
  });
  await until(
    () => call<{ state?: { stage?: string } }>(`${caseApiUrl}/api/v1/cases/${caseId}`, key, 'GET'),
    (view) => view.state?.stage === 'investigating',
    `case ${caseId} to be filed`,
  );
  return caseId;
}

/** One photo of the own agency's case, uploaded by its handler. */
async function storeEvidence(evidenceUrl: string, token: string, evidenceCaseId: string) {
  const form = new FormData();
  form.append('stage', 'investigating');
  form.append('kind', 'photo');
  form.append('capturedAt', new Date(Date.now() - 60_000).toISOString());
  form.append('capturedBy', 'hostile-officer');
  form.append('confidentiality', 'internal');
  form.append('file', new Blob([randomBytes(2048)], { type: 'image/jpeg' }), 'scene.jpg');
  const response = await fetch(`${evidenceUrl}/api/v1/cases/${evidenceCaseId}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`evidence upload → ${response.status}: ${text}`);
  return { evidenceId: (JSON.parse(text) as { id: string }).id, evidenceCaseId };
}

/** A 询问笔录 of the own case (no 文号 needed), rendered and stored in the evidence store. */
async function issueDocument(documentsUrl: string, token: string, caseId: string): Promise<string> {
  const { documentId } = await call<{ documentId: string }>(
    `${documentsUrl}/api/v1/documents`,
    token,
    'POST',
    {
      requestId: `hostile-${randomUUID()}`,
      caseId,
      kind: 'inquiry-record',
      data: {
        startedAt: new Date(Date.now() - 3_600_000).toISOString(),
        endedAt: new Date(Date.now() - 1_800_000).toISOString(),
        place: '询问室',
        interviewee: '张三',
        intervieweeRole: '当事人',
        interviewers: [{ name: '王执法', certificateNumber: 'BT-王执法' }],
        recorder: '李执法',
        questions: [{ question: '你是否申请回避？', answer: '不申请。' }],
      },
    },
  );
  return documentId;
}

/**
 * Statistics counts the case and the photo from their Kafka events, publication pre-discloses the agency from
 * the registry's: both settle before the probes start, so what changes afterwards is the probes' doing.
 */
async function peersCaughtUp(
  services: Record<ServiceName, RunningService>,
  admin: string,
  fixtures: Fixtures,
) {
  const year = new Date().getFullYear();
  await until(
    () =>
      call<{ totals: Record<string, number> }>(
        `${services.statistics.url}/api/v1/statistics?agency=${OWN_AGENCY}&year=${year}`,
        admin,
        'GET',
      ),
    // The photo and the stored document.
    (figures) => figures.totals['cases.filed'] === 1 && figures.totals['evidence.items'] === 2,
    `statistics to count case ${fixtures.caseId}, evidence ${fixtures.evidenceId} and document ${fixtures.documentId}`,
  );
  await until(
    () =>
      call(`${services.publication.url}/api/v1/public/pre-disclosure/agencies/${OWN_AGENCY}`, admin, 'GET'),
    () => true,
    `publication to pre-disclose ${OWN_AGENCY}`,
  );
}
