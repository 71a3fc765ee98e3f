// Evidence upload benchmark. Build first (`npm run build`), then:
//   node bench/evidence/run.js [megabytes=1024] [rounds=3]
// Each round puts a file bare into the store, then uploads the same bytes through the evidence service (a child
// process: multipart over HTTP, SHA-256 on the way, multipart to S3 completed once hashed, row + outbox event).
// Rounds alternate so that load from other processes hits both sides alike; each round changes the file's first
// bytes so that no upload is deduplicated. Prints every round, the median ratio, and the
// service's peak RSS (VmHWM of its /proc status) over all uploads. Engines are the test harness's (MinIO, Kafka,
// embedded PostgreSQL), or the ones named by TEST_DATABASE_URL / KAFKA_BROKERS / S3_ENDPOINT (+ S3_ACCESS_KEY,
// S3_SECRET_KEY).
const { spawn } = require('node:child_process');
const { createHash, randomFillSync, randomBytes, randomUUID } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('minio');
const {
  createDatabase,
  createEvidenceBuckets,
  dropDatabase,
  freePort,
  peersOptionsFromEnvironment,
  startPeers,
} = require('../../libs/testing/dist');
const { signStaffToken } = require('../../libs/auth/dist');

const MEGABYTES = Number(process.argv[2] ?? 1024);
const ROUNDS = Number(process.argv[3] ?? 3);
const SIZE = MEGABYTES * 1024 * 1024;
const AUTH_SECRET = randomBytes(32).toString('hex');
const root = path.join(__dirname, '..', '..');

async function writeTestFile(file) {
  const out = fs.createWriteStream(file);
  for (let written = 0; written < SIZE; written += 1024 * 1024) {
    const chunk = randomFillSync(Buffer.allocUnsafe(Math.min(1024 * 1024, SIZE - written)));
    if (!out.write(chunk)) await new Promise((done) => out.once('drain', done));
  }
  await new Promise((done, fail) => out.end((error) => (error ? fail(error) : done())));
}

/** Writes the round number into the file's first bytes (new content each round) and returns its SHA-256. */
async function markRound(file, round) {
  const fd = await fs.promises.open(file, 'r+');
  try {
    const mark = Buffer.alloc(8);
    mark.writeBigUInt64LE(BigInt(round));
    await fd.write(mark, 0, 8, 0);
  } finally {
    await fd.close();
  }
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
  return hash.digest('hex');
}

/** The bare put: the client's putObject with the file's stream and size, into a bucket without object lock. */
async function barePut(s3, bucket, file, round) {
  await s3.putObject(bucket, `bare/putObject-${round}`, fs.createReadStream(file), SIZE, {});
}

/** CPU seconds (user + system) the process has used so far: steadier than throughput on a shared machine. */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function vmStatus(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Resets VmHWM to the current RSS (Linux `clear_refs` 5), so the peak that follows is the uploads' own. */
function resetPeak(pid) {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

// EVIDENCE_SERVICE_ENTRY runs another build of the service (e.g. main's, for a before/after in one run).
const serviceEntry = process.env.EVIDENCE_SERVICE_ENTRY ?? path.join(root, 'services/evidence/dist/main.js');

async function startService(env) {
  const child = spawn(process.execPath, [serviceEntry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (data) => (output += data));
  child.stderr.on('data', (data) => (output += data));
  // A service that dies mid-run says why (the bench then fails with the client's socket error).
  child.once('exit', (code, signal) => {
    if (!child.killedByBench)
      console.error(`evidence service exited (${code ?? signal}):\n${output.slice(-4000)}`);
  });
  // Ready when /health answers: at LOG_LEVEL warn the service does not log that it listens.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const healthy = await fetch(`http://127.0.0.1:${env.PORT}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return child;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.killedByBench = true;
      child.kill('SIGKILL');
      throw new Error(`evidence service did not start:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** `declaredSha256`: the hash a body camera's uploader sends ahead of the bytes (optional in the API). */
function uploadThroughService(url, token, file, declaredSha256) {
  const boundary = `bench${randomBytes(8).toString('hex')}`;
  const fields = {
    stage: '现场检查',
    kind: 'video',
    capturedAt: new Date().toISOString(),
    capturedBy: 'bench',
    confidentiality: 'internal',
    ...(declaredSha256 ? { sha256: declaredSha256 } : {}),
  };
  const head =
    Object.entries(fields)
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': Buffer.byteLength(head) + SIZE + Buffer.byteLength(tail),
      },
    });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: JSON.parse(body) }));
    });
    request.on('error', reject);
    request.write(head);
    const source = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
    source.on('error', reject);
    source.on('end', () => request.end(tail));
    source.pipe(request, { end: false });
  });
}

async function main() {
  // MinIO runs in its own process: the bench process only sends.
  const peers = await startPeers(peersOptionsFromEnvironment({ postgres: true, kafka: true, s3: true }));
  const directory = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lep-bench-evidence-'));
  const databaseUrl = await createDatabase(peers.databaseUrl, 'bench_evidence');
  const bucket = `bench-${randomBytes(4).toString('hex')}`;
  const s3 = new Client({ ...peers.s3, pathStyle: true });
  let service;
  try {
    // The service's buckets as production makes them; the bare put goes to a plain bucket of its own.
    await createEvidenceBuckets(peers.s3, { evidence: bucket, retention: { mode: 'GOVERNANCE', days: 1 } });
    await s3.makeBucket(`${bucket}-bare`);
    const file = path.join(directory, 'evidence.bin');
    await writeTestFile(file);
    console.log(`peers: ${peers.describe().join('; ')}`);

    const port = await freePort();
    service = await startService({
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: peers.kafkaBrokers.join(','),
      S3_ENDPOINT: peers.s3Endpoint,
      S3_ACCESS_KEY: peers.s3.accessKey,
      S3_SECRET_KEY: peers.s3.secretKey,
      S3_REGION: peers.s3.region,
      S3_BUCKET: bucket,
      AUTH_JWT_SECRET: AUTH_SECRET,
    });
    const atRest = vmStatus(service.pid); // after start-up: migrations, Kafka and S3 connections
    resetPeak(service.pid); // start-up's own peak (Nest, migrations) is not the uploads'
    const token = signStaffToken(
      { sub: 'bench', agency: 'BT-8', roles: ['handler'] },
      { secret: AUTH_SECRET, issuer: 'lep', audience: 'lep-api' },
    );
    const ratios = { declared: [], undeclared: [] };
    const fastest = { bare: Infinity, declared: Infinity, undeclared: Infinity };
    const cpu = { declared: [], undeclared: [] };
    const throughService = async (round, declared) => {
      // New content every upload, so neither path finds its bytes already stored.
      const expected = await markRound(file, 3 * round + (declared ? 1 : 2));
      const started = performance.now();
      const cpuBefore = cpuSeconds(service.pid);
      const answer = await uploadThroughService(
        `http://127.0.0.1:${port}/api/v1/cases/case-BT-8.${randomUUID()}/evidence`,
        token,
        file,
        declared ? expected : undefined,
      );
      if (answer.status !== 201 || answer.body.sha256 !== expected)
        throw new Error(`upload failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      const seconds = (performance.now() - started) / 1000;
      cpu[declared ? 'declared' : 'undeclared'].push(cpuSeconds(service.pid) - cpuBefore);
      return seconds;
    };
    for (let round = 1; round <= ROUNDS; round++) {
      await markRound(file, 3 * round);
      const started = performance.now();
      await barePut(s3, `${bucket}-bare`, file, round);
      const bareSeconds = (performance.now() - started) / 1000;
      const declaredSeconds = await throughService(round, true);
      const undeclaredSeconds = await throughService(round, false);
      fastest.bare = Math.min(fastest.bare, bareSeconds);
      fastest.declared = Math.min(fastest.declared, declaredSeconds);
      fastest.undeclared = Math.min(fastest.undeclared, undeclaredSeconds);
      ratios.declared.push(bareSeconds / declaredSeconds);
      ratios.undeclared.push(bareSeconds / undeclaredSeconds);
      const rate = (seconds) => `${(MEGABYTES / seconds).toFixed(0)} MB/s`;
      console.log(
        `round ${round}: bare putObject ${rate(bareSeconds)}; through the service with the hash declared ` +
          `${rate(declaredSeconds)} (ratio ${(bareSeconds / declaredSeconds).toFixed(2)}), without ` +
          `${rate(undeclaredSeconds)} (ratio ${(bareSeconds / undeclaredSeconds).toFixed(2)})`,
      );
    }
    const after = vmStatus(service.pid);
    const cpuPerUpload = (list) => list.map((seconds) => seconds.toFixed(2)).join(' / ');
    console.log(
      `service CPU per upload (s): hash declared ${cpuPerUpload(cpu.declared)}; not declared ${cpuPerUpload(cpu.undeclared)}`,
    );
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(2);
    console.log(
      `${MEGABYTES} MB × ${ROUNDS} rounds: median ratio service / bare — hash declared ${median(ratios.declared)}` +
        ` (goal ≥ 0.8), hash not declared ${median(ratios.undeclared)}`,
    );
    // On a shared machine one slow round skews a ratio; the fastest run of each path is the least disturbed.
    console.log(
      `fastest of ${ROUNDS}: bare ${(MEGABYTES / fastest.bare).toFixed(0)} MB/s; ratio hash declared ` +
        `${(fastest.bare / fastest.declared).toFixed(2)}, not declared ${(fastest.bare / fastest.undeclared).toFixed(2)}`,
    );
    console.log(
      `service RSS: ${atRest.rssMb.toFixed(0)} MB at rest (start-up peak ${atRest.peakMb.toFixed(0)} MB), peak ` +
        `${after.peakMb.toFixed(0)} MB (VmHWM) over the ${MEGABYTES} MB uploads (goal < 200 MB)`,
    );
  } finally {
    if (service) {
      service.killedByBench = true;
      service.kill('SIGTERM');
      await new Promise((done) => service.once('exit', done));
    }
    await fs.promises.rm(directory, { recursive: true, force: true });
    await dropDatabase(databaseUrl);
    await peers.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
