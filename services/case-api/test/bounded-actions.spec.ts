import { useCaseApp } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { eventually } from './support/case-worker';

// Actions wait 2 s here (production: CASE_ACTION_WAIT_SECONDS, 5 s by default).
const caseApp = useCaseApp('case_api_bounded', { actionWaitSeconds: 2 });
const AGENCY = 'BT01';
const { worker, handler, newCase, investigating, draftBody } = useCaseWorker(caseApp);

describe('an action the case cannot finish in time', () => {
  it('answers 202 with where to ask and what the case waits on, then the outcome once it finishes', async () => {
    const started = await caseApp()
      .system(AGENCY)
      .post('/api/v1/cases')
      .send(newCase('BOUNDED-1'))
      .expect(201);
    const caseId: string = started.body.caseId;
    await investigating(caseId);
    const body = draftBody(800);
    const location = `/api/v1/cases/${encodeURIComponent(caseId)}/actions/${body.requestId}`;
    // The acting officers are checked against the registry before the draft is judged (domain.md R8): with the
    // registry down the workflow's activity retries, and the request must not be held open meanwhile.
    await worker().registry.pause();
    try {
      const running = await caseApp()
        .staff(handler)
        .post(`/api/v1/cases/${caseId}/draft-decision`)
        .send(body);
      expect(running.status).toBe(202);
      expect(running.headers.location).toBe(location);
      expect(running.body).toMatchObject({
        statusCode: 202,
        code: 'ACTION_STILL_RUNNING',
        requestId: body.requestId,
        location,
      });
      expect(running.body.waitingOn.join('；')).toMatch(
        /正在执行 checkActingOfficers（第 \d+ 次尝试，上次失败：.+）/,
      );
      expect(running.body.message).toContain('已受理，仍在办理中');
      await caseApp().staff(handler).get(location).expect(202);
      // The case itself says what it is stuck on, to whoever reads it.
      const stuck = await caseApp().staff(handler).get(`/api/v1/cases/${caseId}`).expect(200);
      expect(stuck.body.waitingOn.join('；')).toMatch(
        /正在执行 checkActingOfficers（第 \d+ 次尝试，上次失败：.+）/,
      );
    } finally {
      await worker().registry.resume();
    }
    const finished = await eventually(
      () => caseApp().staff(handler).get(location),
      (answer) => answer.status === 200,
      'the draft recorded once the registry is back',
    );
    expect(finished.body).toMatchObject({ caseId, source: 'workflow', state: { stage: 'drafting' } });
    const recovered = await caseApp().staff(handler).get(`/api/v1/cases/${caseId}`).expect(200);
    expect(recovered.body).not.toHaveProperty('waitingOn');
    // The same request again is answered, not applied twice.
    const again = await caseApp().staff(handler).post(`/api/v1/cases/${caseId}/draft-decision`).send(body);
    expect(again.status).toBe(200);
    expect(again.body.state.draft.version).toBe(1);
    const unknown = await caseApp()
      .staff(handler)
      .get(`/api/v1/cases/${encodeURIComponent(caseId)}/actions/req-never-sent-0001`)
      .expect(404);
    expect(unknown.body.code).toBe('ACTION_NOT_FOUND');
  });
});
