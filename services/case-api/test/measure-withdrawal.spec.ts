import type { CaseState } from '@lep/contracts';
import { useCaseApp, type Staff } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { chinaToday } from './support/fixtures';
import { freezeMeasure } from '@lep/testing';

/**
 * 撤销 of a 行政强制 decision taken inside a case, by its own decision id (domain.md P13a): while the case is open
 * and after it is archived, once, on the case's record, its decision.withdrawn sent to publication, the case's
 * own decision untouched.
 */
const caseApp = useCaseApp('case_api_measure_withdrawal');
const AGENCY = 'BT01';
const { handler, head, newCase, caseState, investigating, draftBody, request, archived } =
  useCaseWorker(caseApp);

const SOURCE = { kind: 'reconsideration', documentNumber: '兵司复决〔2026〕31号', decidedOn: chinaToday() };
const WITHDRAWN_TYPE = 'cn.lep.case.decision.withdrawn.v1';

/** A 冻结 (not under full-process AV, R4, so no recording is needed to take it). */
function freezing(documentNumber: string) {
  return {
    requestId: request(),
    ...freezeMeasure({ documentNumber, decidedOn: chinaToday(), amount: '5万' }),
  };
}

function revocation(overrides: Record<string, unknown> = {}) {
  return {
    requestId: request(),
    kind: 'revoked',
    reason: '复议机关认定冻结措施违法，予以撤销',
    source: SOURCE,
    ...overrides,
  };
}

async function measureTaken(caseNumber: string): Promise<{ caseId: string; decisionId: string }> {
  const caseId: string = (await caseApp().staff(handler).post('/api/v1/cases').send(newCase(caseNumber))).body
    .caseId;
  await investigating(caseId);
  const taken = await caseApp()
    .staff(head)
    .post(`/api/v1/cases/${caseId}/coercion-measures`)
    .send(freezing(`阿市监强〔2026〕${caseNumber}号`));
  expect(taken.status).toBe(200);
  return { caseId, decisionId: taken.body.state.coercionMeasures[0].decisionId };
}

async function withdrawals(decisionId: string): Promise<Record<string, unknown>[]> {
  const rows: { event: { type: string; data: Record<string, unknown> } }[] = await caseApp().dataSource.query(
    `SELECT event FROM outbox_event WHERE message_key = $1 ORDER BY created_at`,
    [decisionId],
  );
  return rows.filter((row) => row.event.type === WITHDRAWN_TYPE).map((row) => row.event.data);
}

const entriesOf = async (caseId: string): Promise<{ content: Record<string, unknown> }[]> =>
  (await caseApp().staff(head).get(`/api/v1/cases/${caseId}/record`)).body.entries;

describe('撤销 of a 行政强制 decision inside a case (domain.md P13a)', () => {
  it('while the case is investigated: the head withdraws it by its id, once; the case goes on', async () => {
    const { caseId, decisionId } = await measureTaken('MW-OPEN');
    const route = `/api/v1/cases/${caseId}/coercion-measures/${decisionId}/revocation`;
    const entriesBefore = (await entriesOf(caseId)).length;

    const refused = async (staff: Staff, path: string, body: object) => {
      const answer = await caseApp().staff(staff).post(path).send(body);
      return { status: answer.status, code: answer.body.code };
    };
    // 撤销 is the head's act (ACL art. 18, R8b); a decision id the case never made is not found.
    expect(await refused(handler, route, revocation())).toMatchObject({ status: 403 });
    expect(
      await refused(head, `/api/v1/cases/${caseId}/coercion-measures/${caseId}-D9/revocation`, revocation()),
    ).toMatchObject({ status: 404, code: 'COERCION_MEASURE_NOT_FOUND' });
    expect(await refused(head, route, revocation({ source: undefined }))).toMatchObject({ status: 400 });
    expect(await entriesOf(caseId)).toHaveLength(entriesBefore);

    const body = revocation();
    const withdrawn = await caseApp().staff(head).post(route).send(body);
    expect(withdrawn.status).toBe(200);
    const state: CaseState = withdrawn.body.state;
    expect(state.stage).toBe('investigating');
    expect(state.withdrawal).toBeUndefined();
    expect(state.coercionMeasures?.[0]).toMatchObject({
      decisionId,
      withdrawal: { kind: 'revoked', reason: body.reason, source: SOURCE },
    });
    // The same request again is the same withdrawal; another is refused: a decision is withdrawn once.
    const again = await caseApp().staff(head).post(route).send(body);
    expect(again.body.state.coercionMeasures).toEqual(state.coercionMeasures);
    expect(await refused(head, route, revocation({ kind: 'confirmed-illegal' }))).toMatchObject({
      status: 409,
      code: 'DECISION_ALREADY_WITHDRAWN',
    });

    const record = (await caseApp().staff(head).get(`/api/v1/cases/${caseId}/record`)).body;
    expect(record.verification).toMatchObject({ valid: true });
    expect(record.entries).toHaveLength(entriesBefore + 1);
    expect(record.entries.at(-1).content).toMatchObject({
      action: 'withdrawn:revoked',
      title: '冻结存款、汇款决定撤销（阿市监强〔2026〕MW-OPEN号）',
      actor: expect.objectContaining({ id: head.sub }),
      details: { decisionId, coercionKind: 'freeze', source: SOURCE },
    });
    expect(await withdrawals(decisionId)).toEqual([
      expect.objectContaining({ decisionId, caseId, kind: 'revoked', source: SOURCE }),
    ]);

    // A measure revoked (not sent back to be re-made) is replaced by nothing.
    const replacing = await caseApp()
      .staff(head)
      .post(`/api/v1/cases/${caseId}/coercion-measures`)
      .send({ ...freezing('阿市监强〔2026〕MW-OPEN-2号'), replacesDecisionId: decisionId });
    expect({ status: replacing.status, code: replacing.body.code }).toEqual({
      status: 409,
      code: 'CASE_WRONG_STAGE',
    });

    // The case itself goes on: a penalty drafted and decided after the measure was lifted is its own decision.
    const drafted = await caseApp()
      .staff(handler)
      .post(`/api/v1/cases/${caseId}/draft-decision`)
      .send(draftBody(5_000));
    expect(drafted.status).toBe(200);
    expect((await caseState(caseId)).coercionMeasures).toEqual(state.coercionMeasures);
  });

  it('after the case is archived: withdrawn by its own workflow, on the same chain, once; the case decision stays', async () => {
    const { caseId, decisionId } = await measureTaken('MW-ARCHIVED');
    const cases = `/api/v1/cases/${caseId}`;
    await caseApp().staff(handler).post(`${cases}/draft-decision`).send(draftBody(5_000));
    await caseApp()
      .staff(handler)
      .post(`${cases}/notice`)
      .send({ requestId: request(), hearingRights: false });
    const current = await caseState(caseId);
    const decided = await caseApp()
      .staff(head)
      .post(`${cases}/decision`)
      .send({ requestId: request(), draftHash: current.draft?.hash, decidedOn: chinaToday() });
    expect(decided.status).toBe(200);
    const caseDecisionId: string = decided.body.state.decision.decisionId;
    expect(await archived(caseId)).toMatchObject({ status: 'archived' });
    const entriesBefore = (await entriesOf(caseId)).length;

    const route = `${cases}/coercion-measures/${decisionId}/revocation`;
    const refused = async (staff: Staff, path: string, body: object) => {
      const answer = await caseApp().staff(staff).post(path).send(body);
      return { status: answer.status, code: answer.body.code };
    };
    expect(await refused(handler, route, revocation())).toMatchObject({ status: 403 });
    // The case's own decision is no measure: it is withdrawn by …/revocation, not here.
    expect(
      await refused(head, `${cases}/coercion-measures/${caseDecisionId}/revocation`, revocation()),
    ).toMatchObject({ status: 404, code: 'COERCION_MEASURE_NOT_FOUND' });
    const unregistered: Staff = { sub: 'head-unregistered', roles: ['leader'], agency: AGENCY };
    expect(await refused(unregistered, route, revocation())).toMatchObject({
      status: 403,
      code: 'OFFICER_NOT_REGISTERED',
    });
    expect(await entriesOf(caseId)).toHaveLength(entriesBefore);

    const body = revocation({ kind: 'confirmed-illegal' });
    const withdrawn = await caseApp().staff(head).post(route).send(body);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toMatchObject({
      status: 'archived',
      decision: { decisionId: caseDecisionId },
      coercionMeasures: [
        expect.objectContaining({
          decisionId,
          withdrawal: expect.objectContaining({ kind: 'confirmed-illegal' }),
        }),
      ],
    });
    expect(withdrawn.body.state.withdrawal).toBeUndefined();
    const again = await caseApp().staff(head).post(route).send(body);
    expect(again.body.state.coercionMeasures).toEqual(withdrawn.body.state.coercionMeasures);
    expect(await refused(head, route, revocation())).toMatchObject({
      status: 409,
      code: 'DECISION_ALREADY_WITHDRAWN',
    });
    // The index keeps the measure withdrawn: the case as read answers it.
    expect((await caseApp().staff(head).get(cases)).body.state.coercionMeasures).toEqual(
      withdrawn.body.state.coercionMeasures,
    );

    const record = (await caseApp().staff(head).get(`${cases}/record`)).body;
    expect(record.verification).toMatchObject({ valid: true });
    expect(record.entries).toHaveLength(entriesBefore + 1);
    expect(record.entries.at(-1).content).toMatchObject({
      action: 'withdrawn:confirmed-illegal',
      title: '冻结存款、汇款决定确认违法（阿市监强〔2026〕MW-ARCHIVED号）',
      details: { decisionId, coercionKind: 'freeze', source: SOURCE, withdrawBy: expect.any(String) },
    });
    expect(await withdrawals(decisionId)).toEqual([
      expect.objectContaining({ decisionId, caseId, kind: 'confirmed-illegal', source: SOURCE }),
    ]);
    expect(await withdrawals(caseDecisionId)).toEqual([]);
  });

  it('a measure sent back to be re-made (重新作出) is re-made once, the new one naming what it replaces', async () => {
    const { caseId, decisionId } = await measureTaken('MW-REMADE');
    const measures = `/api/v1/cases/${caseId}/coercion-measures`;
    const withdrawn = await caseApp()
      .staff(head)
      .post(`${measures}/${decisionId}/revocation`)
      .send(revocation({ kind: 'remade', reason: '复议机关责令重新作出冻结决定' }));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state.stage).toBe('investigating');

    const remade = await caseApp()
      .staff(head)
      .post(measures)
      .send({ ...freezing('阿市监强〔2026〕MW-REMADE-2号'), replacesDecisionId: decisionId });
    expect(remade.status).toBe(200);
    const newId = `${caseId}-D2`;
    expect(remade.body.state.coercionMeasures[1]).toMatchObject({
      decisionId: newId,
      replacesDecisionId: decisionId,
    });
    const made: { event: { data: Record<string, unknown> } }[] = await caseApp().dataSource.query(
      `SELECT event FROM outbox_event WHERE message_key = $1 AND event->>'type' = 'cn.lep.case.decision.made.v1'`,
      [newId],
    );
    expect(made.map((row) => row.event.data)).toEqual([
      expect.objectContaining({ decisionId: newId, category: 'coercion', replacesDecisionId: decisionId }),
    ]);
    // Re-made once: another measure naming it is refused, and so is one naming no measure of the case.
    for (const [replaces, code] of [
      [decisionId, 'CASE_WRONG_STAGE'],
      [`${caseId}-D9`, 'COERCION_MEASURE_NOT_FOUND'],
    ] as const) {
      const again = await caseApp()
        .staff(head)
        .post(measures)
        .send({ ...freezing('阿市监强〔2026〕MW-REMADE-3号'), replacesDecisionId: replaces });
      expect(again.body.code).toBe(code);
    }
    expect((await caseState(caseId)).coercionMeasures).toHaveLength(2);
  });
});
