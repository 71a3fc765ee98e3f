// Whole-journey benchmark (issue #22). Build first (`npm run build`), then:
//   node bench/journey/run.js [cases=1000] [concurrency=20]
// Starts the real engines and every service that takes part in a penalty case as its own process, then drives
// `cases` cases with `concurrency` agency systems at a time, each the way an agency does it: file the case (API
// key), wait for the worker's filing checks, upload the on-site video to the evidence service, wait until the worker
// has linked it, draft, notify, (every third case is major: submit for legal review, the reviewer claims and approves
// the task), decide, and wait until the masked disclosure is on lep.publication.disclosure.v1.
// Then, in the same run, the engines' own share of that work: per case one Temporal workflow start and as many
// updates as the journey sent (to a bare worker whose handlers do nothing), one MinIO put of the same bytes, and as
// many Kafka messages produced and consumed as the journey caused per case (counted from the topics' offsets).
// Prints time per case (p50/p95/p99), cases per second, where a case's time went, and the ratio to the bare engines.
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { createHash, randomBytes, randomUUID } = require('node:crypto');
const { Client, Connection } = require('@temporalio/client');
const { DefaultLogger, NativeConnection, Runtime, Worker } = require('@temporalio/worker');
const { Kafka, logLevel } = require('kafkajs');
const { Client: MinioClient } = require('minio');
const { signStaffToken } = require('../../libs/auth/dist');
const { ACTING_OFFICERS_HEADER, REVIEW_CHECKLIST, reviewWorkflowId } = require('../../libs/contracts/dist');
const { penaltyDraft } = require('../../libs/testing/dist');
const { runBench, withPlatform } = require('../support/platform');

const CASES = Number(process.argv[2] ?? 1000);
const CONCURRENCY = Number(process.argv[3] ?? 20);
const AUTH = { secret: 'journey-bench-secret-of-at-least-32-characters', issuer: 'lep', audience: 'lep-api' };
const sign = (claims) => signStaffToken(claims, { ...AUTH, expiresInSeconds: 6 * 3600 });
const AGENCY = 'BT01';
const VIDEO_BYTES = 256 * 1024;
const DISCLOSURE_TOPIC = 'lep.publication.disclosure.v1';
const CHECKLIST_PASSED = Object.fromEntries(REVIEW_CHECKLIST.map((item) => [item, { passed: true }]));
const PARTY = { type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' };

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (value) => `${Math.round(value)} ms`;
  return `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}`;
}

/** Runs `job(i)` for i in [0, count) with `concurrency` in flight; answers the wall time in ms. */
async function pool(count, concurrency, job) {
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await job(next++);
    }),
  );
  return performance.now() - began;
}

async function until(read, done, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function http(baseUrl, token, headers = {}) {
  return async (method, route, body) => {
    const response = await fetch(baseUrl + route, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

/**
 * Calls a route and answers its body once the act is done: an action case-api answered 202 (its workflow still
 * working on it, as happens under load) is followed at its Location until it has an outcome, as an agency system
 * must before its next act on the case.
 */
async function ok(call, method, route, body) {
  let answer = await call(method, route, body);
  while (answer.status === 202 && answer.body?.location) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await call('GET', answer.body.location);
  }
  if (answer.status >= 300)
    throw new Error(`${method} ${route} → ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Total messages on every topic (sum of partition high-water marks). */
async function messagesOnTopics(admin) {
  const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
  let total = 0;
  for (const topic of topics)
    for (const partition of await admin.fetchTopicOffsets(topic)) total += Number(partition.high);
  return total;
}

/** Arrival time of each decision's first disclosure on the topic, and a way to wait for one. */
async function disclosureWatcher(kafka) {
  const arrivals = new Map();
  const waiting = new Map();
  const consumer = kafka.consumer({ groupId: `journey-bench-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: DISCLOSURE_TOPIC, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value.toString());
      const decisionId = event.data?.decisionId;
      if (!decisionId || arrivals.has(decisionId)) return;
      arrivals.set(decisionId, performance.now());
      waiting.get(decisionId)?.();
    },
  });
  return {
    arrival: (decisionId) =>
      arrivals.has(decisionId)
        ? Promise.resolve(arrivals.get(decisionId))
        : new Promise((resolve) => waiting.set(decisionId, () => resolve(arrivals.get(decisionId)))),
    stop: () => consumer.disconnect(),
  };
}

async function journey(n, run, clients, people, disclosures, steps) {
  const major = n % 3 === 0;
  const fineYuan = major ? 20_000 + n : 500 + n;
  const caseNumber = `JOURNEY-${run}-${String(n).padStart(5, '0')}`;
  const began = performance.now();
  const mark = (step, since) => {
    steps[step] ??= [];
    steps[step].push(performance.now() - since);
    return performance.now();
  };
  let at = began;
  const filed = await ok(clients.system, 'POST', '/api/v1/cases', {
    agencyCode: AGENCY,
    caseNumber,
    itemCode: 'P-001',
    title: '张三销售不合格电热水壶案',
    filedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    handlerIds: people.handlers,
    parties: [PARTY],
    otherPersonNames: [],
  });
  const caseId = filed.caseId;
  const cases = `/api/v1/cases/${caseId}`;
  const state = async () => (await clients.handler('GET', cases)).body?.state;
  await until(state, (s) => s?.stage === 'investigating', `filing of ${caseId}`);
  at = mark('file (start, worker filing checks)', at);

  const content = randomBytes(VIDEO_BYTES);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const form = new FormData();
  for (const [name, value] of Object.entries({
    stage: 'investigating',
    kind: 'video',
    capturedAt: new Date(Date.now() - 60_000).toISOString(),
    recordingEndedAt: new Date().toISOString(),
    capturedBy: people.handlers[0],
    confidentiality: 'internal',
    sha256,
    requestId: `journey-${randomUUID()}`,
  }))
    form.append(name, value);
  form.append('file', new Blob([content], { type: 'video/mp4' }), 'DSJ_0815.mp4');
  const uploaded = await fetch(`${clients.evidenceUrl}${cases}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${clients.handlerToken}` },
    body: form,
  });
  if (uploaded.status !== 201) throw new Error(`evidence → ${uploaded.status}: ${await uploaded.text()}`);
  const evidenceId = (await uploaded.json()).id;
  await until(state, (s) => s?.evidence.some((item) => item.evidenceId === evidenceId), 'the evidence link');
  at = mark('evidence (upload, linked by the worker)', at);

  await ok(clients.handler, 'POST', `${cases}/draft-decision`, draftBody(fineYuan));
  await ok(clients.handler, 'POST', `${cases}/notice`, { requestId: randomUUID(), hearingRights: false });
  at = mark('draft and notice', at);
  if (major) {
    await ok(clients.handler, 'POST', `${cases}/review-submission`, { requestId: randomUUID() });
    const taskId = reviewWorkflowId(caseId, 1);
    // The round's task workflow starts as a child of the case: claimable once it runs.
    await until(
      () => clients.reviewer('POST', `/api/v1/tasks/${taskId}/claim`),
      (answer) => answer.status === 200,
      `the review task of ${caseId}`,
    );
    await ok(clients.reviewer, 'POST', `/api/v1/tasks/${taskId}/complete`, {
      requestId: randomUUID(),
      checklist: CHECKLIST_PASSED,
      opinion: '事实清楚，证据确凿，程序合法，裁量适当，同意按草案作出决定。',
      outcome: 'approved',
    });
    await until(state, (s) => s?.reviewRounds[0]?.outcome === 'approved', `approval of ${caseId}`);
    at = mark('legal review (major cases)', at);
  }
  // A read may find the workflow too busy to answer (503, no state) under this load: read until it does.
  const drafted = await until(state, (s) => s?.draft, `the draft of ${caseId}`);
  const decided = await ok(clients.system, 'POST', `${cases}/decision`, {
    requestId: randomUUID(),
    draftHash: drafted.draft.hash,
    decidedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
  });
  // An answer before the workflow finished (202) carries no state: the decision id is read from the case then.
  const decision =
    decided.state?.decision ?? (await until(state, (s) => s?.decision, `the decision of ${caseId}`)).decision;
  at = mark('decide', at);
  await disclosures.arrival(decision.decisionId);
  mark('disclosure on the topic', at);
  return { ms: performance.now() - began, updates: major ? 5 : 3 };
}

/** The fault suite's and the tests' penalty draft (@lep/testing), under a 文号 of its own per fine. */
function draftBody(fineYuan) {
  return {
    requestId: randomUUID(),
    ...penaltyDraft(fineYuan),
    documentNumber: `阿市监罚〔2026〕${fineYuan}号`,
  };
}

/** The engines alone doing one case's share of work: a workflow start and its updates, a put, the messages. */
async function bareJourney(n, run, bare, shape) {
  const began = performance.now();
  const handle = await bare.temporal.workflow.start('bareCase', {
    taskQueue: bare.taskQueue,
    workflowId: `bare-${run}-${n}`,
  });
  const content = randomBytes(VIDEO_BYTES);
  await bare.minio.putObject(bare.bucket, `bare/${run}/${n}`, content, content.length, {});
  for (let update = 0; update < shape.updates(n); update++)
    await handle.executeUpdate('step', { args: [update] });
  const key = `bare-${run}-${n}`;
  const arrived = bare.expect(key, shape.messagesPerCase);
  await bare.producer.send({
    topic: bare.topic,
    messages: Array.from({ length: shape.messagesPerCase }, (_, i) => ({ key, value: `${key}/${i}` })),
  });
  await arrived;
  await handle.signal('finish');
  return performance.now() - began;
}

async function startBare(peers, kafka, run, bucket) {
  const taskQueue = `journey-bare-${run}`;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address: peers.temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: path.join(__dirname, 'bare-workflow.js'),
  });
  const running = worker.run();
  const clientConnection = await Connection.connect({ address: peers.temporalAddress });
  const topic = `journey-bare-${run}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `journey-bare-${run}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const counts = new Map();
  const waiting = new Map();
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = message.key.toString();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const expected = waiting.get(key);
      if (expected && counts.get(key) >= expected.count) expected.resolve();
    },
  });
  const minio = new MinioClient(peers.s3);
  return {
    taskQueue,
    topic,
    bucket,
    producer,
    minio,
    temporal: new Client({ connection: clientConnection }),
    expect: (key, count) => new Promise((resolve) => waiting.set(key, { count, resolve })),
    async stop() {
      await consumer.disconnect();
      await producer.disconnect();
      worker.shutdown();
      await running;
      await connection.close();
      await clientConnection.close();
    },
  };
}

async function main() {
  const platform = { auth: AUTH, sign, services: ['worker', 'case-api', 'evidence', 'publication'] };
  await withPlatform(platform, async ({ peers, registry, url, buckets }) => {
    const kafka = new Kafka({ brokers: peers.kafkaBrokers, logLevel: logLevel.NOTHING });
    const { key: apiKey } = await registry.call('POST', '/api/v1/api-keys', {
      agencyCode: AGENCY,
      role: 'agency-system',
      label: 'journey bench',
    });
    const people = registry.people;
    const handlerToken = sign({ sub: people.handlers[0], agency: AGENCY, roles: ['handler'] });
    const clients = {
      // The agency system names who acts (domain.md R8): here the deputy head, who decides.
      system: http(url['case-api'], apiKey, { [ACTING_OFFICERS_HEADER]: people.deputyLeader }),
      handler: http(url['case-api'], handlerToken),
      reviewer: http(
        url['case-api'],
        sign({ sub: people.reviewer, agency: AGENCY, roles: ['legal-reviewer'] }),
      ),
      evidenceUrl: url.evidence,
      handlerToken,
    };
    const disclosures = await disclosureWatcher(kafka);
    const run = randomUUID().slice(0, 8);
    const admin = kafka.admin();
    await admin.connect();

    // A few cases first, so the figures are not a cold start's (connections, JIT, caches).
    await pool(CONCURRENCY, CONCURRENCY, (n) => journey(n, `${run}w`, clients, people, disclosures, {}));
    const messagesBefore = await messagesOnTopics(admin);
    const steps = {};
    const perCase = [];
    let updates = 0;
    const wallMs = await pool(CASES, CONCURRENCY, async (n) => {
      const result = await journey(n, run, clients, people, disclosures, steps);
      perCase.push(result.ms);
      updates += result.updates;
    });
    // Disclosure events are the last of a case; give the others (statistics' inputs) a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const messagesPerCase = Math.round((await messagesOnTopics(admin)) - messagesBefore) / CASES;
    await admin.disconnect();
    await disclosures.stop();
    const lepRate = (CASES / wallMs) * 1000;
    console.log(
      `\nLEP: ${CASES} cases, ${CONCURRENCY} at a time, in ${(wallMs / 1000).toFixed(1)} s: ${lepRate.toFixed(1)} cases/s`,
    );
    console.log(`  time per case ${summary(perCase)}`);
    for (const [step, values] of Object.entries(steps))
      console.log(`  ${step.padEnd(44)} ${summary(values)} (${values.length} cases)`);
    console.log(
      `  per case the journey sent ${(updates / CASES).toFixed(2)} workflow updates (plus the start) and caused ` +
        `${messagesPerCase.toFixed(1)} Kafka messages`,
    );

    const bare = await startBare(peers, kafka, run, buckets.bare);
    const shape = {
      updates: (n) => (n % 3 === 0 ? 5 : 3),
      messagesPerCase: Math.max(1, Math.round(messagesPerCase)),
    };
    const bareMs = [];
    const bareWallMs = await pool(CASES, CONCURRENCY, async (n) => {
      bareMs.push(await bareJourney(n, run, bare, shape));
    });
    await bare.stop();
    const bareRate = (CASES / bareWallMs) * 1000;
    console.log(
      `\nBare engines, same work per case: ${(bareWallMs / 1000).toFixed(1)} s: ${bareRate.toFixed(1)} cases/s, ` +
        `time per case ${summary(bareMs)}`,
    );
    console.log(`LEP / bare engines: ${(lepRate / bareRate).toFixed(2)}× throughput`);
  });
}

runBench(main);
