import { CASE_LICENCE_ITEM, ordinaryFacts } from '@lep/testing';
import { caseSignals, type CaseState, type DecisionMadeData } from '@lep/contracts';
import { TemporalClient } from '@lep/nest-kit';
import { useCaseApp, type Staff } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { eventually } from './support/case-worker';
import { chinaToday } from './support/fixtures';

/**
 * Decision kinds beside the case's own penalty (domain.md P12, P13): a 不予行政处罚 with its ground, and a
 * 查封 taken inside a penalty case as a decision of its own, each sent to publication as its own decision.made.
 */
const caseApp = useCaseApp('case_api_kinds');
const AGENCY = 'BT01';
const { handler, head, newCase, caseState, investigating, draftBody, request } = useCaseWorker(caseApp);

const PARTY = { type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' };

const NO_PENALTY = {
  ground: 'first-offence',
  violationType: '未按规定明码标价',
  facts: '当事人张三初次未按规定明码标价，危害后果轻微，责令改正后当场改正。',
  legalBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
  reason: '当事人系初次违法，危害后果轻微并及时改正，依法不予行政处罚。',
};

function noPenaltyDraft(overrides: Record<string, unknown> = {}) {
  return {
    requestId: request(),
    documentNumber: '阿市监不罚〔2026〕3号',
    party: PARTY,
    noPenalty: NO_PENALTY,
    facts: ordinaryFacts('natural-person'),
    publicationBlocks: [],
    ...overrides,
  };
}

/** When the 查封 was carried out on site, an hour ago: its recordings must cover it (domain.md R4). */
const CARRIED_OUT = {
  from: new Date(Date.now() - 70 * 60_000).toISOString(),
  to: new Date(Date.now() - 10 * 60_000).toISOString(),
};

function sealing(overrides: Record<string, unknown> = {}) {
  return {
    carriedOut: CARRIED_OUT,
    requestId: request(),
    documentNumber: '阿市监强〔2026〕7号',
    party: PARTY,
    coercion: { kind: 'seal' },
    other: {
      title: '查封决定',
      content: '查封当事人仓库内不合格电热水壶20台，期限30日。',
      legalBasis: '《中华人民共和国产品质量法》第十八条；《中华人民共和国行政强制法》第二十二条',
    },
    decidedOn: chinaToday(),
    publicationBlocks: [],
    ...overrides,
  };
}

async function decisionEvents(caseId: string): Promise<DecisionMadeData[]> {
  const rows: { event: { data: DecisionMadeData } }[] = await caseApp().dataSource.query(
    `SELECT event FROM outbox_event WHERE event->>'type' = 'cn.lep.case.decision.made.v1'
       AND event->'data'->>'caseId' = $1 ORDER BY created_at`,
    [caseId],
  );
  return rows.map((row) => row.event.data);
}

/** Notice without hearing rights, then the head's decision on the current draft. */
async function noticeAndDecide(caseId: string): Promise<CaseState> {
  const cases = `/api/v1/cases/${caseId}`;
  await caseApp().staff(handler).post(`${cases}/notice`).send({ requestId: request(), hearingRights: false });
  const current = await caseState(caseId);
  const decided = await caseApp()
    .staff(head)
    .post(`${cases}/decision`)
    .send({ requestId: request(), draftHash: current.draft?.hash, decidedOn: chinaToday() });
  expect(decided.status).toBe(200);
  return decided.body.state;
}

describe('不予行政处罚 (domain.md P12)', () => {
  it('is drafted with its ground and decided as a decision of its own kind, sent to publication', async () => {
    const caseId: string = (
      await caseApp().staff(handler).post('/api/v1/cases').send(newCase('KINDS-NO-PENALTY'))
    ).body.caseId;
    await investigating(caseId);
    const cases = `/api/v1/cases/${caseId}`;

    const refused = async (body: object) => {
      const answer = await caseApp().staff(handler).post(`${cases}/draft-decision`).send(body);
      return { status: answer.status, code: answer.body.code, violations: answer.body.violations };
    };
    expect(await refused(noPenaltyDraft({ noPenalty: { ...NO_PENALTY, ground: 'sympathy' } }))).toMatchObject(
      {
        status: 400,
        violations: [expect.objectContaining({ field: 'noPenalty.ground' })],
      },
    );
    expect(await refused(noPenaltyDraft({ noPenalty: { ...NO_PENALTY, reason: '' } }))).toMatchObject({
      status: 400,
      violations: [expect.objectContaining({ field: 'noPenalty.reason' })],
    });
    // A draft decides one kind: not a penalty and a 不予处罚 at once.
    expect(await refused(noPenaltyDraft({ penalty: draftBody(5_000).penalty }))).toMatchObject({
      status: 400,
      violations: [expect.objectContaining({ field: 'noPenalty', rule: 'exactlyOneDecisionKind' })],
    });
    expect((await caseState(caseId)).draft).toBeUndefined();

    const drafted = await caseApp().staff(handler).post(`${cases}/draft-decision`).send(noPenaltyDraft());
    expect(drafted.status).toBe(200);
    expect(drafted.body.state).toMatchObject({ stage: 'drafting', major: false });

    const decided = await noticeAndDecide(caseId);
    const decisionId = decided.decision?.decisionId;
    const [made] = await eventually(
      () => decisionEvents(caseId),
      (events) => events.length === 1,
      'the decision.made event',
    );
    expect(made).toMatchObject({
      decisionId,
      category: 'penalty',
      documentNumber: '阿市监不罚〔2026〕3号',
      noPenalty: NO_PENALTY,
    });
    expect(made.penalty).toBeUndefined();
  });

  it('is refused outside a penalty case', async () => {
    const caseId: string = (
      await caseApp()
        .staff(handler)
        .post('/api/v1/cases')
        .send(newCase('KINDS-LICENCE', { itemCode: CASE_LICENCE_ITEM, title: '食品经营许可申请' }))
    ).body.caseId;
    await investigating(caseId);
    const answer = await caseApp()
      .staff(handler)
      .post(`/api/v1/cases/${caseId}/draft-decision`)
      .send(noPenaltyDraft());
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'DECISION_KIND_MISMATCH',
      message: expect.stringContaining('只有行政处罚案件'),
    });
  });
});

describe('行政强制 inside a penalty case (domain.md P13)', () => {
  it('a 查封 is its own decision with its own event; the penalty decided later is another', async () => {
    const caseId: string = (await caseApp().staff(handler).post('/api/v1/cases').send(newCase('KINDS-SEAL')))
      .body.caseId;
    await investigating(caseId);
    const measures = `/api/v1/cases/${caseId}/coercion-measures`;
    const entriesOf = async (): Promise<{ content: { action: string } }[]> =>
      (await caseApp().staff(head).get(`/api/v1/cases/${caseId}/record`)).body.entries;
    const recordOf = async () => (await entriesOf()).length;
    // The linked video shows in the state as soon as it is applied: the record is read once its step committed.
    const recordBefore = (
      await eventually(
        entriesOf,
        (entries) => entries.some((entry) => entry.content.action === 'evidence-linked'),
        'the evidence step',
      )
    ).length;

    const refused = async (staff: Staff, body: object) => {
      const answer = await caseApp().staff(staff).post(measures).send(body);
      return { status: answer.status, code: answer.body.code, violations: answer.body.violations };
    };
    // The head approves a coercive measure (行政强制法 art. 18): a handler cannot enter one.
    expect(await refused(handler, sealing())).toMatchObject({ status: 403 });
    expect(await refused(head, sealing({ coercion: { kind: 'arrest' } }))).toMatchObject({
      status: 400,
      violations: [expect.objectContaining({ field: 'coercion.kind' })],
    });
    expect(await refused(head, sealing({ decidedOn: '2099-01-01' }))).toMatchObject({
      status: 400,
      violations: [expect.objectContaining({ field: 'decidedOn' })],
    });
    // Enforcement (加处罚款) follows a decision: none is made yet.
    expect(await refused(head, sealing({ coercion: { kind: 'surcharge' } }))).toMatchObject({
      status: 409,
      code: 'CASE_WRONG_STAGE',
    });
    expect(await recordOf()).toBe(recordBefore);
    // 查封 is under full-process AV whatever the agency's list says: the times it was carried out, and recordings
    // covering them (the case's video so far has no recorded span).
    const { carriedOut: _times, ...untimed } = sealing();
    expect(await refused(head, untimed)).toMatchObject({ status: 409, code: 'AV_RECORD_MISSING' });
    const uncovered = await caseApp().staff(head).post(measures).send(sealing());
    expect(uncovered.status).toBe(409);
    expect(uncovered.body.message).toContain('未被覆盖');
    expect(await recordOf()).toBe(recordBefore);
    await caseApp()
      .app.get(TemporalClient)
      .client.workflow.getHandle(caseId)
      .signal(caseSignals.evidenceStored, {
        evidenceId: `seal-video-${caseId}`,
        sha256: 'cd'.repeat(32),
        kind: 'video',
        stage: 'investigating',
        capturedBy: handler.sub as string,
        storedAt: new Date().toISOString(),
        recordedFrom: new Date(Date.parse(CARRIED_OUT.from) - 60_000).toISOString(),
        recordedTo: new Date(Date.parse(CARRIED_OUT.to) + 60_000).toISOString(),
      });
    const linked = (
      await eventually(
        entriesOf,
        (entries) => entries.filter((entry) => entry.content.action === 'evidence-linked').length === 2,
        'the recording of the 查封 linked',
      )
    ).length;

    const body = sealing();
    const taken = await caseApp().staff(head).post(measures).send(body);
    expect(taken.status).toBe(200);
    const state: CaseState = taken.body.state;
    expect(state.stage).toBe('investigating');
    expect(state.decision).toBeUndefined();
    expect(state.coercionMeasures).toEqual([
      {
        decisionId: `${caseId}-D1`,
        documentNumber: '阿市监强〔2026〕7号',
        kind: 'seal',
        decidedOn: chinaToday(),
        decidedAt: expect.any(String),
        carriedOut: CARRIED_OUT,
      },
    ]);
    // The same request again is the same measure.
    const again = await caseApp().staff(head).post(measures).send(body);
    expect(again.body.state.coercionMeasures).toEqual(state.coercionMeasures);

    const record = (await caseApp().staff(head).get(`/api/v1/cases/${caseId}/record`)).body;
    expect(record.verification).toMatchObject({ valid: true });
    expect(record.entries).toHaveLength(linked + 1);
    expect(record.entries.at(-1).content).toMatchObject({
      action: 'coercion-measure',
      title: '查封场所、设施或者财物（阿市监强〔2026〕7号）',
      actor: expect.objectContaining({ id: head.sub }),
      details: {
        decisionId: `${caseId}-D1`,
        kind: 'seal',
        documentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        carriedOut: CARRIED_OUT,
      },
    });

    await caseApp().staff(handler).post(`/api/v1/cases/${caseId}/draft-decision`).send(draftBody(5_000));
    const decided = await noticeAndDecide(caseId);
    expect(decided.decision?.decisionId).toBe(`${caseId}-D2`);
    expect(decided.coercionMeasures).toHaveLength(1);

    const events = await eventually(
      () => decisionEvents(caseId),
      (found) => found.length === 2,
      'both decision.made events',
    );
    expect(events).toEqual([
      expect.objectContaining({
        decisionId: `${caseId}-D1`,
        caseId,
        category: 'coercion',
        documentNumber: '阿市监强〔2026〕7号',
        decidedOn: chinaToday(),
        coercion: { kind: 'seal' },
        other: body.other,
        party: PARTY,
        agencyCode: AGENCY,
      }),
      expect.objectContaining({ decisionId: `${caseId}-D2`, category: 'penalty' }),
    ]);
    expect(events[1]?.coercion).toBeUndefined();

    // Once decided, the case may be enforced (加处罚款), again a decision of its own.
    const surcharge = await caseApp()
      .staff(head)
      .post(measures)
      .send(
        sealing({
          documentNumber: '阿市监强〔2026〕8号',
          coercion: { kind: 'surcharge' },
          other: {
            title: '加处罚款决定',
            content: '当事人逾期不缴纳罚款，每日按罚款数额的百分之三加处罚款。',
            legalBasis: '《中华人民共和国行政处罚法》第七十二条',
          },
        }),
      );
    expect(surcharge.status).toBe(200);
    expect(surcharge.body.state.coercionMeasures.map((m: { decisionId: string }) => m.decisionId)).toEqual([
      `${caseId}-D1`,
      `${caseId}-D3`,
    ]);
  });
});
