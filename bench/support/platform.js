// What the benches that run the platform as processes share: the engines, the case registry with its people, the
// services each bench needs started as they run in production, and stopping all of it however the bench ends.
const {
  startPeers,
  ensureDatabases,
  databaseUrl,
  startServiceProcess,
  startCaseRegistry,
  createEvidenceBuckets,
  TEST_PAYLOAD_KEY_ENV,
} = require('../../libs/testing/dist');
const { Client: MinioClient } = require('minio');

/** Each service's own database, as `npm start` names them. */
const DATABASES = {
  worker: 'lep_cases',
  'case-api': 'lep_cases',
  publication: 'lep_publication',
  evidence: 'lep_evidence',
};
/** The evidence service's bucket, and a plain one for the benches' bare-engine baselines. */
const BUCKETS = { evidence: 'lep-evidence', bare: 'lep-bench-bare' };

/**
 * Starts the real engines (MinIO too when the evidence service is among `services`), the case registry signing
 * with `auth.secret`, then `services` in order (the worker before case-api, so a case is filed as soon as it
 * starts), each with the environment every one of them takes plus `env[name]`. `body(platform)` runs with
 * `{ peers, registry, url: name → base URL, databaseUrl: name → its database }`; everything is stopped after it,
 * in reverse order, whether it succeeded or not.
 */
async function withPlatform({ auth, sign, services, env = {} }, body) {
  const s3 = services.includes('evidence');
  // LEP_BENCH_TEMPORAL_ADDRESS=host:port: a Temporal server of your own (e.g. on PostgreSQL, as production runs
  // it) instead of the dev server, in a namespace of the bench's own with LEP's search attributes.
  const temporalAddress = process.env.LEP_BENCH_TEMPORAL_ADDRESS || undefined;
  const peers = await startPeers({
    postgres: true,
    kafka: true,
    s3,
    temporal: { address: temporalAddress, ownNamespace: Boolean(temporalAddress) },
  });
  // The registry stand-in and the service processes read the engines from these.
  Object.assign(process.env, {
    LEP_TEST_DATABASE_URL: peers.databaseUrl,
    LEP_TEST_KAFKA_BROKERS: peers.kafkaBrokers.join(','),
    LEP_TEST_TEMPORAL_ADDRESS: peers.temporalAddress,
  });
  const processes = [];
  try {
    await ensureDatabases(peers.databaseUrl, [...new Set(services.map((name) => DATABASES[name]))]);
    if (s3) {
      await createEvidenceBuckets(peers.s3, {
        evidence: BUCKETS.evidence,
        retention: { mode: 'GOVERNANCE', days: 30 },
      });
      const client = new MinioClient({ ...peers.s3, pathStyle: true });
      if (!(await client.bucketExists(BUCKETS.bare))) await client.makeBucket(BUCKETS.bare);
    }
    const registry = await startCaseRegistry({ secret: auth.secret, sign });
    processes.push(registry);
    const common = {
      KAFKA_BROKERS: peers.kafkaBrokers.join(','),
      TEMPORAL_ADDRESS: peers.temporalAddress,
      TEMPORAL_NAMESPACE: peers.temporalNamespace,
      // Encrypted payloads, as in production: the figures include the codec's cost.
      ...TEST_PAYLOAD_KEY_ENV,
      AUTH_JWT_SECRET: auth.secret,
      REGISTRY_URL: registry.url,
      AUTH_API_KEY_INTROSPECTION_URL: `${registry.url}/api/v1/auth/introspect`,
    };
    const storage = s3
      ? {
          S3_ENDPOINT: peers.s3Endpoint,
          S3_ACCESS_KEY: peers.s3.accessKey,
          S3_SECRET_KEY: peers.s3.secretKey,
          S3_REGION: peers.s3.region,
          S3_BUCKET: BUCKETS.evidence,
        }
      : {};
    const url = {};
    for (const name of services) {
      const service = await startServiceProcess(name, {
        ...common,
        ...(name === 'evidence' ? storage : {}),
        DATABASE_URL: databaseUrl(peers.databaseUrl, DATABASES[name]),
        ...env[name],
      });
      processes.push(service);
      url[name] = service.url;
    }
    return await body({
      peers,
      registry,
      url,
      buckets: BUCKETS,
      databaseUrl: (name) => databaseUrl(peers.databaseUrl, DATABASES[name]),
    });
  } finally {
    for (const running of processes.reverse()) await running.stop().catch(() => undefined);
    await peers.stop();
  }
}

/** Runs a bench's `main` and ends the process with its outcome (open handles of the clients would keep it up). */
function runBench(main) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

module.exports = { withPlatform, runBench };
