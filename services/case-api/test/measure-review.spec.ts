import { measureReviewWorkflowId, type CaseState } from '@lep/contracts';
import { useCaseApp } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { eventually } from './support/case-worker';
import { CHECKLIST_PASSED, chinaToday } from './support/fixtures';
import { freezeMeasure } from '@lep/testing';

/**
 * 法制审核 of a major 行政强制 measure over HTTP (domain.md P13b): the head's POST opens a round instead of taking
 * it, the review body's reviewer finds it in the task inbox with the measure's content and answers it through the
 * task API, and the head's POST of the same measure after approval takes it.
 */
const caseApp = useCaseApp('case_api_measure_review');
const { handler, head, reviewer, newCase, caseState, investigating, request } = useCaseWorker(caseApp);

const MEASURE = freezeMeasure({
  documentNumber: '阿市监强〔2026〕61号',
  decidedOn: chinaToday(),
  majorReason: '冻结存款数额巨大，涉及重大财产权益',
});

describe('a major 行政强制 measure reviewed through the task API (domain.md P13b)', () => {
  it('is not taken until the reviewer approves it in the inbox; then the same measure is taken', async () => {
    const caseId: string = (await caseApp().staff(handler).post('/api/v1/cases').send(newCase('MR-1'))).body
      .caseId;
    await investigating(caseId);
    const route = `/api/v1/cases/${caseId}/coercion-measures`;

    const submitted = await caseApp()
      .staff(head)
      .post(route)
      .send({ ...MEASURE, requestId: request() });
    expect(submitted.status).toBe(200);
    const state: CaseState = submitted.body.state;
    expect(state.coercionMeasures ?? []).toHaveLength(0);
    const taskId = measureReviewWorkflowId(caseId, 1);
    expect(state.measureReviews).toEqual([
      expect.objectContaining({ taskId, documentNumber: MEASURE.documentNumber }),
    ]);

    const inbox = await eventually(
      () => caseApp().staff(reviewer).get('/api/v1/tasks?state=open&role=legal-reviewer'),
      (answer) => answer.body.items.some((task: { taskId: string }) => task.taskId === taskId),
      'the measure in the reviewer inbox',
    );
    expect(inbox.body.items.find((task: { taskId: string }) => task.taskId === taskId)).toMatchObject({
      caseId,
      kind: 'legal-review',
      payload: {
        measure: { documentNumber: MEASURE.documentNumber, kind: 'freeze', urgent: false },
        draft: { other: { content: MEASURE.other.content } },
        majorReasons: ['承办机构认定：冻结存款数额巨大，涉及重大财产权益'],
      },
    });

    expect((await caseApp().staff(reviewer).post(`/api/v1/tasks/${taskId}/claim`)).status).toBe(200);
    const completed = await caseApp().staff(reviewer).post(`/api/v1/tasks/${taskId}/complete`).send({
      requestId: request(),
      checklist: CHECKLIST_PASSED,
      opinion: '同意采取冻结措施。',
      outcome: 'approved',
    });
    expect(completed.status).toBe(200);
    await eventually(
      () => caseState(caseId),
      (current) => current.measureReviews?.[0]?.outcome === 'approved',
      'the round concluded',
    );

    const taken = await caseApp()
      .staff(head)
      .post(route)
      .send({ ...MEASURE, requestId: request() });
    expect(taken.status).toBe(200);
    expect(taken.body.state.coercionMeasures).toEqual([
      expect.objectContaining({ documentNumber: MEASURE.documentNumber, reviewTaskId: taskId }),
    ]);
  });
});
