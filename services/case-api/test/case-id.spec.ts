import { CASE_WORKFLOWS, caseWorkflowId } from '@lep/contracts';
import { TemporalClient } from '@lep/nest-kit';
import { useCaseApp } from './support/case-app';
import { caseState, seedStep, startBody } from './support/fixtures';

const caseApp = useCaseApp('case_api_case_id');
/** No worker polls it: the workflows these tests put in place only need to exist. */
const IDLE_QUEUE = 'case-id-spec-idle';

const temporal = () => caseApp().app.get(TemporalClient).client;

describe('agency BT-8 case 001 and agency BT case 8-001', () => {
  it('are two cases, each filed under its own agency', async () => {
    const bt8 = await caseApp().system('BT-8').post('/api/v1/cases').send(startBody('BT-8', '001'));
    const bt = await caseApp().system('BT').post('/api/v1/cases').send(startBody('BT', '8-001'));
    expect([bt8.status, bt.status]).toEqual([201, 201]);
    expect(bt8.body.caseId).toBe('case-BT-8.001');
    expect(bt.body.caseId).toBe('case-BT.8-001');

    for (const [caseId, agencyCode, caseNumber] of [
      ['case-BT-8.001', 'BT-8', '001'],
      ['case-BT.8-001', 'BT', '8-001'],
    ]) {
      const described = await temporal().workflow.getHandle(caseId).describe();
      expect({
        type: described.type,
        memo: described.memo,
        // A worker stalled for up to this long still owns its task when it carries on (WORKFLOW_TASK_TIMEOUT).
        taskTimeoutSeconds: Number(described.raw.executionConfig?.defaultWorkflowTaskTimeout?.seconds),
      }).toEqual({
        type: CASE_WORKFLOWS.lifecycle,
        memo: { agencyCode, caseNumber },
        taskTimeoutSeconds: 30,
      });
    }
  });

  it('read and list only their own case once filed, and starting again finds the own case', async () => {
    // The worker's filing step, as it would index both cases.
    await seedStep(caseApp().dataSource, caseState('BT-8', '001'));
    await seedStep(caseApp().dataSource, caseState('BT', '8-001'));

    for (const [agencyCode, own, other] of [
      ['BT-8', 'case-BT-8.001', 'case-BT.8-001'],
      ['BT', 'case-BT.8-001', 'case-BT-8.001'],
    ]) {
      const listed = await caseApp().system(agencyCode).get('/api/v1/cases');
      expect(listed.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([own]);
      const foreign = await caseApp().system(agencyCode).get(`/api/v1/cases/${other}`);
      expect({ status: foreign.status, code: foreign.body.code }).toEqual({
        status: 403,
        code: 'AGENCY_FORBIDDEN',
      });
    }

    // No worker runs here: the case shown is the one the index holds under the id.
    const again = await caseApp().system('BT').post('/api/v1/cases').send(startBody('BT', '8-001'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      caseId: 'case-BT.8-001',
      state: { agencyCode: 'BT', caseNumber: '8-001' },
    });
  });
});

describe('a start whose case id another workflow already holds', () => {
  /** What an id of the old format (`case-BT-9-001` for both BT-9/001 and BT/9-001) could lead to. */
  async function occupy(caseId: string, workflowType: string, memo?: Record<string, string>): Promise<void> {
    await temporal().workflow.start(workflowType, {
      workflowId: caseId,
      taskQueue: IDLE_QUEUE,
      args: [startBody('BT-9', '001', { title: '另一执法主体的案件' })],
      ...(memo ? { memo } : {}),
    });
  }

  async function expectConflict(caseNumber: string): Promise<void> {
    const response = await caseApp().system('BT').post('/api/v1/cases').send(startBody('BT', caseNumber));
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'CASE_ID_CONFLICT' });
    expect(response.body.message).toMatch(/案件编号/);
    // Nothing of the case holding the id is shown.
    expect(JSON.stringify(response.body)).not.toMatch(/BT-9|另一执法主体|state|view/);
  }

  it('answers 409 CASE_ID_CONFLICT when the id is another agency’s case', async () => {
    await occupy(caseWorkflowId('BT', '9-001'), CASE_WORKFLOWS.lifecycle, {
      agencyCode: 'BT-9',
      caseNumber: '001',
    });
    await expectConflict('9-001');
  });

  it('answers 409 when the id is the same agency’s case under another number', async () => {
    await occupy(caseWorkflowId('BT', '9-002'), CASE_WORKFLOWS.lifecycle, {
      agencyCode: 'BT',
      caseNumber: '9-002 ',
    });
    await expectConflict('9-002');
  });

  it('answers 409 when the workflow under the id says nothing of the case it was started for', async () => {
    await occupy(caseWorkflowId('BT', '9-003'), CASE_WORKFLOWS.lifecycle);
    await expectConflict('9-003');
  });

  it('answers 409 when the id is held by a workflow that is no case', async () => {
    await occupy(caseWorkflowId('BT', '9-004'), CASE_WORKFLOWS.legalReview, {
      agencyCode: 'BT',
      caseNumber: '9-004',
    });
    await expectConflict('9-004');
  });
});
