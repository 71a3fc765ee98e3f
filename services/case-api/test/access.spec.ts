import { caseWorkflowId, reviewWorkflowId } from '@lep/contracts';
import { TemporalClient } from '@lep/nest-kit';
import { WorkflowNotFoundError } from '@temporalio/common';
import { useCaseApp } from './support/case-app';
import { caseState, reviewTask, seedStep, startBody } from './support/fixtures';

const caseApp = useCaseApp('case_api_access');
const OWN = 'AG-OWN';
const OTHER = 'AG-OTHER';
const REVIEW_BODY = 'RB-ACCESS';
const OWN_CASE = caseWorkflowId(OWN, 'ACC-001');
const OTHER_CASE = caseWorkflowId(OTHER, 'ACC-002');
const NOTE = { requestId: 'req-access-00001', note: '直接送达' };

beforeAll(async () => {
  const { dataSource } = caseApp();
  const own = caseState(OWN, 'ACC-001', { major: true, stage: 'legal-review' });
  await seedStep(dataSource, own, {
    openTasks: [reviewTask(own, REVIEW_BODY)],
  });
  await seedStep(dataSource, caseState(OTHER, 'ACC-002', { overdue: true }));
});

describe('every case route is authenticated', () => {
  it.each<[string, string]>([
    ['get', '/api/v1/cases'],
    ['post', '/api/v1/cases'],
    ['get', `/api/v1/cases/${OWN_CASE}`],
    ['get', `/api/v1/cases/${OWN_CASE}/record`],
    ['post', `/api/v1/cases/${OWN_CASE}/service`],
    ['get', '/api/v1/tasks'],
    ['post', `/api/v1/tasks/${reviewWorkflowId(OWN_CASE, 1)}/claim`],
    ['post', `/api/v1/tasks/${reviewWorkflowId(OWN_CASE, 1)}/complete`],
  ])('%s %s without a credential is 401', async (method, path) => {
    const response = await (
      caseApp().anonymous() as unknown as Record<string, (path: string) => Promise<{ status: number }>>
    )[method](path);
    expect(response.status).toBe(401);
  });

  it('an unknown API key is 401', async () => {
    const response = await caseApp()
      .anonymous()
      .get('/api/v1/cases')
      .set('authorization', 'Bearer lep_unknown_key');
    expect(response.status).toBe(401);
  });
});

describe('an agency system sees and drives only its own agency’s cases', () => {
  it('cannot start a case for another agency, and nothing is started', async () => {
    const response = await caseApp().system(OTHER).post('/api/v1/cases').send(startBody(OWN, 'ACC-FORGED'));
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: 403,
      code: 'AGENCY_FORBIDDEN',
    });
    const { client } = caseApp().app.get(TemporalClient);
    await expect(
      client.workflow.getHandle(caseWorkflowId(OWN, 'ACC-FORGED')).describe(),
    ).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });

  it('lists its own cases by default and is refused another agency’s list', async () => {
    const own = await caseApp().system(OWN).get('/api/v1/cases');
    expect(own.status).toBe(200);
    expect(own.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([OWN_CASE]);
    const other = await caseApp().system(OWN).get(`/api/v1/cases?agency=${OTHER}`);
    expect({ status: other.status, code: other.body.code }).toEqual({
      status: 403,
      code: 'AGENCY_FORBIDDEN',
    });
  });

  it('reads its own case (from the index when no workflow answers) and not another agency’s', async () => {
    const own = await caseApp().system(OWN).get(`/api/v1/cases/${OWN_CASE}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      caseId: OWN_CASE,
      source: 'index',
      state: { agencyCode: OWN, major: true },
    });
    for (const path of [`/api/v1/cases/${OTHER_CASE}`, `/api/v1/cases/${OTHER_CASE}/record`]) {
      const response = await caseApp().system(OWN).get(path);
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 403,
        code: 'AGENCY_FORBIDDEN',
      });
    }
  });

  it('cannot act on another agency’s case', async () => {
    const response = await caseApp().system(OWN).post(`/api/v1/cases/${OTHER_CASE}/service`).send(NOTE);
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: 403,
      code: 'AGENCY_FORBIDDEN',
    });
  });

  it('a case nobody started is 404', async () => {
    const response = await caseApp()
      .system(OWN)
      .get(`/api/v1/cases/${caseWorkflowId(OWN, 'NEVER')}`);
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: 404,
      code: 'CASE_NOT_FOUND',
    });
  });
});

describe('staff by role', () => {
  it('filters the list by stage, major and overdue; platform admins see every agency', async () => {
    const admin = caseApp().staff();
    const all = await admin.get('/api/v1/cases');
    expect(all.body.total).toBe(2);
    const major = await admin.get('/api/v1/cases?major=true');
    expect(major.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([OWN_CASE]);
    const overdue = await admin.get('/api/v1/cases?overdue=true');
    expect(overdue.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([OTHER_CASE]);
    const stage = await admin.get('/api/v1/cases?stage=legal-review&pageSize=1&page=1');
    expect(stage.body).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 1,
      items: [{ caseId: OWN_CASE, stage: 'legal-review' }],
    });
  });

  it('an auditor reads but does not act', async () => {
    const auditor = caseApp().staff({ roles: ['auditor'], agency: OWN });
    expect((await auditor.get(`/api/v1/cases/${OWN_CASE}`)).status).toBe(200);
    const act = await auditor.post(`/api/v1/cases/${OWN_CASE}/service`).send(NOTE);
    expect({ status: act.status, code: act.body.code }).toEqual({ status: 403, code: 'ROLE_FORBIDDEN' });
  });

  it('a handler cannot record the head’s extension of the decision limit', async () => {
    const handler = caseApp().staff({ roles: ['handler'], agency: OWN });
    const response = await handler
      .post(`/api/v1/cases/${OWN_CASE}/decision-limit-extension`)
      .send({ requestId: 'req-access-00002', approvedBy: '王局长', reason: '案情复杂', days: 30 });
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: 403,
      code: 'ROLE_FORBIDDEN',
    });
  });

  it('a staff member of a parent agency does not reach a subordinate’s cases (no agency tree in case-api)', async () => {
    const parentLeader = caseApp().staff({ roles: ['leader'], agency: 'AG' });
    const response = await parentLeader.get(`/api/v1/cases/${OWN_CASE}`);
    expect(response.status).toBe(403);
  });

  it('a legal reviewer reads the case its body reviews, and no other', async () => {
    const reviewer = caseApp().staff({
      sub: 'reviewer-access',
      roles: ['legal-reviewer'],
      agency: REVIEW_BODY,
    });
    expect((await reviewer.get(`/api/v1/cases/${OWN_CASE}`)).status).toBe(200);
    expect((await reviewer.get(`/api/v1/cases/${OWN_CASE}/record`)).status).toBe(200);
    expect((await reviewer.get(`/api/v1/cases/${OTHER_CASE}`)).status).toBe(403);
    const elsewhere = caseApp().staff({ roles: ['legal-reviewer'], agency: 'RB-ELSEWHERE' });
    expect((await elsewhere.get(`/api/v1/cases/${OWN_CASE}`)).status).toBe(403);
  });

  it('the task inbox shows a review body its tasks and a handling agency its cases’ tasks, nobody else', async () => {
    const taskIds = async (staff: Parameters<ReturnType<typeof caseApp>['staff']>[0]) =>
      (await caseApp().staff(staff).get('/api/v1/tasks')).body.items.map(
        (task: { taskId: string }) => task.taskId,
      );
    expect(await taskIds({ roles: ['legal-reviewer'], agency: REVIEW_BODY })).toEqual([
      reviewWorkflowId(OWN_CASE, 1),
    ]);
    expect(await taskIds({ roles: ['handler'], agency: OWN })).toEqual([reviewWorkflowId(OWN_CASE, 1)]);
    expect(await taskIds({ roles: ['legal-reviewer'], agency: 'RB-ELSEWHERE' })).toEqual([]);
    expect(await taskIds({ roles: ['handler'], agency: OTHER })).toEqual([]);
  });
});
