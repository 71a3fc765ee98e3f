import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { signStaffToken } from '@lep/auth';
import { Client as S3Client } from 'minio';
import { databaseUrl, ensureDatabases, startPeers } from '@lep/testing';
import { ChildProcessGroup } from './child-process-group';
import { createBootstrapApiKey } from './bootstrap-api-key';
import { SERVICES } from './services';
import { waitForHealth } from './wait-for-health';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const EVIDENCE_BUCKET = 'lep-evidence';
/** Where uploads wait until their hash is known (the evidence service's default EVIDENCE_STAGING_BUCKET). */
const EVIDENCE_STAGING_BUCKET = 'lep-evidence-staging';
const HEALTH_TIMEOUT_MS = 120_000;
const AUTH_ISSUER = 'lep';
const AUTH_AUDIENCE = 'lep-api';
const DEV_TOKEN_SECONDS = 12 * 60 * 60;
const REGISTRY = SERVICES.find((service) => service.name === 'registry')!;
const REGISTRY_URL = `http://127.0.0.1:${REGISTRY.port}`;

/**
 * `npm start`: the whole system on this machine. Peers come from the environment when named there
 * (DATABASE_URL as a server URL, KAFKA_BROKERS, S3_ENDPOINT + keys, TEMPORAL_ADDRESS) and are embedded
 * otherwise; Temporal runs in real time (no skipping) so timers behave as in production.
 */
async function main(): Promise<void> {
  const env = process.env;
  const peers = await startPeers({
    postgres: { url: env.DATABASE_URL || undefined },
    kafka: { brokers: env.KAFKA_BROKERS || undefined },
    s3: {
      endpoint: env.S3_ENDPOINT || undefined,
      accessKey: env.S3_ACCESS_KEY,
      secretKey: env.S3_SECRET_KEY,
      region: env.S3_REGION,
    },
    temporal: { address: env.TEMPORAL_ADDRESS || undefined },
  });
  const children = new ChildProcessGroup((name, code) => {
    console.error(`${name} exited unexpectedly (code ${code}); stopping the stack`);
    void shutdown(1);
  });

  let shuttingDown = false;
  async function shutdown(exitCode: number): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log('stopping LEP…');
    await children.stopAll();
    await peers.stop();
    console.log('stopped; nothing left running');
    process.exit(exitCode);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  // A fresh signing secret per run: tokens printed by one run never work against another.
  const authSecret = process.env.AUTH_JWT_SECRET || randomBytes(48).toString('base64url');

  try {
    for (const line of peers.describe()) console.log(line);
    await ensureDatabases(
      peers.databaseUrl,
      SERVICES.flatMap((service) => (service.database ? [service.database] : [])),
    );
    const s3 = new S3Client(peers.s3);
    for (const bucket of [EVIDENCE_BUCKET, EVIDENCE_STAGING_BUCKET])
      if (!(await s3.bucketExists(bucket))) await s3.makeBucket(bucket, peers.s3.region);

    for (const service of SERVICES) {
      const env: NodeJS.ProcessEnv = {
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
              EVIDENCE_STAGING_BUCKET,
            }
          : {}),
        ...(service.temporal ? { TEMPORAL_ADDRESS: peers.temporalAddress } : {}),
      };
      children.start(service.name, process.execPath, [path.join(REPO_ROOT, service.entry)], env, REPO_ROOT);
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
    console.log(`  ${'temporal'.padEnd(12)} ${peers.temporalAddress} (gRPC)`);
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
  } catch (error) {
    console.error(`LEP failed to start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
