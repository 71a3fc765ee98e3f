import { randomUUID } from 'node:crypto';
import { ACTING_OFFICERS_HEADER, PERSONNEL_ID_RULE, caseWorkflowId, reviewWorkflowId } from '@lep/contracts';
import { TemporalClient } from '@lep/nest-kit';
import { WorkflowNotFoundError } from '@temporalio/common';
import { useCaseApp } from './support/case-app';
import { expectViolation } from './support/expect-violation';
import { CHECKLIST_PASSED, caseState, reviewTask, seedStep, startBody } from './support/fixtures';
import { ordinaryFacts } from '@lep/testing';

const caseApp = useCaseApp('case_api_bad_input');
const AGENCY = 'AG-BAD';
const CASE_ID = caseWorkflowId(AGENCY, 'BAD-001');
const REQUEST = { requestId: 'req-bad-input-0001' };
/** A 复议决定 as the source of a withdrawal (domain.md P9). */
const SOURCE = { kind: 'reconsideration', documentNumber: '兵司复决〔2026〕1号', decidedOn: '2026-01-05' };
const NOTE = { ...REQUEST, note: '直接送达' };

const DRAFT = {
  ...REQUEST,
  documentNumber: '新市监罚〔2026〕1号',
  party: { type: 'legal-person', name: '某某商贸有限公司' },
  penalty: {
    violationType: '销售不合格产品',
    facts: '经查……',
    legalBasis: '《中华人民共和国产品质量法》第四十九条',
    penaltyKinds: ['罚款'],
    content: '罚款人民币二万元',
    fineYuan: 20000,
    validUntil: '2029-10-09',
  },
  facts: ordinaryFacts('legal-person', 20000),
  publicationBlocks: [],
};

const NO_PENALTY = {
  ground: 'first-offence',
  violationType: '未按规定公示营业执照',
  facts: '经查……',
  legalBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
  reason: '首次违法且危害后果轻微并及时改正',
};

/** 查封 of the party's goods (domain.md P13). */
const COERCION = {
  ...REQUEST,
  documentNumber: '新市监查〔2026〕1号',
  party: DRAFT.party,
  coercion: { kind: 'seal' },
  other: {
    title: '查封决定',
    content: '查封不合格电热水壶20台',
    legalBasis: '《中华人民共和国行政强制法》第二十二条',
  },
  decidedOn: '2026-10-09',
  publicationBlocks: [],
};

beforeAll(async () => {
  const { dataSource } = caseApp();
  const state = caseState(AGENCY, 'BAD-001');
  await seedStep(dataSource, state, {
    openTasks: [reviewTask(state, 'RB-BAD')],
  });
});

async function recordLength(): Promise<number> {
  const rows: { count: string }[] = await caseApp().dataSource.query(
    `SELECT count(*) FROM case_record_entry WHERE case_id = $1`,
    [CASE_ID],
  );
  return Number(rows[0].count);
}

describe('bad input answers 400 naming the field and rule, and changes nothing', () => {
  describe('POST /api/v1/cases', () => {
    it.each<[string, Record<string, unknown>, string, string]>([
      ['an impossible filing date', { filedOn: '2026-02-30' }, 'filedOn', 'isIso8601'],
      ['a filing date with a time', { filedOn: '2026-10-09T08:00:00Z' }, 'filedOn', 'matches'],
      ['one handler', { handlerIds: [startBody(AGENCY, 'x').handlerIds[0]] }, 'handlerIds', 'arrayMinSize'],
      [
        'a handler id that is no personnel id',
        { handlerIds: ['张三', '李四'] },
        'handlerIds',
        PERSONNEL_ID_RULE,
      ],
      ['no party', { parties: [] }, 'parties', 'arrayMinSize'],
      ['an unknown party type', { parties: [{ type: 'alien', name: '某' }] }, 'parties.0.type', 'isIn'],
      [
        'a malformed credit code',
        { parties: [{ type: 'legal-person', name: '某', creditCode: '123' }] },
        'parties.0.creditCode',
        'matches',
      ],
      ['a major flag without reason', { majorByUnit: {} }, 'majorByUnit.reason', 'isNotEmpty'],
      ['a case number with a slash', { caseNumber: 'A/1' }, 'caseNumber', 'matches'],
      ['an unknown field', { approved: true }, 'approved', 'whitelistValidation'],
    ])('%s', async (_label, change, field, rule) => {
      const caseNumber = `BAD-START-${field}`;
      const response = await caseApp()
        .staff()
        .post('/api/v1/cases')
        .send(startBody(AGENCY, caseNumber, change));
      expectViolation(response, field, rule);
      const { client } = caseApp().app.get(TemporalClient);
      await expect(
        client.workflow.getHandle(caseWorkflowId(AGENCY, caseNumber)).describe(),
      ).rejects.toBeInstanceOf(WorkflowNotFoundError);
    });
  });

  it.each<[string, string, string]>([
    ['stage=nowhere', 'stage', 'isIn'],
    ['major=maybe', 'major', 'isBoolean'],
    ['overdue=1', 'overdue', 'isBoolean'],
    ['pageSize=1000', 'pageSize', 'max'],
    ['page=0', 'page', 'min'],
    ['agency=a%20b', 'agency', 'matches'],
  ])('GET /api/v1/cases?%s', async (query, field, rule) => {
    expectViolation(await caseApp().staff().get(`/api/v1/cases?${query}`), field, rule);
  });

  it('GET /api/v1/cases/:caseId with an id that is no case id', async () => {
    expectViolation(await caseApp().staff().get('/api/v1/cases/BAD-001'), 'caseId', 'matches');
    expectViolation(await caseApp().staff().get('/api/v1/cases/BAD-001/record'), 'caseId', 'matches');
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['records', { title: '询问笔录', content: '……', evidence: [] }, 'requestId', 'isNotEmpty'],
    [
      'records',
      { ...REQUEST, title: '询问笔录', content: '……', evidence: [{ evidenceId: 'e1', sha256: 'xyz' }] },
      'evidence.0.sha256',
      'matches',
    ],
    ['records', { ...REQUEST, title: '', content: '……', evidence: [] }, 'title', 'isNotEmpty'],
    [
      'records',
      {
        ...REQUEST,
        title: '现场检查笔录',
        content: '……',
        evidence: [],
        onSite: {
          certificatesShown: [
            { officerId: 'officer-1', certificateNumber: 'BT-1' },
            { officerId: randomUUID(), certificateNumber: 'BT-2' },
          ],
          notice: { cause: '……', legalBasis: '……', rightsAndDuties: '……' },
        },
      },
      'onSite.certificatesShown.0.officerId',
      PERSONNEL_ID_RULE,
    ],
    [
      'handler-replacement',
      { ...REQUEST, outgoingId: randomUUID(), incomingId: '王五', reason: '回避' },
      'incomingId',
      PERSONNEL_ID_RULE,
    ],
    [
      'draft-decision',
      { ...DRAFT, facts: { ...DRAFT.facts, partyType: 'company' } },
      'facts.partyType',
      'isIn',
    ],
    ['draft-decision', { ...DRAFT, facts: { ...DRAFT.facts, measures: ['jail'] } }, 'facts.measures', 'isIn'],
    [
      'draft-decision',
      { ...DRAFT, facts: { ...DRAFT.facts, otherRuleIds: ['其他情形一'] } },
      'facts.otherRuleIds',
      'matches',
    ],
    [
      'draft-decision',
      { ...DRAFT, penalty: { ...DRAFT.penalty, penaltyKinds: [] } },
      'penalty.penaltyKinds',
      'arrayMinSize',
    ],
    ['draft-decision', { ...DRAFT, penalty: { ...DRAFT.penalty, fineYuan: -1 } }, 'penalty.fineYuan', 'min'],
    ['draft-decision', { ...DRAFT, party: { type: 'legal-person' } }, 'party.name', 'isNotEmpty'],
    ['draft-decision', { ...DRAFT, publicationBlocks: ['boring'] }, 'publicationBlocks', 'isIn'],
    [
      'draft-decision',
      { ...DRAFT, other: { title: '责令改正', content: '……', legalBasis: '……' } },
      'other',
      'exactlyOneDecisionKind',
    ],
    ['draft-decision', { ...DRAFT, penalty: undefined }, 'penalty', 'exactlyOneDecisionKind'],
    ['draft-decision', { ...DRAFT, tradeSecretFields: ['penalty.partyName'] }, 'tradeSecretFields', 'isIn'],
    [
      'draft-decision',
      { ...DRAFT, tradeSecretFields: ['licensing.content'] },
      'tradeSecretFields',
      'fieldInDraft',
    ],
    ['draft-decision', { ...DRAFT, coercion: { kind: 'jail' } }, 'coercion.kind', 'isIn'],
    // The fields every decision shares, and those of the violation, are one rule each (decision-base.dto.ts).
    [
      'draft-decision',
      { ...DRAFT, penalty: undefined, noPenalty: { ...NO_PENALTY, legalBasis: '' } },
      'noPenalty.legalBasis',
      'isNotEmpty',
    ],
    [
      'draft-decision',
      { ...DRAFT, penalty: undefined, noPenalty: { ...NO_PENALTY, violationType: '违'.repeat(501) } },
      'noPenalty.violationType',
      'maxLength',
    ],
    ['coercion-measures', { ...COERCION, documentNumber: '' }, 'documentNumber', 'isNotEmpty'],
    ['coercion-measures', { ...COERCION, party: { type: 'alien', name: '某' } }, 'party.type', 'isIn'],
    ['coercion-measures', { ...COERCION, publicationBlocks: ['boring'] }, 'publicationBlocks', 'isIn'],
    // domain.md P13b: urgency is yes or no; the unit's finding that a measure is major carries its reason.
    ['coercion-measures', { ...COERCION, urgent: 'yes' }, 'urgent', 'isBoolean'],
    ['coercion-measures', { ...COERCION, majorByUnit: { reason: '' } }, 'majorByUnit.reason', 'isNotEmpty'],
    // domain.md L3a: the catalogue reads the draft, so facts that say otherwise are refused.
    [
      'draft-decision',
      { ...DRAFT, facts: { ...DRAFT.facts, fineYuan: 0 } },
      'facts.fineYuan',
      'factsMatchDraft',
    ],
    [
      'draft-decision',
      { ...DRAFT, facts: { ...DRAFT.facts, partyType: 'natural-person' } },
      'facts.partyType',
      'factsMatchDraft',
    ],
    [
      'draft-decision',
      { ...DRAFT, penalty: { ...DRAFT.penalty, penaltyKinds: ['罚款', '吊销营业执照'] } },
      'facts.measures',
      'factsMatchDraft',
    ],
    ['notice', { ...REQUEST, hearingRights: 'yes' }, 'hearingRights', 'isBoolean'],
    ['hearing-request', { requestId: 'short' }, 'requestId', 'matches'],
    ['hearing', { ...REQUEST, report: '' }, 'report', 'isNotEmpty'],
    ['major-declaration', { ...REQUEST, reason: '' }, 'reason', 'isNotEmpty'],
    ['review-submission', {}, 'requestId', 'isString'],
    ['review-dispute', REQUEST, 'reason', 'isString'],
    ['decision', { ...REQUEST, draftHash: 'abc', decidedOn: '2026-12-01' }, 'draftHash', 'matches'],
    ['decision', { ...REQUEST, draftHash: 'ab'.repeat(32) }, 'decidedOn', 'matches'],
    [
      'decision',
      { ...REQUEST, draftHash: 'ab'.repeat(32), decidedOn: '2026-02-30' },
      'decidedOn',
      'isIso8601',
    ],
    ['service', REQUEST, 'note', 'isString'],
    ['execution', { ...NOTE, note: 7 }, 'note', 'isString'],
    ['closure', { ...NOTE, extra: 1 }, 'extra', 'whitelistValidation'],
    ['archive', { ...REQUEST, note: '' }, 'note', 'isNotEmpty'],
    [
      'decision-limit-extension',
      { ...REQUEST, approvedBy: '王局长', reason: '案情复杂', days: 0 },
      'days',
      'min',
    ],
    [
      'decision-limit-extension',
      { ...REQUEST, approvedBy: '王局长', reason: '案情复杂', days: 1.5 },
      'days',
      'isInt',
    ],
    ['revocation', { ...REQUEST, kind: 'cancelled', reason: '……', source: SOURCE }, 'kind', 'isIn'],
    ['revocation', { ...REQUEST, kind: 'revoked', reason: '……' }, 'source', 'isDefined'],
    [
      'revocation',
      { ...REQUEST, kind: 'revoked', reason: '……', source: { ...SOURCE, kind: 'petition' } },
      'source.kind',
      'isIn',
    ],
    [
      'revocation',
      { ...REQUEST, kind: 'revoked', reason: '……', source: { ...SOURCE, documentNumber: '' } },
      'source.documentNumber',
      'isNotEmpty',
    ],
    [
      'revocation',
      { ...REQUEST, kind: 'revoked', reason: '……', source: { ...SOURCE, decidedOn: '2026/01/05' } },
      'source.decidedOn',
      'matches',
    ],
    [
      'revocation',
      { ...REQUEST, kind: 'revoked', reason: '……', source: { ...SOURCE, decidedOn: '2099-01-05' } },
      'source.decidedOn',
      'notLaterThanToday',
    ],
  ])('POST /api/v1/cases/:caseId/%s', async (action, body, field, rule) => {
    const before = await recordLength();
    expectViolation(
      await caseApp().staff().post(`/api/v1/cases/${CASE_ID}/${action}`).send(body),
      field,
      rule,
    );
    expect(await recordLength()).toBe(before);
  });

  it.each<[string, string, string]>([
    ['state=done', 'state', 'isIn'],
    ['role=boss', 'role', 'isIn'],
    ['dueBefore=tomorrow', 'dueBefore', 'isIso8601'],
    ['pageSize=0', 'pageSize', 'min'],
    ['assignee=reviewer-alice', 'assignee', PERSONNEL_ID_RULE],
  ])('GET /api/v1/tasks?%s', async (query, field, rule) => {
    expectViolation(await caseApp().staff().get(`/api/v1/tasks?${query}`), field, rule);
  });

  describe('POST /api/v1/tasks/:taskId/complete', () => {
    const reviewer = { sub: 'reviewer-bad', roles: ['legal-reviewer' as const], agency: 'RB-BAD' };
    const taskId = reviewWorkflowId(CASE_ID, 1);
    const complete = (body: Record<string, unknown>) =>
      caseApp().staff(reviewer).post(`/api/v1/tasks/${taskId}/complete`).send(body);

    it.each<[string, Record<string, unknown>, string, string]>([
      [
        'a checklist point left out',
        {
          ...REQUEST,
          checklist: { ...CHECKLIST_PASSED, procedure: undefined },
          opinion: '同意',
          outcome: 'approved',
        },
        'checklist.procedure',
        'isDefined',
      ],
      [
        'a checklist answer that is no boolean',
        {
          ...REQUEST,
          checklist: { ...CHECKLIST_PASSED, authority: { passed: 'ok' } },
          opinion: '同意',
          outcome: 'approved',
        },
        'checklist.authority.passed',
        'isBoolean',
      ],
      [
        'an unknown checklist point',
        {
          ...REQUEST,
          checklist: { ...CHECKLIST_PASSED, mood: { passed: true } },
          opinion: '同意',
          outcome: 'approved',
        },
        'checklist.mood',
        'whitelistValidation',
      ],
      [
        'an unknown outcome',
        { ...REQUEST, checklist: CHECKLIST_PASSED, opinion: '同意', outcome: 'fine' },
        'outcome',
        'isIn',
      ],
      [
        'a review without opinion',
        { ...REQUEST, checklist: CHECKLIST_PASSED, outcome: 'approved' },
        'opinion',
        'isDefined',
      ],
      [
        'a ruling on a review task',
        { ...REQUEST, checklist: CHECKLIST_PASSED, opinion: '同意', outcome: 'approved', ruling: 'uphold' },
        'ruling',
        'taskKind',
      ],
    ])('%s', async (_label, body, field, rule) => {
      expectViolation(await complete(body), field, rule);
      const rows: { state: string }[] = await caseApp().dataSource.query(
        `SELECT state FROM case_task WHERE task_id = $1`,
        [taskId],
      );
      expect(rows[0].state).toBe('open');
    });
  });

  it('POST /api/v1/tasks/:taskId/extension without a reason', async () => {
    const head = { sub: 'head-bad', roles: ['leader' as const], agency: 'RB-BAD' };
    expectViolation(
      await caseApp()
        .staff(head)
        .post(`/api/v1/tasks/${reviewWorkflowId(CASE_ID, 1)}/extension`)
        .send(REQUEST),
      'reason',
      'isString',
    );
  });

  it('POST /api/v1/tasks/:taskId/conflict-declaration without a reason', async () => {
    const reviewer = { sub: 'reviewer-bad', roles: ['legal-reviewer' as const], agency: 'RB-BAD' };
    expectViolation(
      await caseApp()
        .staff(reviewer)
        .post(`/api/v1/tasks/${reviewWorkflowId(CASE_ID, 1)}/conflict-declaration`)
        .send(REQUEST),
      'reason',
      'isString',
    );
  });

  // An agency system names its officers in a header; one that is no registry id is refused before the workflow.
  it.each([
    ['a login name', 'zhangsan'],
    ['a login name beside a registry id', `${randomUUID()},officer-1`],
  ])(`POST /api/v1/cases/:caseId/records naming %s in ${ACTING_OFFICERS_HEADER}`, async (_label, header) => {
    const before = await recordLength();
    expectViolation(
      await caseApp()
        .system(AGENCY)
        .post(`/api/v1/cases/${CASE_ID}/records`)
        .set(ACTING_OFFICERS_HEADER, header)
        .send({ ...REQUEST, title: '调取证据记录', content: '……', evidence: [] }),
      ACTING_OFFICERS_HEADER,
      PERSONNEL_ID_RULE,
    );
    expect(await recordLength()).toBe(before);
  });

  it.each(['claim', 'release'])(
    'POST /api/v1/tasks/:taskId/%s of a task that does not exist is 404',
    async (verb) => {
      const response = await caseApp().staff().post(`/api/v1/tasks/no-such-task/${verb}`);
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 404,
        code: 'TASK_NOT_FOUND',
      });
    },
  );
});
