import { randomUUID } from 'node:crypto';
import { storeCaseAgency } from '@lep/case-store';
import {
  caseWorkflowId,
  type CloudEvent,
  EVALUATION_EVENT_TYPES,
  EVALUATION_ITEM_POINTS,
  EVALUATION_ITEMS,
  parseCloudEvent,
  TOPICS,
} from '@lep/contracts';
import { drawSample } from '@lep/hash-chain';
import { KafkaClient, OutboxRelay } from '@lep/nest-kit';
import { testPeers } from '@lep/testing';
import { useCaseApp } from './support/case-app';
import { caseState, seedStep } from './support/fixtures';

const caseApp = useCaseApp('case_api_evaluations');

// 兵团 → 第八师石河子市 → its market regulator, its transport bureau and its justice bureau; the 第一师 beside it.
const CORPS = 'EV-BT';
const DIVISION = 'EV-BT08';
const BUREAU = 'EV-BT08-SFJ';
const REGULATOR = 'EV-BT08-SJ';
const TRANSPORT = 'EV-BT08-JT';
const OTHER_DIVISION = 'EV-BT01';

const archived = (agency: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    caseWorkflowId(agency, `EV-${agency.slice(-2)}-${String(i).padStart(3, '0')}`),
  );
const REGULATOR_ARCHIVED = archived(REGULATOR, 8);
const TRANSPORT_ARCHIVED = archived(TRANSPORT, 4);

const draw = (body: Record<string, unknown>) =>
  caseApp()
    .staff({ sub: 'bureau-auditor-1', roles: ['auditor'], agency: BUREAU })
    .post('/api/v1/evaluation-draws')
    .send(body);
const bureau = () => caseApp().staff({ sub: 'bureau-auditor-1', roles: ['auditor'], agency: BUREAU });
const regulator = () => caseApp().staff({ sub: 'regulator-head', roles: ['leader'], agency: REGULATOR });

/** Full marks, less `cut` points off the evidence item, each item with its finding. */
const findings = (evidenceCut = 0) =>
  EVALUATION_ITEMS.map((item) => ({
    item,
    score: EVALUATION_ITEM_POINTS[item] - (item === 'evidence' ? evidenceCut : 0),
    finding: item === 'evidence' && evidenceCut > 0 ? '现场检查笔录未附照片，证据链不完整' : '符合要求',
  }));

const outboxEvents = async (type: string) =>
  (await caseApp().dataSource.query(
    `SELECT topic, message_key, event FROM outbox_event WHERE event->>'type' = $1 ORDER BY seq`,
    [type],
  )) as { topic: string; message_key: string; event: { id: string; data: Record<string, unknown> } }[];

beforeAll(async () => {
  const { dataSource } = caseApp();
  for (const [code, parentCode, justiceBureau] of [
    [CORPS, null, false],
    [DIVISION, CORPS, false],
    [BUREAU, DIVISION, true],
    [REGULATOR, DIVISION, false],
    [TRANSPORT, DIVISION, false],
    [OTHER_DIVISION, CORPS, false],
  ] as const)
    await storeCaseAgency(dataSource, { code, parentCode, justiceBureau, removed: false });
  for (const caseId of [...REGULATOR_ARCHIVED, ...TRANSPORT_ARCHIVED]) {
    const [agency, number] = caseId.replace(/^case-/, '').split('.') as [string, string];
    await seedStep(dataSource, caseState(agency, number, { stage: 'archived', status: 'archived' }));
  }
  // Not in any pool: a case still open, and an archived case of an agency the bureau does not supervise.
  await seedStep(dataSource, caseState(REGULATOR, 'EV-OPEN-1', { stage: 'decided' }));
  await seedStep(
    dataSource,
    caseState(OTHER_DIVISION, 'EV-OTHER-1', { stage: 'archived', status: 'archived' }),
  );
});

describe('案卷评查 draws (domain.md R7a)', () => {
  let first: { drawId: string; seed: string; pool: string[]; caseIds: string[]; evaluations: unknown[] };

  it('draws archived cases of the supervised agencies only, and the draw replays from its seed', async () => {
    const response = await draw({
      requestId: 'eval-draw-0001',
      title: '2026年度行政处罚案卷评查',
      sampleSize: 5,
      agencyCodes: [REGULATOR],
    });
    expect(response.status).toBe(200);
    first = response.body;
    expect(response.body).toMatchObject({
      bureauCode: BUREAU,
      agencyCodes: [REGULATOR],
      sampleSize: 5,
      pool: [...REGULATOR_ARCHIVED].sort(),
      drawnBy: 'bureau-auditor-1',
    });
    expect(response.body.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(response.body.caseIds).toHaveLength(5);
    // Anyone holding the published seed and pool draws the same cases, in the same order.
    expect(drawSample(response.body.seed, response.body.pool, 5)).toEqual(response.body.caseIds);
    expect(response.body.evaluations.map((e: { caseId: string }) => e.caseId)).toEqual(response.body.caseIds);
    expect(response.body.evaluations.every((e: { state: string }) => e.state === 'drawn')).toBe(true);

    const verification = await bureau().get(`/api/v1/evaluation-draws/${first.drawId}/verification`);
    expect(verification.body).toEqual({ poolHashMatches: true, reproduced: true, caseIds: first.caseIds });
  });

  it('answers a retried request with the same draw, and refuses its request id for another draw', async () => {
    const again = await draw({
      requestId: 'eval-draw-0001',
      title: '2026年度行政处罚案卷评查',
      sampleSize: 5,
      agencyCodes: [REGULATOR],
    });
    expect(again.status).toBe(200);
    expect({ drawId: again.body.drawId, caseIds: again.body.caseIds }).toEqual({
      drawId: first.drawId,
      caseIds: first.caseIds,
    });
    const other = await draw({ requestId: 'eval-draw-0001', title: '另一次评查', sampleSize: 1 });
    expect({ status: other.status, code: other.body.code }).toEqual({
      status: 409,
      code: 'REQUEST_ID_REUSED',
    });
  });

  it('leaves out the cases the bureau already drew, and says when too few remain', async () => {
    const rest = await draw({ requestId: 'eval-draw-0002', title: '第二批评查', sampleSize: 7 });
    expect(rest.status).toBe(200);
    const remaining = [...REGULATOR_ARCHIVED, ...TRANSPORT_ARCHIVED].filter(
      (id) => !first.caseIds.includes(id),
    );
    expect(rest.body.pool).toEqual(remaining.sort());
    expect([...rest.body.caseIds].sort()).toEqual(remaining.sort());
    // Every agency it supervises (domain.md L9): the division's own government too.
    expect(rest.body.agencyCodes).toEqual([DIVISION, REGULATOR, TRANSPORT].sort());

    const none = await draw({ requestId: 'eval-draw-0003', title: '第三批评查', sampleSize: 1 });
    expect(none.status).toBe(422);
    expect(none.body).toMatchObject({
      code: 'EVALUATION_POOL_TOO_SMALL',
      violations: [expect.objectContaining({ field: 'sampleSize' })],
    });
    expect(none.body.message).toMatch(/仅 0 件/);
  });

  it('refuses bad input and callers that are not a justice bureau, with a code and the field', async () => {
    const zero = await draw({ requestId: 'eval-draw-0004', title: '评查', sampleSize: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.violations).toEqual([expect.objectContaining({ field: 'sampleSize' })]);

    const outside = await draw({
      requestId: 'eval-draw-0005',
      title: '评查',
      sampleSize: 1,
      agencyCodes: [OTHER_DIVISION],
    });
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({
      code: 'EVALUATION_AGENCY_NOT_SUPERVISED',
      violations: [expect.objectContaining({ field: 'agencyCodes' })],
    });

    const window = await draw({
      requestId: 'eval-draw-0006',
      title: '评查',
      sampleSize: 1,
      filedFrom: '2026-10-10',
      filedTo: '2026-10-01',
    });
    expect(window.status).toBe(400);
    expect(window.body.violations).toEqual([expect.objectContaining({ field: 'filedTo' })]);

    const notBureau = await caseApp()
      .staff({ roles: ['leader'], agency: DIVISION })
      .post('/api/v1/evaluation-draws')
      .send({ requestId: 'eval-draw-0007', title: '评查', sampleSize: 1 });
    expect({ status: notBureau.status, code: notBureau.body.code }).toEqual({
      status: 403,
      code: 'EVALUATION_NOT_JUSTICE_BUREAU',
    });
    const handler = await caseApp()
      .staff({ roles: ['handler'], agency: BUREAU })
      .post('/api/v1/evaluation-draws')
      .send({ requestId: 'eval-draw-0008', title: '评查', sampleSize: 1 });
    expect(handler.status).toBe(403);

    // The bureau lists its draws, newest first; the regulator sees none of them and cannot read one.
    const draws = await bureau().get('/api/v1/evaluation-draws');
    expect(draws.body.items.map((d: { title: string; drawn: number }) => [d.title, d.drawn])).toEqual([
      ['第二批评查', 7],
      ['2026年度行政处罚案卷评查', 5],
    ]);
    expect((await regulator().get('/api/v1/evaluation-draws')).body).toMatchObject({ total: 0, items: [] });
    expect((await regulator().get(`/api/v1/evaluation-draws/${first.drawId}`)).status).toBe(404);
  });
});

describe('scoring, returning the findings, and the agency’s answer (domain.md R7a)', () => {
  let evaluationId: string;

  beforeAll(async () => {
    const list = await bureau().get('/api/v1/evaluations').query({ agency: REGULATOR, state: 'drawn' });
    evaluationId = list.body.items[0].evaluationId;
  });

  it('keeps a drawn case from its agency until the findings are returned', async () => {
    expect((await regulator().get(`/api/v1/evaluations/${evaluationId}`)).status).toBe(404);
    expect((await regulator().get('/api/v1/evaluations')).body.total).toBe(0);
  });

  it('refuses a checklist with a score above an item’s points, naming the field, and changes nothing', async () => {
    const items = findings();
    items[0] = { ...items[0]!, score: 11 };
    const response = await bureau().put(`/api/v1/evaluations/${evaluationId}/findings`).send({ items });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      violations: [expect.objectContaining({ field: 'items.0.score', rule: 'maxPoints' })],
    });
    const short = await bureau()
      .put(`/api/v1/evaluations/${evaluationId}/findings`)
      .send({ items: findings().slice(1) });
    expect(short.status).toBe(400);
    expect((await bureau().get(`/api/v1/evaluations/${evaluationId}`)).body.state).toBe('drawn');
  });

  it('scores the eight items, returns the findings to the agency and announces them once', async () => {
    const response = await bureau()
      .put(`/api/v1/evaluations/${evaluationId}/findings`)
      .send({ items: findings(12) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      state: 'returned',
      total: 88,
      grade: 'pass',
      gradeName: '合格',
      scoredBy: 'bureau-auditor-1',
    });
    expect(response.body.items).toHaveLength(8);
    expect(response.body.items[2]).toEqual({
      item: 'evidence',
      name: '证据收集',
      score: 8,
      points: 20,
      finding: '现场检查笔录未附照片，证据链不完整',
    });

    // The same findings again answer the same; different ones are refused.
    const again = await bureau()
      .put(`/api/v1/evaluations/${evaluationId}/findings`)
      .send({ items: findings(12) });
    expect(again.status).toBe(200);
    const changed = await bureau()
      .put(`/api/v1/evaluations/${evaluationId}/findings`)
      .send({ items: findings(0) });
    expect({ status: changed.status, code: changed.body.code }).toEqual({
      status: 409,
      code: 'EVALUATION_ALREADY_RETURNED',
    });

    const events = await outboxEvents(EVALUATION_EVENT_TYPES.findingsReturned);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      topic: TOPICS.caseEvaluation.name,
      message_key: evaluationId,
      event: {
        id: `${evaluationId}:findings-returned`,
        source: '/lep/case',
        data: {
          evaluationId,
          bureauCode: BUREAU,
          agencyCode: REGULATOR,
          total: 88,
          grade: 'pass',
          problemItems: ['evidence'],
        },
      },
    });
  });

  it('shows the agency its findings, and only the bureau scores', async () => {
    const list = await regulator().get('/api/v1/evaluations');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      evaluationId,
      agencyCode: REGULATOR,
      total: 88,
      state: 'returned',
    });
    const byAgency = await regulator()
      .put(`/api/v1/evaluations/${evaluationId}/findings`)
      .send({ items: findings() });
    expect(byAgency.status).toBe(403);
  });

  it('takes the agency’s answer once, announces it, and every change is in the audit log', async () => {
    const byBureau = await caseApp()
      .staff({ roles: ['leader'], agency: BUREAU })
      .post(`/api/v1/evaluations/${evaluationId}/answer`)
      .send({ answer: '已补充照片', rectified: true });
    expect({ status: byBureau.status, code: byBureau.body.code }).toEqual({
      status: 403,
      code: 'EVALUATION_FORBIDDEN',
    });
    const empty = await regulator()
      .post(`/api/v1/evaluations/${evaluationId}/answer`)
      .send({ answer: '', rectified: true });
    expect(empty.status).toBe(400);
    expect(empty.body.violations).toEqual([expect.objectContaining({ field: 'answer' })]);

    const answer = { answer: '已补充现场检查照片并重新装订案卷', rectified: true };
    const response = await regulator().post(`/api/v1/evaluations/${evaluationId}/answer`).send(answer);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ state: 'answered', ...answer, answeredBy: 'regulator-head' });
    expect((await regulator().post(`/api/v1/evaluations/${evaluationId}/answer`).send(answer)).status).toBe(
      200,
    );
    const other = await regulator()
      .post(`/api/v1/evaluations/${evaluationId}/answer`)
      .send({ answer: '另行说明', rectified: false });
    expect(other.body.code).toBe('EVALUATION_ALREADY_ANSWERED');

    const events = await outboxEvents(EVALUATION_EVENT_TYPES.answered);
    expect(events.map((e) => e.event.data)).toEqual([
      expect.objectContaining({ evaluationId, agencyCode: REGULATOR, bureauCode: BUREAU, rectified: true }),
    ]);

    const audited: { path: string; outcome: string }[] = (
      await caseApp().dataSource.query(
        `SELECT content->>'path' AS path, content->>'outcome' AS outcome FROM audit_entry
          WHERE content->>'path' LIKE '/api/v1/evaluation%' ORDER BY sequence`,
      )
    ).filter((row: { outcome: string }) => row.outcome === 'applied');
    expect(audited.map((row) => row.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/evaluation-draws',
        `/api/v1/evaluations/${evaluationId}/findings`,
        `/api/v1/evaluations/${evaluationId}/answer`,
      ]),
    );
  });

  it('reaches lep.case.evaluation.v1 through the relay that serves lep_cases (the worker’s), in order', async () => {
    const kafka = new KafkaClient({
      clientId: 'case-api-evaluation-test',
      brokers: testPeers().kafkaBrokers,
    });
    const relay = new OutboxRelay(caseApp().dataSource, kafka);
    const consumer = kafka.consumer(`evaluation-reader-${randomUUID()}`);
    const seen: CloudEvent[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.caseEvaluation.name, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = parseCloudEvent(message.value);
        if (event.subject === `case-evaluation/${evaluationId}`) seen.push(event);
      },
    });
    relay.onApplicationBootstrap();
    try {
      // No timed assertion: wait as long as a loaded machine needs, for both events.
      for (let waited = 0; seen.length < 2 && waited < 120_000; waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen.map((event) => event.id)).toEqual([
        `${evaluationId}:findings-returned`,
        `${evaluationId}:answered`,
      ]);
    } finally {
      await relay.beforeApplicationShutdown();
      await consumer.disconnect();
      await kafka.onApplicationShutdown();
    }
  }, 180_000);
});
