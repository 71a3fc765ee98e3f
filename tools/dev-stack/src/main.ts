import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { signStaffToken } from '@lep/auth';
import { TEMPORAL_NAMESPACE_DEFAULT, type DevStackState } from '@lep/contracts';
import { preferredPort, registerNamespace } from '@lep/engines';
import { createEvidenceBuckets, databaseUrl, ensureDatabases, startPeers, type Peers } from '@lep/testing';
import { ChildProcessGroup } from './child-process-group';
import { createBootstrapApiKey } from './bootstrap-api-key';
import { SERVICES } from './services';
import { removeStateFile, stateFilePath, writeStateFile } from './state-file';
import { waitForHealth } from './wait-for-health';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const EVIDENCE_BUCKET = 'lep-evidence';
const PUBLIC_BUCKET = 'lep-public';
const HEALTH_TIMEOUT_MS = 120_000;
const AUTH_ISSUER = 'lep';
const AUTH_AUDIENCE = 'lep-api';
const DEV_TOKEN_SECONDS = 12 * 60 * 60;
const REGISTRY = SERVICES.find((service) => service.name === 'registry')!;
const REGISTRY_URL = `http://127.0.0.1:${REGISTRY.port}`;
const CASE_API = SERVICES.find((service) => service.name === 'case-api')!;
/** Where the Temporal Web UI decrypts payloads: case-api's remote codec (docs/operations.md). */
const CODEC_ENDPOINT = `http://127.0.0.1:${CASE_API.port}/api/v1/temporal-codec`;
/** The ports people know these engines by, used when free (any free port otherwise; the output says which). */
const USUAL_PORTS = { temporal: 7233, temporalUi: 8233, kafka: 9092, minio: 9000, minioConsole: 9001 };

/**
 * The engines the environment names (DATABASE_URL as a server URL, KAFKA_BROKERS, S3_ENDPOINT + keys,
 * TEMPORAL_ADDRESS), else our own, built into the engine cache on first use: embedded PostgreSQL, an Apache Kafka
 * broker, MinIO with its Console and the Temporal dev server with its Web UI, all in real time.
 */
async function startEngines(env: NodeJS.ProcessEnv): Promise<Peers> {
  return startPeers({
    postgres: { url: env.DATABASE_URL || undefined },
    kafka: { brokers: env.KAFKA_BROKERS || undefined, port: await preferredPort(USUAL_PORTS.kafka) },
    s3: {
      endpoint: env.S3_ENDPOINT || undefined,
      accessKey: env.S3_ACCESS_KEY,
      secretKey: env.S3_SECRET_KEY,
      region: env.S3_REGION,
      port: await preferredPort(USUAL_PORTS.minio),
      consolePort: await preferredPort(USUAL_PORTS.minioConsole),
    },
    temporal: {
      address: env.TEMPORAL_ADDRESS || undefined,
      port: await preferredPort(USUAL_PORTS.temporal),
      uiPort: await preferredPort(USUAL_PORTS.temporalUi),
      uiCodecEndpoint: CODEC_ENDPOINT,
    },
  });
}

/**
 * `npm start`: the whole system on this machine, on the real engines. Any of SIGINT (Ctrl-C), SIGTERM or SIGHUP —
 * or the end of the process that started it (npm killed outright) — stops every service, then every engine.
 */
async function main(): Promise<void> {
  const env = process.env;
  let peers: Peers | undefined;
  const children = new ChildProcessGroup((name, code) => {
    console.error(`${name} exited unexpectedly (code ${code}); stopping the stack`);
    void shutdown(1);
  });

  let shuttingDown = false;
  async function shutdown(exitCode: number): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log('stopping LEP…');
    removeStateFile();
    await children.stopAll();
    await peers?.stop();
    console.log('stopped; nothing left running');
    process.exit(exitCode);
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
  // npm passes SIGINT and SIGTERM on to us (the start script execs this process); a SIGHUP or SIGKILL ends npm
  // alone, and we are handed to another parent: that is the user stopping the command too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 500).unref();

  // A fresh signing secret per run: tokens printed by one run never work against another.
  const authSecret = process.env.AUTH_JWT_SECRET || randomBytes(48).toString('base64url');
  // Likewise a fresh payload key per run (the run's histories go with its temporary data), unless the
  // environment names the keys of a Temporal server it points at.
  const payloadKeys = process.env.TEMPORAL_PAYLOAD_KEYS
    ? {
        TEMPORAL_PAYLOAD_KEYS: process.env.TEMPORAL_PAYLOAD_KEYS,
        TEMPORAL_PAYLOAD_KEY_ID: process.env.TEMPORAL_PAYLOAD_KEY_ID,
      }
    : { TEMPORAL_PAYLOAD_KEYS: `dev:${randomBytes(32).toString('base64')}`, TEMPORAL_PAYLOAD_KEY_ID: 'dev' };

  try {
    peers = await startEngines(env);
    for (const line of peers.describe()) console.log(line);
    // What production's init jobs do (deploy/temporal/create-namespace.sh, deploy/minio/create-buckets.sh).
    await registerNamespace(peers.temporalAddress, TEMPORAL_NAMESPACE_DEFAULT);
    await createEvidenceBuckets(peers.s3, {
      evidence: EVIDENCE_BUCKET,
      public: PUBLIC_BUCKET,
      retention: { mode: 'GOVERNANCE', days: 30 },
    });
    await ensureDatabases(
      peers.databaseUrl,
      SERVICES.flatMap((service) => (service.database ? [service.database] : [])),
    );

    for (const service of SERVICES) {
      const serviceEnv: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(service.port),
        AUTH_JWT_SECRET: authSecret,
        AUTH_ISSUER,
        AUTH_AUDIENCE,
        REGISTRY_URL,
        // Every service but the registry (the key store itself) checks API keys by asking the registry.
        ...(service === REGISTRY
          ? {}
          : { AUTH_API_KEY_INTROSPECTION_URL: `${REGISTRY_URL}/api/v1/auth/introspect` }),
        ...(service.database ? { DATABASE_URL: databaseUrl(peers.databaseUrl, service.database) } : {}),
        ...(service.kafka ? { KAFKA_BROKERS: peers.kafkaBrokers.join(',') } : {}),
        ...(service.s3
          ? {
              S3_ENDPOINT: peers.s3Endpoint,
              S3_ACCESS_KEY: peers.s3.accessKey,
              S3_SECRET_KEY: peers.s3.secretKey,
              S3_REGION: peers.s3.region,
              S3_BUCKET: EVIDENCE_BUCKET,
            }
          : {}),
        ...(service.temporal
          ? {
              TEMPORAL_ADDRESS: peers.temporalAddress,
              TEMPORAL_NAMESPACE: TEMPORAL_NAMESPACE_DEFAULT,
              ...payloadKeys,
            }
          : {}),
        ...(service === CASE_API && peers.temporal?.server?.uiUrl
          ? { TEMPORAL_UI_ORIGIN: peers.temporal.server.uiUrl }
          : {}),
      };
      children.start(
        service.name,
        process.execPath,
        [path.join(REPO_ROOT, service.entry)],
        serviceEnv,
        REPO_ROOT,
      );
    }
    await Promise.all(
      SERVICES.map((service) => waitForHealth(`http://127.0.0.1:${service.port}/health`, HEALTH_TIMEOUT_MS)),
    );

    console.log('\nLEP is up (Ctrl-C stops everything):');
    for (const service of SERVICES) {
      const base = `http://127.0.0.1:${service.port}`;
      console.log(
        `  ${service.name.padEnd(12)} ${base}  ${service.links.map((link) => base + link).join('  ')}`,
      );
    }
    const ui = peers.temporal?.server?.uiUrl;
    console.log(`  ${'temporal'.padEnd(12)} ${peers.temporalAddress} (gRPC)${ui ? `  Web UI ${ui}` : ''}`);
    console.log(`  ${'kafka'.padEnd(12)} ${peers.kafkaBrokers.join(',')}`);
    const console_ = peers.s3Peer?.minio?.consoleUrl;
    console.log(`  ${'minio'.padEnd(12)} ${peers.s3Endpoint} (S3)${console_ ? `  Console ${console_}` : ''}`);
    const adminToken = signStaffToken(
      { sub: 'dev-platform-admin', agency: 'XPCC', roles: ['platform-admin'] },
      {
        secret: authSecret,
        issuer: AUTH_ISSUER,
        audience: AUTH_AUDIENCE,
        expiresInSeconds: DEV_TOKEN_SECONDS,
      },
    );
    console.log(
      `\nDevelopment platform-admin token (12 h; send as "Authorization: Bearer <token>"):\n  ${adminToken}`,
    );
    const adminKey = await createBootstrapApiKey(REGISTRY_URL, adminToken);
    console.log(
      `\nBootstrap platform-admin API key (until revoked; "Authorization: Bearer <key>", or LEP_TOKEN for npx lep):\n  ${adminKey}`,
    );
    // A callback does not see `peers` narrowed (it is reassigned in this function): the URL is taken here.
    const serverUrl = peers.databaseUrl;
    writeStateFile({
      pid: process.pid,
      startedAt: new Date().toISOString(),
      services: Object.fromEntries(
        SERVICES.map((service) => [service.name, `http://127.0.0.1:${service.port}`]),
      ) as DevStackState['services'],
      temporalAddress: peers.temporalAddress,
      kafkaBrokers: peers.kafkaBrokers,
      databases: Object.fromEntries(
        SERVICES.flatMap((service) =>
          service.database ? [[service.name, databaseUrl(serverUrl, service.database)]] : [],
        ),
      ),
      auth: { jwtSecret: authSecret, issuer: AUTH_ISSUER, audience: AUTH_AUDIENCE },
    });
    console.log(
      `\nTemporal payloads are encrypted (key "${payloadKeys.TEMPORAL_PAYLOAD_KEY_ID}"). Read a case's history decrypted with the token above:\n` +
        `  temporal workflow show --detailed --address ${peers.temporalAddress} -w <caseId> --codec-endpoint ${CODEC_ENDPOINT} --codec-auth "Bearer <token>"\n` +
        `  (the dev server's Web UI has no login, so it cannot send a token and shows payloads encrypted: docs/operations.md)`,
    );
    console.log(
      `\nnpx lep finds this stack in ${stateFilePath()} (lep demo, lep auth token, lep record verify).`,
    );
  } catch (error) {
    // A missing toolchain (go, java, mvn) is one line that says what to install.
    console.error(`LEP failed to start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
