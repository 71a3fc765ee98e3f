import { readCaseRecord } from '@lep/case-store';
import {
  CASE_EVENT_TYPES,
  caseUpdates,
  caseIdParts,
  createCloudEvent,
  EVIDENCE_EVENT_SOURCE,
  EVIDENCE_EVENT_TYPES,
  TOPICS,
  type CaseActor,
  type EvidenceStoredData,
} from '@lep/contracts';
import { testPeers, uscc } from '@lep/testing';
import { Kafka, logLevel } from 'kafkajs';
import { AGENCY, HANDLER_ACTOR, startCaseHarness, type CaseHarness } from './support/case-harness';
import { act, draft, eventually } from './support/case-steps';
import type { ServiceProcess } from '@lep/testing';
import { startWorkerProcess } from './support/worker-process';

const EVIDENCE_ITEMS = 30;

let harness: CaseHarness;
let handler: CaseActor;
/** The agency head who decides, extends and revokes (not a handler of the case: domain.md R8b). */
let leader: CaseActor;
let worker: ServiceProcess | undefined;

beforeAll(async () => {
  // On the dev server, in real time: a worker killed outright leaves its cases on its sticky task queue, which a
  // Temporal server gives up after a few seconds (Temporal's Java test server can hold a query there for good).
  harness = await startCaseHarness({ externalWorker: true, server: 'dev-server' });
  handler = HANDLER_ACTOR(harness.people.handlers[0]);
  leader = { id: harness.people.deputyLeader, role: 'leader', agencyCode: AGENCY };
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await harness?.close();
});

async function entryCount(caseId: string): Promise<number> {
  const [row] = await harness.dataSource.query(
    `SELECT count(*)::int AS n FROM case_record_entry WHERE case_id = $1`,
    [caseId],
  );
  return row.n;
}

describe('the worker service killed mid-case', () => {
  // Starts the worker service twice and waits out the dead attempt's start-to-close timeout.
  it('continues the case after a restart with no step recorded twice and no event emitted twice', async () => {
    worker = await startWorkerProcess(harness);
    const handle = await harness.startCase();
    await eventually(
      () => harness.state(handle),
      (s) => s.stage === 'investigating',
      'filing',
    );

    for (let i = 0; i < EVIDENCE_ITEMS; i++)
      await handle.signal('evidenceStored', {
        evidenceId: `item-${i}`,
        sha256: i.toString(16).padStart(64, '0'),
        kind: i === 0 ? 'video' : 'photo',
        stage: 'investigating',
        capturedBy: handler.id,
        storedAt: new Date().toISOString(),
      });
    await eventually(
      () => entryCount(handle.workflowId),
      (n) => n >= 6,
      'some evidence linked',
    );
    await worker.kill();
    const linkedAtKill = await entryCount(handle.workflowId);
    expect(linkedAtKill).toBeLessThan(2 + EVIDENCE_ITEMS);

    worker = await startWorkerProcess(harness);
    // The attempt the dead worker had started is retried once its start-to-close timeout passes (10 s).
    const state = await eventually(
      () => harness.state(handle),
      (s) => s.evidence.length === EVIDENCE_ITEMS,
      'every item linked after the restart',
    );
    await act(handle, caseUpdates.draftDecision, draft(handler, 500));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    const decided = await act(handle, caseUpdates.decide, {
      actor: leader,
      draftHash: (await harness.state(handle)).draft?.hash,
    });
    expect(decided.stage).toBe('decided');
    expect(state.evidence.map((item) => item.evidenceId).sort()).toEqual(
      Array.from({ length: EVIDENCE_ITEMS }, (_, i) => `item-${i}`).sort(),
    );

    const record = await readCaseRecord(harness.dataSource, handle.workflowId);
    expect(record.verification.valid).toBe(true);
    const actions = record.entries.map((entry) => entry.content.action);
    expect(actions.filter((action) => action === 'evidence-linked')).toHaveLength(EVIDENCE_ITEMS);
    expect(actions.filter((action) => action === 'filed')).toHaveLength(1);
    expect(actions.filter((action) => action === 'stage:decided')).toHaveLength(1);
    const linkedIds = record.entries.flatMap((entry) =>
      entry.content.evidence.map((item) => item.evidenceId),
    );
    expect(new Set(linkedIds).size).toBe(linkedIds.length);

    const types: { type: string; n: number }[] = await harness.dataSource.query(
      `SELECT event->>'type' AS type, count(*)::int AS n FROM outbox_event WHERE event->>'subject' = $1 OR event->'data'->>'caseId' = $1 GROUP BY 1`,
      [handle.workflowId],
    );
    expect(Object.fromEntries(types.map((row) => [row.type, row.n]))).toMatchObject({
      [CASE_EVENT_TYPES.filed]: 1,
      [CASE_EVENT_TYPES.decisionMade]: 1,
    });
  }, 180_000);
});

describe('evidence stored by the evidence service', () => {
  it('is linked into the case record from Kafka, once even when the event arrives twice, and only by its agency', async () => {
    worker ??= await startWorkerProcess(harness);
    const handle = await harness.startCase();
    await eventually(
      () => harness.state(handle),
      (s) => s.stage === 'investigating',
      'filing',
    );
    const data: EvidenceStoredData = {
      evidenceId: 'kafka-video-1',
      caseId: handle.workflowId,
      agencyCode: caseIdParts(handle.workflowId)!.agencyCode,
      stage: 'investigating',
      kind: 'video',
      sha256: 'c0ffee'.padEnd(64, '0'),
      size: 1024,
      confidentiality: 'trade-secret',
      storedAt: new Date().toISOString(),
      capturedBy: handler.id,
      capturedAt: '2026-12-01T09:00:00.000Z',
      recordingEndedAt: '2026-12-01T09:40:00.000Z',
    };
    const event = createCloudEvent({
      source: EVIDENCE_EVENT_SOURCE,
      type: EVIDENCE_EVENT_TYPES.stored,
      subject: data.evidenceId,
      data,
    });
    const producer = new Kafka({ brokers: testPeers().kafkaBrokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const message = { key: data.caseId, value: JSON.stringify(event) };
    // Another agency's item naming this case, ahead of the own one on the case's partition: never linked.
    const foreign = createCloudEvent({
      source: EVIDENCE_EVENT_SOURCE,
      type: EVIDENCE_EVENT_TYPES.stored,
      subject: 'kafka-foreign-1',
      data: { ...data, evidenceId: 'kafka-foreign-1', agencyCode: `${data.agencyCode}-X` },
    });
    await producer.send({
      topic: TOPICS.evidenceStored.name,
      messages: [{ key: data.caseId, value: JSON.stringify(foreign) }, message, message],
    });
    await producer.disconnect();

    const state = await eventually(
      () => harness.state(handle),
      (s) => s.evidence.length === 1,
      'the link',
    );
    expect(state.evidence[0]).toMatchObject({
      evidenceId: 'kafka-video-1',
      kind: 'video',
      sha256: data.sha256,
      size: 1024,
      confidentiality: 'trade-secret',
      // The span recorded, for the full-process check (domain.md R4).
      recordedFrom: '2026-12-01T09:00:00.000Z',
      recordedTo: '2026-12-01T09:40:00.000Z',
    });
    expect(state.missingAv).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const record = await readCaseRecord(harness.dataSource, handle.workflowId);
    const linked = record.entries.filter((entry) => entry.content.action === 'evidence-linked');
    expect(linked.map((entry) => entry.content.evidence)).toEqual([
      [{ evidenceId: 'kafka-video-1', sha256: data.sha256 }],
    ]);
    await harness.endCase(handle);
  });
});

describe('the agency tree the worker keeps for case-api (domain.md L9)', () => {
  it('copies each agency the registry announces into case_agency: its parent, whether a justice bureau', async () => {
    worker ??= await startWorkerProcess(harness);
    const suffix = Date.now().toString(36).toUpperCase();
    const root = `WT-${suffix}`;
    const bureau = `WT-${suffix}-SFT`;
    const agency = (code: string, name: string, serial: number, extra: object) =>
      harness.registry.call('POST', '/api/v1/agencies', {
        code,
        name,
        unifiedSocialCreditCode: uscc((Date.now() % 100_000_000) * 2 + serial),
        legalBasis: '《新疆生产建设兵团行政执法监督办法》',
        dutiesAndPowers: '行政执法监督',
        region: 'xinjiang',
        legalReviewBody: { name: '法制科', agencyCode: code },
        ...extra,
      });
    await agency(root, '新疆生产建设兵团', 0, { level: 'corps' });
    await agency(bureau, '兵团司法局', 1, {
      level: 'department',
      parentCode: root,
      justiceBureau: true,
    });

    const rows = await eventually(
      () =>
        harness.dataSource.query(
          `SELECT code, parent_code, justice_bureau, removed FROM case_agency WHERE code = ANY($1) ORDER BY code`,
          [[root, bureau]],
        ) as Promise<Array<Record<string, unknown>>>,
      (found) => found.length === 2,
      'both agencies in case_agency',
    );
    expect(rows).toEqual([
      { code: root, parent_code: null, justice_bureau: false, removed: false },
      { code: bureau, parent_code: root, justice_bureau: true, removed: false },
    ]);
  }, 120_000);
});
