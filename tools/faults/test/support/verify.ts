import { chinaDateOf } from '@lep/calendar';
import { readCaseRecord } from '@lep/case-store';
import { CASE_EVENT_TYPES, PUBLICATION_EVENT_TYPES, TOPICS, type CaseState } from '@lep/contracts';
import { verifyAuditLog } from '@lep/nest-kit';
import { Client as S3Client } from 'minio';
import { DataSource } from 'typeorm';
import { AgencyClient, eventually } from './agency-client';
import { caseState, type CaseOutcome } from './case-driver';
import { readTopics } from './kafka-log';
import { DATABASES, EVIDENCE_BUCKET, SERVICE_NAMES, type Stack } from './stack';

/** One thing the system holds that it should not, or lacks: the suite fails listing them all. */
export interface Finding {
  kind: 'lost' | 'duplicated' | 'wrong';
  what: string;
}

export interface Figures {
  decisions: number;
  evidenceItems: number;
  evidenceObjects: number;
  recordChains: number;
  auditLogs: string[];
  reviewTasks: number;
}

/** Everything the fault suite asserts after the run, read from the services' own interfaces and stores. */
export async function verifyRun(
  stack: Stack,
  outcomes: CaseOutcome[],
  clients: { handler: AgencyClient; public: AgencyClient; statistics: AgencyClient },
): Promise<{ findings: Finding[]; figures: Figures }> {
  const findings: Finding[] = [];
  const decided = outcomes.filter((outcome) => !outcome.plan.refused);

  // 1. Every case in the state its inputs imply.
  for (const outcome of outcomes) {
    const { plan } = outcome;
    const state = await caseState(clients.handler, plan.caseId);
    findings.push(...checkCase(outcome, state));
  }

  // 2. Every decision on the portal exactly once.
  const decisionIds = decided.map((outcome) => `${outcome.plan.caseId}-D1`);
  await eventually(
    async () => (await publicDecisions(clients.public)).length,
    (count) => count >= decisionIds.length,
    'every decision on the portal',
  );
  const portal = await publicDecisions(clients.public);
  findings.push(...exactlyOnce(decisionIds, portal, 'on the portal'));
  for (const stray of new Set(portal.filter((id) => !decisionIds.includes(id))))
    findings.push({ kind: 'wrong', what: `${stray} is on the portal but no case decided it` });

  // 3. On Kafka at least once, every copy with one event id.
  const topics = await readTopics(stack.kafka.brokers, [
    TOPICS.caseDecision.name,
    TOPICS.publicationDisclosure.name,
  ]);
  const made = topics
    .get(TOPICS.caseDecision.name)!
    .filter((event) => event.type === CASE_EVENT_TYPES.decisionMade);
  const published = topics
    .get(TOPICS.publicationDisclosure.name)!
    .filter((event) => event.type === PUBLICATION_EVENT_TYPES.published);
  for (const decisionId of decisionIds) {
    findings.push(...oneEventId(decisionId, made, 'decision.made'));
    findings.push(...oneEventId(decisionId, published, 'disclosure.published'));
  }

  // 4. No evidence lost, duplicated or orphaned: rows against the driver's receipts and against the objects.
  const evidenceDb = await connect(stack.databaseUrl('evidence'));
  const rows: { id: string; case_id: string; sha256: string; size: string; object_key: string }[] =
    await evidenceDb.query(`SELECT id, case_id, sha256, size, object_key FROM evidence_item`);
  await evidenceDb.destroy();
  const acknowledged = decided.flatMap((outcome) =>
    outcome.evidence.map((item) => ({ ...item, caseId: outcome.plan.caseId })),
  );
  for (const item of acknowledged)
    if (!rows.some((row) => row.id === item.id))
      findings.push({ kind: 'lost', what: `evidence ${item.id} of ${item.caseId} has no row` });
  for (const row of rows) {
    const receipts = acknowledged.filter((item) => item.id === row.id);
    if (receipts.length === 0)
      findings.push({
        kind: 'duplicated',
        what: `evidence row ${row.id} of ${row.case_id} (${row.sha256.slice(0, 12)}…) was never acknowledged to the uploader`,
      });
  }
  const s3 = new S3Client(stack.s3.connection);
  const objects = await listObjects(s3, EVIDENCE_BUCKET);
  for (const row of rows) {
    const object = objects.get(row.object_key);
    if (!object)
      findings.push({ kind: 'lost', what: `evidence ${row.id}: object ${row.object_key} missing` });
    else if (object !== Number(row.size))
      findings.push({
        kind: 'wrong',
        what: `evidence ${row.id}: object is ${object} bytes, row says ${row.size}`,
      });
  }
  for (const key of objects.keys())
    if (!rows.some((row) => row.object_key === key))
      findings.push({ kind: 'wrong', what: `object ${key} is orphaned (no evidence row)` });

  // 5. The statistics count every event once: no figure short (lost) or over (counted twice).
  const expected = expectedFigures(outcomes);
  const totals = await eventually(
    () => statisticsTotals(clients.statistics),
    (current) => Object.entries(expected).every(([metric, value]) => (current[metric] ?? 0) >= value),
    'the statistics to count every case',
  ).catch(() => statisticsTotals(clients.statistics));
  for (const [metric, value] of Object.entries(expected)) {
    const counted = totals[metric] ?? 0;
    if (counted !== value)
      findings.push({
        kind: counted > value ? 'duplicated' : 'lost',
        what: `statistics ${metric}: ${counted}, expected ${value}`,
      });
  }

  // 6. Every record chain and every audit log verifies; no task completed twice.
  const cases = await connect(stack.databaseUrl('case-api'));
  for (const outcome of outcomes) {
    const record = await readCaseRecord(cases, outcome.plan.caseId);
    if (!record.verification.valid)
      findings.push({ kind: 'wrong', what: `record chain of ${outcome.plan.caseId} does not verify` });
    const opinions = record.entries.filter((entry) => entry.content.title.startsWith('法制审核意见书'));
    if (opinions.length !== (outcome.plan.major ? 1 : 0))
      findings.push({
        kind: opinions.length > 1 ? 'duplicated' : 'wrong',
        what: `${outcome.plan.caseId} records ${opinions.length} review opinions`,
      });
  }
  const tasks: { task_id: string; case_id: string; state: string }[] = await cases.query(
    `SELECT task_id, case_id, state FROM case_task WHERE kind = 'legal-review'`,
  );
  await cases.destroy();
  const majors = decided.filter((outcome) => outcome.plan.major).map((outcome) => outcome.plan.caseId);
  findings.push(
    ...exactlyOnce(
      majors,
      tasks.map((task) => task.case_id),
      'as a review task',
    ),
  );
  for (const task of tasks)
    if (task.state !== 'completed')
      findings.push({ kind: 'wrong', what: `review task ${task.task_id} is ${task.state}` });

  const auditLogs: string[] = [];
  for (const database of new Set(SERVICE_NAMES.map((service) => DATABASES[service]))) {
    const service = SERVICE_NAMES.find((name) => DATABASES[name] === database)!;
    const dataSource = await connect(stack.databaseUrl(service));
    const [{ exists }] = await dataSource.query(`SELECT to_regclass('audit_entry') IS NOT NULL AS exists`);
    if (exists) {
      const verification = await verifyAuditLog(dataSource);
      auditLogs.push(`${database} ${verification.length}`);
      if (!verification.valid)
        findings.push({ kind: 'wrong', what: `audit log of ${database} does not verify` });
    }
    await dataSource.destroy();
  }

  return {
    findings,
    figures: {
      decisions: decisionIds.length,
      evidenceItems: rows.length,
      evidenceObjects: objects.size,
      recordChains: outcomes.length,
      auditLogs,
      reviewTasks: tasks.length,
    },
  };
}

/** What the statistics must show for the year: each driven case, decision, review and item counted once. */
function expectedFigures(outcomes: CaseOutcome[]): Record<string, number> {
  const decided = outcomes.filter((outcome) => !outcome.plan.refused);
  return {
    'cases.filed': decided.length,
    'cases.refused': outcomes.length - decided.length,
    'cases.decided': decided.length,
    'decisions.major': decided.filter((outcome) => outcome.plan.major).length,
    'review.approved': decided.filter((outcome) => outcome.plan.major).length,
    'penalty.fine-yuan': decided.reduce((sum, outcome) => sum + outcome.plan.fineYuan, 0),
    'evidence.items': decided.reduce((sum, outcome) => sum + outcome.evidence.length, 0),
  };
}

async function statisticsTotals(client: AgencyClient): Promise<Record<string, number>> {
  const year = chinaDateOf(Date.now()).slice(0, 4);
  const view = await client.ok<{ totals: Record<string, number> }>(
    'GET',
    `/api/v1/statistics?agency=BT01&year=${year}`,
  );
  return view.totals;
}

function checkCase(outcome: CaseOutcome, state: CaseState | null): Finding[] {
  const { plan } = outcome;
  const wrong = (what: string): Finding[] => [{ kind: 'wrong', what: `${plan.caseId}: ${what}` }];
  if (!state) return [{ kind: 'lost', what: `${plan.caseId} cannot be read` }];
  if (plan.refused) return state.status === 'refused' ? [] : wrong(`status ${state.status}, not refused`);
  const stage = plan.served ? 'served' : 'decided';
  if (state.stage !== stage) return wrong(`stage ${state.stage}, not ${stage}`);
  if (state.major !== plan.major) return wrong(`major is ${state.major}`);
  if (state.decision?.decisionId !== `${plan.caseId}-D1`)
    return wrong(`decision ${state.decision?.decisionId ?? 'missing'}`);
  if (state.reviewRounds.length !== (plan.major ? 1 : 0))
    return wrong(`${state.reviewRounds.length} review rounds`);
  const linked = state.evidence.map((item) => item.evidenceId).sort();
  const uploaded = outcome.evidence.map((item) => item.id).sort();
  if (linked.join() !== uploaded.join())
    return [
      {
        kind: linked.length > uploaded.length ? 'duplicated' : 'lost',
        what: `${plan.caseId}: evidence linked ${linked.join()} vs uploaded ${uploaded.join()}`,
      },
    ];
  return [];
}

function exactlyOnce(expected: string[], seen: string[], where: string): Finding[] {
  const counts = new Map<string, number>();
  for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
  return expected.flatMap((id): Finding[] => {
    const count = counts.get(id) ?? 0;
    if (count === 1) return [];
    return [{ kind: count === 0 ? 'lost' : 'duplicated', what: `${id} appears ${count} times ${where}` }];
  });
}

function oneEventId(
  decisionId: string,
  events: { key: string | null; id: string; data: Record<string, unknown> }[],
  what: string,
): Finding[] {
  const copies = events.filter((event) => event.data.decisionId === decisionId);
  if (copies.length === 0) return [{ kind: 'lost', what: `${decisionId}: no ${what} on Kafka` }];
  const ids = new Set(copies.map((event) => event.id));
  if (ids.size > 1)
    return [
      { kind: 'duplicated', what: `${decisionId}: ${what} under ${ids.size} event ids (${[...ids].join()})` },
    ];
  return [];
}

/** Every decision id the public search lists, page by page (a duplicate would show twice). */
async function publicDecisions(client: AgencyClient): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const { items, total } = await client.ok<{ items: { decisionId: string }[]; total: number }>(
      'GET',
      `/api/v1/public/decisions?agency=BT01&pageSize=100&page=${page}`,
    );
    ids.push(...items.map((item) => item.decisionId));
    if (page * 100 >= total) return ids;
  }
}

async function listObjects(s3: S3Client, bucket: string): Promise<Map<string, number>> {
  const objects = new Map<string, number>();
  for await (const object of s3.listObjectsV2(bucket, '', true) as AsyncIterable<{
    name?: string;
    size: number;
  }>)
    if (object.name) objects.set(object.name, object.size);
  return objects;
}

function connect(url: string): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url }).initialize();
}
