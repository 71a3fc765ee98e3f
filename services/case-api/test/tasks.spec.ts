import { randomUUID } from 'node:crypto';
import { applyTaskClaim } from '@lep/case-store';
import { caseWorkflowId, reviewWorkflowId } from '@lep/contracts';
import { useCaseApp, type Staff } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { eventually } from './support/case-worker';
import { CHECKLIST_PASSED, HANDLERS, caseState, reviewTask, seedStep } from './support/fixtures';

const caseApp = useCaseApp('case_api_tasks');
const AGENCY = 'AG-TASK';
const REVIEW_BODY = 'RB-TASK';
const CASE_ID = caseWorkflowId(AGENCY, 'TASK-001');
const OPEN = `${CASE_ID}-review-open`;
const DONE = `${CASE_ID}-review-done`;
const COORDINATION = `${CASE_ID}-coordination-1`;

/** A reviewer as the registry registers her: her token's subject is her personnel id. */
const ALICE_ID = randomUUID();
const alice = { sub: ALICE_ID, roles: ['legal-reviewer' as const], agency: REVIEW_BODY };
/** A handler of the case who also serves as a legal reviewer of the review body. */
const handlerReviewer = { sub: HANDLERS[0], roles: ['legal-reviewer' as const], agency: REVIEW_BODY };
const outsider = { sub: 'reviewer-outside', roles: ['legal-reviewer' as const], agency: 'RB-ELSEWHERE' };
const head = { sub: 'head-task', roles: ['leader' as const], agency: REVIEW_BODY };
const agencyHead = { sub: 'head-agency', roles: ['leader' as const], agency: AGENCY };

const REVIEW = {
  requestId: 'req-task-complete-1',
  checklist: CHECKLIST_PASSED,
  opinion: '同意',
  outcome: 'approved',
};

beforeAll(async () => {
  const { dataSource } = caseApp();
  const state = caseState(AGENCY, 'TASK-001', { major: true, stage: 'legal-review' });
  await seedStep(dataSource, state, {
    openTasks: [
      reviewTask(state, REVIEW_BODY, OPEN),
      reviewTask(state, REVIEW_BODY, DONE),
      {
        taskId: COORDINATION,
        agencyCode: AGENCY,
        kind: 'coordination',
        round: 1,
        assigneeAgencyCode: AGENCY,
        assigneeRole: 'leader',
        dueAt: null,
        payload: { reason: '承办机构对审核意见有异议' },
      },
    ],
  });
  await seedStep(dataSource, state, { title: '法制审核意见', closeTasks: [{ taskId: DONE }] });
});

async function taskRow(taskId: string): Promise<{ state: string; claimed_by: string | null } | undefined> {
  const rows = await caseApp().dataSource.query(
    `SELECT state, claimed_by FROM case_task WHERE task_id = $1`,
    [taskId],
  );
  return rows[0];
}

function answer(response: { status: number; body: { code?: string } }) {
  return { status: response.status, code: response.body.code };
}

describe('the inbox', () => {
  it('filters by claimant, role, state and due date', async () => {
    // The claim as the review round's step writes it (the workflow decides claims; see the next block).
    await applyTaskClaim(caseApp().dataSource, { taskId: OPEN, claimedBy: ALICE_ID });
    const list = (staff: typeof alice | typeof agencyHead, query: string) =>
      caseApp()
        .staff(staff)
        .get(`/api/v1/tasks?${query}`)
        .then((response) => response.body.items.map((task: { taskId: string }) => task.taskId));
    expect(await list(alice, `assignee=${ALICE_ID}`)).toEqual([OPEN]);
    expect(await list(alice, 'state=completed')).toEqual([DONE]);
    expect(await list(alice, 'dueBefore=2026-10-20T00:00:00Z')).toEqual([]);
    expect(await list(alice, 'dueBefore=2026-10-21T00:00:00Z&state=claimed')).toEqual([OPEN]);
    // The coordination task goes to the handling agency's head; the review body does not see it.
    expect(await list(alice, 'role=leader')).toEqual([]);
    expect(await list(agencyHead, 'role=leader')).toEqual([COORDINATION]);
    await applyTaskClaim(caseApp().dataSource, { taskId: OPEN, claimedBy: null });
  });
});

describe('claiming and releasing a review task (the review round decides, its step writes the row)', () => {
  const { handler, newCase, investigating, draftBody, request } = useCaseWorker(caseApp);
  let round: string;
  let first: Staff;
  let second: Staff;

  beforeAll(async () => {
    const started = await caseApp().system('BT01').post('/api/v1/cases').send(newCase('TASK-CLAIM-1'));
    const caseId: string = started.body.caseId;
    await investigating(caseId);
    const cases = `/api/v1/cases/${caseId}`;
    await caseApp().staff(handler).post(`${cases}/draft-decision`).send(draftBody(50_000)).expect(200);
    await caseApp()
      .staff(handler)
      .post(`${cases}/notice`)
      .send({ requestId: request(), hearingRights: false });
    await caseApp()
      .staff(handler)
      .post(`${cases}/review-submission`)
      .send({ requestId: request() })
      .expect(200);
    round = reviewWorkflowId(caseId, 1);
    const task = await eventually(
      () => taskRow(round),
      (row) => row?.state === 'open',
      'the review task',
    );
    const body = (
      await caseApp().dataSource.query(`SELECT assignee_agency_code FROM case_task WHERE task_id = $1`, [
        round,
      ])
    )[0].assignee_agency_code as string;
    expect(task?.claimed_by).toBeNull();
    first = { sub: 'reviewer-first', roles: ['legal-reviewer'], agency: body };
    second = { sub: 'reviewer-second', roles: ['legal-reviewer'], agency: body };
  }, 120_000);

  it('a reviewer of the body claims an open task; claiming it again is a no-op; a colleague is refused', async () => {
    const claimed = await caseApp().staff(first).post(`/api/v1/tasks/${round}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ taskId: round, state: 'claimed', claimedBy: 'reviewer-first' });
    expect((await caseApp().staff(first).post(`/api/v1/tasks/${round}/claim`)).status).toBe(200);
    expect(answer(await caseApp().staff(second).post(`/api/v1/tasks/${round}/claim`))).toEqual({
      status: 409,
      code: 'TASK_CLAIMED_BY_OTHER',
    });
    expect(await taskRow(round)).toEqual({ state: 'claimed', claimed_by: 'reviewer-first' });
  });

  it('a colleague cannot complete or release the claimed task; nothing changes', async () => {
    const completion = { ...REVIEW, requestId: 'req-task-claim-complete' };
    expect(
      answer(await caseApp().staff(second).post(`/api/v1/tasks/${round}/complete`).send(completion)),
    ).toEqual({
      status: 409,
      code: 'TASK_CLAIMED_BY_OTHER',
    });
    expect(answer(await caseApp().staff(second).post(`/api/v1/tasks/${round}/release`))).toEqual({
      status: 409,
      code: 'TASK_NOT_CLAIMED_BY_YOU',
    });
    expect(await taskRow(round)).toEqual({ state: 'claimed', claimed_by: 'reviewer-first' });
  });

  it('the claimant releases it back to the inbox, and a colleague may then claim it', async () => {
    const released = await caseApp().staff(first).post(`/api/v1/tasks/${round}/release`);
    expect(released.body).toMatchObject({ state: 'open', claimedBy: null });
    expect((await caseApp().staff(second).post(`/api/v1/tasks/${round}/claim`)).body).toMatchObject({
      claimedBy: 'reviewer-second',
    });
  });

  it('a platform admin may release a stuck claim but not claim or complete a review', async () => {
    expect((await caseApp().staff().post(`/api/v1/tasks/${round}/release`)).body).toMatchObject({
      state: 'open',
      claimedBy: null,
    });
    expect(answer(await caseApp().staff().post(`/api/v1/tasks/${round}/claim`))).toEqual({
      status: 403,
      code: 'TASK_FORBIDDEN',
    });
    expect(answer(await caseApp().staff().post(`/api/v1/tasks/${round}/complete`).send(REVIEW))).toEqual({
      status: 403,
      code: 'TASK_FORBIDDEN',
    });
  });
});

describe('who may complete a review task', () => {
  it('not a handler of the case, even one who is a reviewer of the body', async () => {
    expect(answer(await caseApp().staff(handlerReviewer).post(`/api/v1/tasks/${OPEN}/claim`))).toEqual({
      status: 403,
      code: 'REVIEWER_IS_HANDLER',
    });
    expect(
      answer(await caseApp().staff(handlerReviewer).post(`/api/v1/tasks/${OPEN}/complete`).send(REVIEW)),
    ).toEqual({
      status: 403,
      code: 'REVIEWER_IS_HANDLER',
    });
    expect(await taskRow(OPEN)).toEqual({ state: 'open', claimed_by: null });
  });

  it('not a reviewer of another body, and not the head of the review body', async () => {
    for (const staff of [outsider, head])
      expect(
        answer(await caseApp().staff(staff).post(`/api/v1/tasks/${OPEN}/complete`).send(REVIEW)),
      ).toEqual({
        status: 403,
        code: 'TASK_FORBIDDEN',
      });
  });

  it('a handler or agency system of the case cannot complete its review at all', async () => {
    const handler = await caseApp()
      .staff({ roles: ['handler'], agency: AGENCY })
      .post(`/api/v1/tasks/${OPEN}/complete`)
      .send(REVIEW);
    expect(answer(handler)).toEqual({ status: 403, code: 'ROLE_FORBIDDEN' });
    const system = await caseApp().system(AGENCY).post(`/api/v1/tasks/${OPEN}/complete`).send(REVIEW);
    expect(answer(system)).toEqual({ status: 403, code: 'ROLE_FORBIDDEN' });
  });

  it('a task already completed answers 409 and stays as the workflow left it', async () => {
    const response = await caseApp().staff(alice).post(`/api/v1/tasks/${DONE}/complete`).send(REVIEW);
    expect(answer(response)).toEqual({ status: 409, code: 'TASK_NOT_OPEN' });
    expect(response.body.message).toMatch(/已完成/);
    expect(answer(await caseApp().staff(alice).post(`/api/v1/tasks/${DONE}/claim`))).toEqual({
      status: 409,
      code: 'TASK_NOT_OPEN',
    });
    expect(await taskRow(DONE)).toEqual({ state: 'completed', claimed_by: null });
  });
});

describe('coordination tasks and extensions', () => {
  it('a coordination task goes to the head of the handling agency, and needs a ruling', async () => {
    const ruling = { requestId: 'req-task-ruling-1', ruling: 'uphold', reason: '维持审核意见' };
    expect(
      answer(await caseApp().staff(head).post(`/api/v1/tasks/${COORDINATION}/complete`).send(ruling)),
    ).toEqual({
      status: 403,
      code: 'TASK_FORBIDDEN',
    });
    const missing = await caseApp()
      .staff(agencyHead)
      .post(`/api/v1/tasks/${COORDINATION}/complete`)
      .send({ requestId: 'req-task-ruling-2', reason: '……' });
    expect(missing.body.violations).toEqual([
      expect.objectContaining({ field: 'ruling', rule: 'isDefined' }),
    ]);
    const foreign = await caseApp()
      .staff(agencyHead)
      .post(`/api/v1/tasks/${COORDINATION}/complete`)
      .send({ ...ruling, outcome: 'approved' });
    expect(foreign.body.violations).toEqual([
      expect.objectContaining({ field: 'outcome', rule: 'taskKind' }),
    ]);
  });

  it('only review tasks are extended, by the head of the review body', async () => {
    const extension = { requestId: 'req-task-extend-1', reason: '材料补充' };
    expect(
      answer(await caseApp().staff(alice).post(`/api/v1/tasks/${OPEN}/extension`).send(extension)),
    ).toEqual({
      status: 403,
      code: 'ROLE_FORBIDDEN',
    });
    expect(
      answer(await caseApp().staff(agencyHead).post(`/api/v1/tasks/${OPEN}/extension`).send(extension)),
    ).toEqual({
      status: 403,
      code: 'TASK_FORBIDDEN',
    });
    expect(
      answer(await caseApp().staff(head).post(`/api/v1/tasks/${COORDINATION}/extension`).send(extension)),
    ).toEqual({
      status: 409,
      code: 'TASK_NOT_EXTENDABLE',
    });
    expect(
      answer(await caseApp().staff(head).post(`/api/v1/tasks/${DONE}/extension`).send(extension)),
    ).toEqual({
      status: 409,
      code: 'TASK_NOT_OPEN',
    });
  });
});
