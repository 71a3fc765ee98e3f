import { randomBytes, randomUUID } from 'node:crypto';
import {
  AGENCY_CODE_PATTERN,
  CASE_NUMBER_PATTERN,
  caseDecisionId,
  caseWorkflowId,
  type PublicationBlockReason,
  REVIEW_CHECKLIST,
  reviewWorkflowId,
} from '@lep/contracts';
import { penaltyDraft } from '@lep/testing';
import { chinaToday, startStack, staffToken, until, type Stack } from './support/stack';
import { registerAgency, stackDriver } from './support/stack-driver';

// The longest agency code and the longest, most Chinese case numbers the platform accepts, filed as an agency
// would and taken through every route that takes a case, task or decision id: case-api, evidence, publication.
const AGENCY = `XJBT-SHZ-${'A'.repeat(55)}`;
/** 100 characters of a Chinese case number: 〔〕, 号, 第…条, and a tail that looks like a decision suffix. */
const LONGEST = `石市监罚〔2026〕001号${'第一百二十四条第一款第五项'.repeat(6)}之附件甲乙丙丁-D1`.slice(
  0,
  100,
);
const WITH_DOTS = '石市监罚〔2026〕002号.补正（一）·兵团第八师一四二团';
const MAJOR = `石市监罚〔2026〕003号${'重大执法决定法制审核'.repeat(9)}`.slice(0, 100);
const ITEM = '市监罚-食品-001';

let stack: Stack;
let handler: string;
let reviewer: string;
let leader: string;
let handlerIds: string[];

const segment = encodeURIComponent;

/** What the tests read of a case view and of a disclosure. */
interface CaseBody {
  caseId: string;
  state: {
    stage: string;
    status: string;
    draft: { hash: string };
    reviewRounds: Array<{ outcome?: string }>;
  };
}
interface DisclosureBody {
  decisionId: string;
  status: string;
  waitingFor: string[];
}

const { url, call, ok } = stackDriver(() => stack);

beforeAll(async () => {
  stack = await startStack();
  const ids = await registerAgency(stack, {
    code: AGENCY,
    name: '第八师石河子市市场监督管理局（编号最长的执法主体）',
    creditSerial: 640001,
    legalBasis: '《中华人民共和国行政处罚法》',
    dutiesAndPowers: '市场监管行政执法',
    certificatePrefix: 'ID',
    people: [
      { name: '韩执法', roles: ['handler'] },
      { name: '吴执法', roles: ['handler'] },
      { name: '魏审核', roles: ['legal-reviewer'] },
      // The head who decides and withdraws: a registered leader, checked at each act (domain.md R8b).
      { name: '冯局长', roles: ['leader'] },
    ],
    items: [
      {
        code: ITEM,
        name: '对销售过期食品的行政处罚',
        category: 'penalty',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        procedure: '立案、调查、告知、决定、送达',
        statutoryWorkingDays: 90,
      },
    ],
  });
  handlerIds = [ids['韩执法'], ids['吴执法']];
  // Staff act as the registered people: the token's subject names the officer.
  handler = staffToken(AGENCY, ['handler'], { subject: handlerIds[0] });
  reviewer = staffToken(AGENCY, ['legal-reviewer'], { subject: ids['魏审核'] });
  leader = staffToken(AGENCY, ['leader'], { subject: ids['冯局长'] });
}, 300_000);

afterAll(() => stack?.stop());

async function file(caseNumber: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const started = await call('case-api', handler, 'POST', '/api/v1/cases', {
    agencyCode: AGENCY,
    caseNumber,
    itemCode: ITEM,
    title: '销售过期食品案',
    filedOn: chinaToday(),
    handlerIds,
    // The penalty draft's party (libs/testing's penaltyDraft).
    parties: [{ type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' }],
    otherPersonNames: [],
    ...overrides,
  });
  expect(started.status).toBe(201);
  const caseId = (started.body as CaseBody).caseId;
  expect(caseId).toBe(caseWorkflowId(AGENCY, caseNumber));
  await until(
    () => ok<CaseBody>('case-api', handler, 'GET', `/api/v1/cases/${segment(caseId)}`),
    (view) => view.state?.stage === 'investigating',
    `${caseId} filed`,
  );
  return caseId;
}

const act = (caseId: string, action: string, body: Record<string, unknown> = {}, token = handler) =>
  ok<CaseBody>('case-api', token, 'POST', `/api/v1/cases/${segment(caseId)}/${action}`, {
    requestId: `ids-${randomUUID()}`,
    ...body,
  });

/** Today on the China calendar, the date a 决定书 made now carries (domain.md L1a). */

async function decided(
  caseId: string,
  fineYuan: number,
  facts: string,
  publicationBlocks: PublicationBlockReason[] = [],
): Promise<string> {
  await act(caseId, 'draft-decision', penaltyDraft(fineYuan, { facts, publicationBlocks }));
  const notified = await act(caseId, 'notice', { hearingRights: false });
  await act(caseId, 'decision', { draftHash: notified.state.draft.hash, decidedOn: chinaToday() }, leader);
  return caseDecisionId(caseId, 1);
}

const disclosure = (decisionId: string) =>
  until(
    () => ok<DisclosureBody>('publication', handler, 'GET', `/api/v1/disclosures/${segment(decisionId)}`),
    () => true,
    `the disclosure of ${decisionId}`,
  );

describe('ids the platform issues are accepted by every route that takes them', () => {
  it('uses the longest agency code and case numbers the contract allows', () => {
    expect(AGENCY).toMatch(AGENCY_CODE_PATTERN);
    expect(AGENCY).toHaveLength(64);
    for (const number of [LONGEST, WITH_DOTS, MAJOR]) expect(number).toMatch(CASE_NUMBER_PATTERN);
    expect(LONGEST).toHaveLength(100);
    expect(MAJOR).toHaveLength(100);
    expect(caseDecisionId(caseWorkflowId(AGENCY, LONGEST), 1)).toHaveLength(173);
  });

  it('files, records, documents, stores evidence for, decides, publishes, corrects and withdraws the longest case', async () => {
    const caseId = await file(LONGEST);
    await act(caseId, 'records', { title: '调取证据记录', content: '调取当事人进货台账', evidence: [] });
    const record = await ok<{ verification: { valid: boolean } }>(
      'case-api',
      handler,
      'GET',
      `/api/v1/cases/${segment(caseId)}/record`,
    );
    expect(record.verification.valid).toBe(true);

    const form = new FormData();
    form.append('stage', 'investigating');
    form.append('kind', 'photo');
    form.append('capturedAt', new Date(Date.now() - 60_000).toISOString());
    form.append('capturedBy', handlerIds[0]);
    form.append('confidentiality', 'internal');
    form.append('file', new Blob([randomBytes(1024)], { type: 'image/jpeg' }), 'scene.jpg');
    const upload = await fetch(url('evidence', `/api/v1/cases/${segment(caseId)}/evidence`), {
      method: 'POST',
      headers: { authorization: `Bearer ${handler}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const listed = await ok<unknown[]>(
      'evidence',
      handler,
      'GET',
      `/api/v1/cases/${segment(caseId)}/evidence`,
    );
    expect(listed).toHaveLength(1);
    await ok(
      'evidence',
      handler,
      'GET',
      `/api/v1/cases/${segment(caseId)}/av-status?itemCode=${segment(ITEM)}&stages=${segment('现场检查')}`,
    );

    await ok('documents', handler, 'POST', '/api/v1/documents', {
      requestId: `ids-${randomUUID()}`,
      caseId,
      kind: 'inquiry-record',
      data: {
        startedAt: new Date(Date.now() - 3_600_000).toISOString(),
        endedAt: new Date(Date.now() - 1_800_000).toISOString(),
        place: '询问室',
        interviewee: '张三',
        intervieweeRole: '当事人',
        interviewers: [{ name: '韩执法', certificateNumber: 'ID-韩执法' }],
        recorder: '吴执法',
        questions: [{ question: '你是否申请回避？', answer: '不申请。' }],
      },
    });
    const documents = await ok<Array<{ caseId: string }>>(
      'documents',
      handler,
      'GET',
      `/api/v1/documents?caseId=${segment(caseId)}`,
    );
    expect(documents.map((document) => document.caseId)).toEqual([caseId]);

    const decisionId = await decided(caseId, 5000, '当事人于2026年10月在其经营场所销售过期食品12件。');
    const published = await until(
      () => disclosure(decisionId),
      (view) => view.status === 'published',
      'published',
    );
    expect(published.decisionId).toBe(decisionId);
    const anonymous = await fetch(url('publication', `/api/v1/public/decisions/${segment(decisionId)}`));
    expect(anonymous.status).toBe(200);
    await ok('publication', handler, 'POST', `/api/v1/disclosures/${segment(decisionId)}/corrections`, {
      reason: '更正违法事实中的件数',
      facts: '当事人于2026年10月在其经营场所销售过期食品13件。',
    });
    const versions = await ok(
      'publication',
      handler,
      'GET',
      `/api/v1/disclosures/${segment(decisionId)}/versions`,
    );
    expect(versions).toHaveLength(2);

    await act(caseId, 'service', { note: '直接送达' });
    await act(
      caseId,
      'revocation',
      {
        kind: 'revoked',
        reason: '复议机关撤销',
        source: {
          kind: 'reconsideration',
          documentNumber: '兵司复决〔2026〕12号',
          decidedOn: chinaToday(),
        },
      },
      leader,
    );
    await until(
      () => disclosure(decisionId),
      (view) => view.status === 'withdrawn',
      'withdrawn',
    );
  });

  it('holds a decision with dots and brackets in its case number for masking confirmation and block review', async () => {
    const caseId = await file(WITH_DOTS);
    await act(
      caseId,
      'decision-limit-extension',
      { approvedBy: '局长', reason: '案情复杂', days: 30 },
      leader,
    );
    const decisionId = await decided(caseId, 3000, '当事人自述患有高血压，于2026年10月销售过期食品。', [
      'secrets-or-privacy',
    ]);
    const pending = await disclosure(decisionId);
    expect(pending.waitingFor).toEqual(['masking-confirmation', 'block-sign-off']);
    await ok(
      'publication',
      handler,
      'POST',
      `/api/v1/disclosures/${segment(decisionId)}/masking-confirmation`,
      {},
    );
    await ok('publication', leader, 'POST', `/api/v1/disclosures/${segment(decisionId)}/block-review`, {
      outcome: 'lift',
      opinion: '经审核，去除健康信息后可以公示',
    });
    await until(
      () => disclosure(decisionId),
      (view) => view.status === 'published',
      'published after sign-off',
    );
  });

  it('takes a major case with a hearing through the review task inbox and to its archive', async () => {
    const caseId = await file(MAJOR, { majorByUnit: { reason: '涉及重大公共利益' } });
    await act(
      caseId,
      'draft-decision',
      penaltyDraft(80_000, { facts: '当事人于2026年9月销售过期食品，货值金额8万元。' }),
    );
    await act(caseId, 'notice', { hearingRights: true });
    await act(caseId, 'hearing-request');
    await act(caseId, 'hearing', { report: '听证会于2026年10月12日举行，当事人陈述申辩意见已记录。' });
    const submitted = await act(caseId, 'review-submission');
    const taskId = reviewWorkflowId(caseId, 1);
    // review-<170-character case id>-1: the longest task id the platform makes for a first round.
    expect(taskId).toHaveLength(179);
    // The review round opens its task a moment after the submission.
    await until(
      () => call('case-api', reviewer, 'POST', `/api/v1/tasks/${segment(taskId)}/claim`),
      (answer) => answer.status === 200,
      'the review task claimed',
    );
    const requestId = `ids-${randomUUID()}`;
    const completed = await ok<{ state: string }>(
      'case-api',
      reviewer,
      'POST',
      `/api/v1/tasks/${segment(taskId)}/complete`,
      {
        requestId,
        checklist: Object.fromEntries(REVIEW_CHECKLIST.map((item) => [item, { passed: true }])),
        opinion: '事实清楚，证据充分，同意。',
        outcome: 'approved',
      },
    );
    expect(completed.state).toBe('completed');
    await ok('case-api', reviewer, 'GET', `/api/v1/tasks/${segment(taskId)}/actions/${requestId}`);
    await until(
      () => ok<CaseBody>('case-api', handler, 'GET', `/api/v1/cases/${segment(caseId)}`),
      (view) => view.state.reviewRounds[0]?.outcome === 'approved',
      'the approval reaching the case',
    );
    await act(caseId, 'decision', { draftHash: submitted.state.draft.hash, decidedOn: chinaToday() }, leader);
    for (const step of ['service', 'execution', 'closure', 'archive'])
      await act(caseId, step, { note: '依法办理' });
    const archived = await ok<CaseBody>('case-api', handler, 'GET', `/api/v1/cases/${segment(caseId)}`);
    expect(archived.state.status).toBe('archived');
    const decisionId = caseDecisionId(caseId, 1);
    await until(
      () => disclosure(decisionId),
      (view) => view.status === 'published',
      'the major decision published',
    );
  });
});
