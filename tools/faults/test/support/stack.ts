import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { signStaffToken, type Role } from '@lep/auth';
import { TEMPORAL_NAMESPACE_DEFAULT } from '@lep/contracts';
import {
  type CaseRegistry,
  createEvidenceBuckets,
  databaseUrl,
  ensureDatabases,
  freePort,
  type KafkaPeer,
  type PostgresPeer,
  type S3Peer,
  seedCaseRegistry,
  type ServiceProcess,
  startPeers,
  startServiceProcess,
  type TemporalPeer,
  TEST_PAYLOAD_KEY_ENV,
} from '@lep/testing';

export const SERVICE_NAMES = [
  'registry',
  'evidence',
  'publication',
  'statistics',
  'worker',
  'case-api',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Each service's database, as `npm start` names them (worker and case-api share the case database). */
export const DATABASES: Record<ServiceName, string> = {
  registry: 'lep_registry',
  evidence: 'lep_evidence',
  publication: 'lep_publication',
  statistics: 'lep_statistics',
  worker: 'lep_cases',
  'case-api': 'lep_cases',
};

export const EVIDENCE_BUCKET = 'lep-evidence';
const AUTH = { issuer: 'lep', audience: 'lep-api' };

export interface Stack {
  postgres: PostgresPeer;
  /** An Apache Kafka broker of the stack's own: its JVM is killed and started again on the same log directory. */
  kafka: KafkaPeer;
  /** MinIO of the stack's own: killed and started again on the same drive. */
  s3: S3Peer;
  /** The Temporal dev server of the stack's own: killed and started again on the same SQLite file. */
  temporal: TemporalPeer;
  people: CaseRegistry['people'];
  url(service: ServiceName): string;
  databaseUrl(service: ServiceName): string;
  /** A token of the 兵团 platform's own signing, as staff carry it. */
  staffToken(sub: string, agency: string, roles: Role[]): string;
  /** The agency system's API key, minted by the registry. */
  apiKey: string;
  /** Where a service's output goes, across its restarts. */
  logFile(service: ServiceName): string;
  /** SIGKILL: the process dies mid-request; nothing drains. */
  kill(service: ServiceName): Promise<void>;
  /** SIGSTOP for `ms`, then SIGCONT: it carries on where it was (ServiceProcess.freeze). */
  freeze(service: ServiceName, ms: number): Promise<void>;
  /** Starts it again on its port; resolves once /health answers. */
  restart(service: ServiceName): Promise<void>;
  /** Stops everything; the service logs stay on disk when asked to (a failed run), else they go too. */
  stop(options?: { keepLogs?: boolean }): Promise<void>;
}

/**
 * The whole system on this machine, as `npm start` runs it but on free ports: embedded PostgreSQL (or
 * TEST_DATABASE_URL), and engines of its own whatever the environment names, since the suite kills them: an Apache
 * Kafka broker, MinIO and the Temporal dev server; every service as its built process. The registry is seeded with
 * a 兵团 agency fit for penalty cases. `env` is given to every service besides what the stack sets.
 */
export async function startStack(options: { env?: Record<string, string> } = {}): Promise<Stack> {
  // startPeers stops the engines already up when a later one fails to start (else jest would never exit).
  const engines = await startPeers({
    postgres: { url: process.env.TEST_DATABASE_URL || undefined },
    kafka: true,
    s3: true,
    temporal: true,
  });
  const postgres = engines.postgres!;
  const kafka = engines.kafka!;
  const s3 = engines.s3Peer!;
  const temporal = engines.temporal!;
  const logs = await mkdtemp(path.join(tmpdir(), 'lep-faults-logs-'));
  const logFile = (service: ServiceName) => path.join(logs, `${service}.log`);
  // A server named by TEST_DATABASE_URL may hold other runs' databases: ours carry a run suffix there.
  const suffix = postgres.embedded ? '' : `_${randomBytes(3).toString('hex')}`;
  const database = (service: ServiceName) => databaseUrl(postgres.url, DATABASES[service] + suffix);
  await ensureDatabases(
    postgres.url,
    SERVICE_NAMES.map((service) => DATABASES[service] + suffix),
  );
  await createEvidenceBuckets(s3.connection, {
    evidence: EVIDENCE_BUCKET,
    retention: { mode: 'GOVERNANCE', days: 30 },
  });

  const secret = randomBytes(48).toString('base64url');
  const ports = Object.fromEntries(
    await Promise.all(SERVICE_NAMES.map(async (service) => [service, await freePort()] as const)),
  ) as Record<ServiceName, number>;
  const url = (service: ServiceName) => `http://127.0.0.1:${ports[service]}`;
  const envOf = (service: ServiceName): Record<string, string> => ({
    // Their start-up and recovery lines too: a failed run prints the tails of these logs.
    LOG_LEVEL: 'log',
    AUTH_JWT_SECRET: secret,
    AUTH_ISSUER: AUTH.issuer,
    AUTH_AUDIENCE: AUTH.audience,
    REGISTRY_URL: url('registry'),
    ...(service === 'registry'
      ? {}
      : { AUTH_API_KEY_INTROSPECTION_URL: `${url('registry')}/api/v1/auth/introspect` }),
    DATABASE_URL: database(service),
    KAFKA_BROKERS: kafka.brokers.join(','),
    ...(service === 'evidence'
      ? {
          S3_ENDPOINT: s3.endpoint,
          S3_ACCESS_KEY: s3.connection.accessKey,
          S3_SECRET_KEY: s3.connection.secretKey,
          S3_REGION: s3.connection.region,
          S3_BUCKET: EVIDENCE_BUCKET,
        }
      : {
          TEMPORAL_ADDRESS: temporal.address,
          TEMPORAL_NAMESPACE: TEMPORAL_NAMESPACE_DEFAULT,
          ...TEST_PAYLOAD_KEY_ENV,
        }),
    // The verification reads every decision from the portal: one client, far more than 120 reads a minute.
    ...(service === 'publication' ? { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' } : {}),
    ...options.env,
  });
  const processes = new Map<ServiceName, ServiceProcess>();
  const start = async (service: ServiceName) => {
    processes.set(
      service,
      await startServiceProcess(service, envOf(service), { port: ports[service], logFile: logFile(service) }),
    );
  };
  const staffToken = (sub: string, agency: string, roles: Role[]) =>
    signStaffToken({ sub, agency, roles }, { secret, ...AUTH, expiresInSeconds: 4 * 3600 });

  const stop = async ({ keepLogs = false } = {}) => {
    await Promise.allSettled([...processes.values()].map((service) => service.stop()));
    await engines.stop();
    if (!keepLogs) await rm(logs, { recursive: true, force: true });
  };
  try {
    await start('registry');
    const admin = staffToken('faults-admin', 'XPCC', ['platform-admin']);
    const call: CaseRegistry['call'] = async <T>(method: string, route: string, body?: unknown) => {
      const response = await fetch(url('registry') + route, {
        method,
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`registry ${method} ${route} → ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    };
    const people = await seedCaseRegistry(call);
    const { key: apiKey } = await call<{ key: string }>('POST', '/api/v1/api-keys', {
      agencyCode: 'BT01',
      role: 'agency-system',
      label: '故障测试：办案系统',
    });
    // The worker owns the case database and migrates it; case-api is up (/health) only once that is done.
    for (const service of ['worker', 'case-api'] as const) await start(service);
    await Promise.all((['evidence', 'publication', 'statistics'] as const).map(start));
    return {
      postgres,
      kafka,
      s3,
      temporal,
      people,
      apiKey,
      logFile,
      url,
      databaseUrl: database,
      staffToken,
      async kill(service) {
        await processes.get(service)?.kill();
      },
      async freeze(service, ms) {
        await processes.get(service)?.freeze(ms);
      },
      restart: start,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
