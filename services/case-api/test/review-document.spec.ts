import { createHash } from 'node:crypto';
import { signStaffToken, type Role } from '@lep/auth';
import { reviewWorkflowId, type CaseState, type DecisionDocumentRef } from '@lep/contracts';
import { pdfText } from '@lep/testing';
import { useCaseApp, type Staff } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { eventually, SERVICES_AUTH } from './support/case-worker';
import { CHECKLIST_PASSED, chinaToday } from './support/fixtures';

/**
 * The reviewer reviews the rendered 决定书 (issue #20 item 3), on the real stack: case-api, the worker service,
 * the registry, the documents service and the evidence service it stores PDFs in, each as production runs them.
 */
const caseApp = useCaseApp('case_api_review_document');
const AGENCY = 'BT01';
const { worker, handler, reviewer, head, newCase, caseState, investigating, draftBody, request } =
  useCaseWorker(caseApp, { documents: true });

/** A request to the documents service with a staff token the identity provider would issue. */
function documentsApi(staff: Staff, path: string, init: RequestInit = {}): Promise<Response> {
  const token = signStaffToken(
    { sub: staff.sub ?? 'test-staff', agency: staff.agency, roles: staff.roles },
    SERVICES_AUTH,
  );
  return fetch(new URL(path, worker().documents!.url), {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
}

beforeAll(async () => {
  const numbering = await documentsApi(
    { roles: ['agency-admin'] as Role[], agency: AGENCY },
    `/api/v1/agencies/${AGENCY}/numbering`,
    { method: 'PUT', body: JSON.stringify({ abbreviation: '兵一市监' }) },
  );
  expect(numbering.status).toBe(200);
});

const DOCUMENT_FIELDS = { reconsiderationBody: '第一师阿拉尔市人民政府', court: '阿拉尔市人民法院' };

function renderedDraft(fineYuan: number) {
  return { ...draftBody(fineYuan), document: DOCUMENT_FIELDS };
}

/** Files a case and takes it to the point where its draft may go to legal review. */
async function notifiedWithDraft(caseNumber: string, fineYuan: number): Promise<string> {
  const started = await caseApp().staff(handler).post('/api/v1/cases').send(newCase(caseNumber));
  const caseId: string = started.body.caseId;
  await investigating(caseId);
  const drafted = await caseApp()
    .staff(handler)
    .post(`/api/v1/cases/${caseId}/draft-decision`)
    .send(renderedDraft(fineYuan));
  expect(drafted.body.state).toMatchObject({ stage: 'drafting', major: true });
  const notified = await caseApp()
    .staff(handler)
    .post(`/api/v1/cases/${caseId}/notice`)
    .send({ requestId: request(), hearingRights: false });
  expect(notified.body.state.stage).toBe('notified');
  return caseId;
}

async function submitForReview(caseId: string): Promise<CaseState> {
  const submitted = await caseApp()
    .staff(handler)
    .post(`/api/v1/cases/${caseId}/review-submission`)
    .send({ requestId: request() });
  expect(submitted.status).toBe(200);
  return submitted.body.state;
}

async function openTask(taskId: string): Promise<{ payload: { document: Record<string, string> } }> {
  const inbox = await eventually(
    () => caseApp().staff(reviewer).get('/api/v1/tasks?state=open&role=legal-reviewer'),
    (response) => response.body.items.some((task: { taskId: string }) => task.taskId === taskId),
    `review task ${taskId}`,
  );
  return inbox.body.items.find((task: { taskId: string }) => task.taskId === taskId);
}

async function answer(taskId: string, outcome: 'approved' | 'returned'): Promise<void> {
  await caseApp().staff(reviewer).post(`/api/v1/tasks/${taskId}/claim`).expect(200);
  const checklist =
    outcome === 'approved'
      ? CHECKLIST_PASSED
      : { ...CHECKLIST_PASSED, 'law-and-discretion': { passed: false, note: '罚款数额超出裁量基准' } };
  const completed = await caseApp()
    .staff(reviewer)
    .post(`/api/v1/tasks/${taskId}/complete`)
    .send({
      requestId: request(),
      checklist,
      opinion: outcome === 'approved' ? '同意' : '罚款数额偏高，退回修改',
      outcome,
    });
  expect(completed.status).toBe(200);
}

describe('the draft decision the reviewer reviews is the rendered 决定书', () => {
  it('is issued at submission, downloaded by the reviewer as the stored bytes, approved by its SHA-256, and decided only on that document', async () => {
    const caseId = await notifiedWithDraft('DOC-MAJOR', 50_000);
    const cases = `/api/v1/cases/${caseId}`;
    const submitted = await submitForReview(caseId);
    const document = submitted.draft?.document as DecisionDocumentRef;
    expect(document).toMatchObject({
      number: expect.stringMatching(/^兵一市监处罚〔\d{4}〕\d+号$/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      templateVersion: 'penalty-decision.v1',
    });
    expect(submitted.reviewRounds[0].document).toEqual(document);

    // The review task carries the document and where to download it.
    const taskId = reviewWorkflowId(caseId, 1);
    const task = await openTask(taskId);
    expect(task.payload.document).toMatchObject({
      documentId: document.documentId,
      number: document.number,
      sha256: document.sha256,
      download: `/api/v1/documents/${document.documentId}/pdf`,
    });

    // The reviewer downloads it through the API: the stored bytes, whose hash is the one under review.
    const downloaded = await documentsApi(
      reviewer,
      `${task.payload.document.download}?purpose=${encodeURIComponent('法制审核')}`,
    );
    expect(downloaded.status).toBe(200);
    const pdf = Buffer.from(await downloaded.arrayBuffer());
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(document.sha256);
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const printed of [
      document.number,
      '张三',
      '产品质量法',
      '第一师阿拉尔市人民政府',
      '阿拉尔市人民法院',
    ])
      expect(text).toContain(printed);

    // The stored document reaches the case's whole-process record under the same hash.
    await eventually(
      () => caseState(caseId),
      (state) => state.evidence.some((item) => item.sha256 === document.sha256 && item.kind === 'document'),
      'the 决定书 linked into the record',
    );

    await answer(taskId, 'approved');
    // The case records the round's conclusion after the round ends: the record is read once that is in.
    const record = await eventually(
      () => caseApp().staff(handler).get(`${cases}/record`),
      (response) =>
        response.body.entries.some(
          (entry: { content: { action: string } }) => entry.content.action === 'review-concluded',
        ),
      'the review concluded',
    );
    const opinion = record.body.entries.find(
      (entry: { content: { action: string } }) => entry.content.action === 'review-completed',
    );
    expect(opinion.content.details).toMatchObject({
      outcome: 'approved',
      documentSha256: document.sha256,
      documentNumber: document.number,
    });
    const approved = await caseState(caseId);

    // The decision names the document: none, or another, is refused and nothing is recorded.
    const before = approved.recordEntries;
    for (const documentSha256 of [undefined, 'ab'.repeat(32)]) {
      const refused = await caseApp().staff(head).post(`${cases}/decision`).send({
        requestId: request(),
        draftHash: approved.draft?.hash,
        decidedOn: chinaToday(),
        documentSha256,
      });
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 409,
        code: 'REVIEW_NOT_APPROVED',
      });
      expect(refused.body.message).toContain(document.number);
    }
    expect((await caseState(caseId)).recordEntries).toBe(before);

    const decided = await caseApp().staff(head).post(`${cases}/decision`).send({
      requestId: request(),
      draftHash: approved.draft?.hash,
      decidedOn: chinaToday(),
      documentSha256: document.sha256,
    });
    expect(decided.status).toBe(200);
    expect(decided.body.state.decision).toMatchObject({ documentNumber: document.number, document });
  });

  it('voids a superseded draft’s 决定书 with its reason, and the next document takes the next number', async () => {
    const caseId = await notifiedWithDraft('DOC-REVISED', 60_000);
    const first = (await submitForReview(caseId)).draft?.document as DecisionDocumentRef;
    await openTask(reviewWorkflowId(caseId, 1));
    await answer(reviewWorkflowId(caseId, 1), 'returned');
    await eventually(
      () => caseState(caseId),
      (state) => state.reviewRounds[0]?.outcome === 'returned',
      'the return',
    );

    const revised = await caseApp()
      .staff(handler)
      .post(`/api/v1/cases/${caseId}/draft-decision`)
      .send(renderedDraft(45_000));
    expect(revised.status).toBe(200);
    const second = (await submitForReview(caseId)).draft?.document as DecisionDocumentRef;
    expect(second.documentId).not.toBe(first.documentId);
    const serial = (number: string) => Number(/〕(\d+)号$/.exec(number)?.[1]);
    expect(serial(second.number)).toBeGreaterThan(serial(first.number));

    const voided = await (await documentsApi(handler, `/api/v1/documents/${first.documentId}`)).json();
    expect(voided).toMatchObject({
      status: 'voided',
      voidReason: `决定草案已修改（第 2 稿），另行出具决定书 ${second.number}`,
    });
    const numbering = (await (
      await documentsApi(handler, `/api/v1/agencies/${AGENCY}/numbering`)
    ).json()) as { voided: { number: string }[] };
    expect(numbering.voided).toContainEqual(expect.objectContaining({ number: first.number }));

    const record = await caseApp().staff(handler).get(`/api/v1/cases/${caseId}/record`);
    expect(record.body.verification.valid).toBe(true);
    const voidEntry = record.body.entries.find(
      (entry: { content: { action: string } }) => entry.content.action === 'document-voided',
    );
    expect(voidEntry.content).toMatchObject({
      title: `作废决定书 ${first.number}`,
      details: { documentId: first.documentId, replacedBy: { number: second.number } },
    });
  });

  it('refuses the 决定书 block on a draft that is not a penalty decision, naming the field', async () => {
    const { penalty: _penalty, facts, ...other } = renderedDraft(0);
    const response = await caseApp()
      .staff(handler)
      .post(`/api/v1/cases/case-${AGENCY}.DOC-OTHER/draft-decision`)
      .send({
        ...other,
        facts: { ...facts, fineYuan: undefined },
        other: { title: '责令改正决定', content: '责令限期改正', legalBasis: '《中华人民共和国产品质量法》' },
      });
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(response.body.violations).toEqual([
      expect.objectContaining({ field: 'document', rule: 'penaltyDecisionOnly' }),
    ]);
  });
});
