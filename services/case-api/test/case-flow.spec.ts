import {
  ACTING_OFFICERS_HEADER,
  CASE_WORKFLOWS,
  remakeWorkflowId,
  reviewWorkflowId,
  TASK_QUEUES,
  type CaseState,
} from '@lep/contracts';
import { TemporalClient } from '@lep/nest-kit';
import { CaseIndex } from '../src/cases/case-index';
import { useCaseApp, type Staff } from './support/case-app';
import { useCaseWorker } from './support/case-journey';
import { eventually } from './support/case-worker';
import { CHECKLIST_PASSED, chinaToday } from './support/fixtures';

const caseApp = useCaseApp('case_api_flow');
const AGENCY = 'BT01';
const { worker, handler, reviewer, head, newCase, caseState, investigating, draftBody, request, archived } =
  useCaseWorker(caseApp);

const RETURNED_CHECKLIST = {
  ...CHECKLIST_PASSED,
  'law-and-discretion': { passed: false, note: '罚款数额超出裁量基准' },
};

describe('starting a case', () => {
  it('is idempotent on agency and case number: 201 the first time, 200 with the same case after', async () => {
    const first = await caseApp().system(AGENCY).post('/api/v1/cases').send(newCase('FLOW-START'));
    expect(first.status).toBe(201);
    const caseId = first.body.caseId;
    expect(caseId).toBe(`case-${AGENCY}.FLOW-START`);
    await eventually(
      () => caseState(caseId),
      (state) => state?.stage === 'investigating',
      'filing',
    );

    const again = await caseApp()
      .system(AGENCY)
      .post('/api/v1/cases')
      .send(newCase('FLOW-START', { title: '另一个案由' }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      caseId,
      source: 'workflow',
      state: { title: '销售不合格产品案', stage: 'investigating' },
    });

    // The list is the projection, current as of the last committed step: the workflow's own move into
    // investigation shows in its state a moment before its step commits, so the list is awaited, not assumed.
    await eventually(
      () => caseApp().system(AGENCY).get('/api/v1/cases?stage=investigating'),
      (listed) => listed.body.items.some((item: { caseId: string }) => item.caseId === caseId),
      'the case listed in investigation',
    );
  });

  it('a case the registry checks refuse is recorded as refused, with the reasons in Chinese', async () => {
    const response = await caseApp()
      .system(AGENCY)
      .post('/api/v1/cases')
      .send(
        newCase('FLOW-REFUSED', {
          handlerIds: [worker().people.handlers[0], worker().people.expiredHandler],
        }),
      );
    expect(response.status).toBe(201);
    const state = await eventually(
      () => caseState(response.body.caseId),
      (current) => current?.status === 'refused',
      'the refusal',
    );
    expect(state.refusalReasons.join()).toContain('至少 2 名持有效执法证件');
  });
});

describe('a major penalty case driven over HTTP', () => {
  it('refuses a decision before approval, takes the review through the task inbox, and is decided on the approved draft', async () => {
    const started = await caseApp().staff(handler).post('/api/v1/cases').send(newCase('FLOW-MAJOR'));
    const caseId: string = started.body.caseId;
    const cases = `/api/v1/cases/${caseId}`;
    await investigating(caseId);
    const handlerApi = () => caseApp().staff(handler);

    // An inquiry is an on-site act: both handlers, each certificate shown, and the party told why, on what basis,
    // and of the party's rights and duties.
    const recorded = await handlerApi()
      .post(`${cases}/records`)
      .set(ACTING_OFFICERS_HEADER, worker().people.handlers[1])
      .send({
        requestId: request(),
        title: '询问笔录',
        content: '询问张三，制作笔录一份。',
        evidence: [],
        onSite: {
          certificatesShown: [
            { officerId: worker().people.handlers[0], certificateNumber: 'BT-王执法' },
            { officerId: worker().people.handlers[1], certificateNumber: 'BT-李执法' },
          ],
          notice: {
            cause: '涉嫌销售不合格产品',
            legalBasis: '《中华人民共和国产品质量法》第四十九条',
            rightsAndDuties: '有权陈述、申辩，有权申请执法人员回避；应当如实回答询问、协助调查',
          },
        },
      });
    expect(recorded.status).toBe(200);
    expect(recorded.body.source).toBe('workflow');

    let state: CaseState = (await handlerApi().post(`${cases}/draft-decision`).send(draftBody(50_000))).body
      .state;
    expect(state).toMatchObject({ stage: 'drafting', major: true });
    state = (await handlerApi().post(`${cases}/notice`).send({ requestId: request(), hearingRights: false }))
      .body.state;
    expect(state.stage).toBe('notified');
    state = (await handlerApi().post(`${cases}/review-submission`).send({ requestId: request() })).body.state;
    expect(state.stage).toBe('legal-review');

    // The hard rule: no decision on a major case before its review approved this draft; nothing recorded.
    const before = state.recordEntries;
    const early = await caseApp()
      .staff(head)
      .post(`${cases}/decision`)
      .send({ requestId: request(), draftHash: state.draft?.hash, decidedOn: chinaToday() });
    expect({ status: early.status, code: early.body.code }).toEqual({
      status: 409,
      code: 'REVIEW_NOT_APPROVED',
    });
    expect(early.body.message).toMatch(/重大执法决定/);
    expect((await caseState(caseId)).recordEntries).toBe(before);

    // The review body's inbox holds round 1.
    const taskId = reviewWorkflowId(caseId, 1);
    // The round's workflow opens the task just after the submission answers.
    const inbox = await eventually(
      () => caseApp().staff(reviewer).get('/api/v1/tasks?state=open&role=legal-reviewer'),
      (response) => response.body.items.length > 0,
      'the review task',
    );
    expect(inbox.body.items).toEqual([
      expect.objectContaining({ taskId, caseId, kind: 'legal-review', round: 1 }),
    ]);
    expect((await caseApp().staff(reviewer).get(cases)).status).toBe(200);

    // A handler of the case who also holds the reviewer role may not review it.
    const ownReview = await caseApp()
      .staff({ ...handler, roles: ['legal-reviewer'] })
      .post(`/api/v1/tasks/${taskId}/complete`)
      .send({ requestId: request(), checklist: CHECKLIST_PASSED, opinion: '同意', outcome: 'approved' });
    expect({ status: ownReview.status, code: ownReview.body.code }).toEqual({
      status: 403,
      code: 'REVIEWER_IS_HANDLER',
    });

    // The workflow's own checks come back with its code: an approval with a failed point is inconsistent.
    const inconsistent = await caseApp()
      .staff(reviewer)
      .post(`/api/v1/tasks/${taskId}/complete`)
      .send({ requestId: request(), checklist: RETURNED_CHECKLIST, opinion: '同意', outcome: 'approved' });
    expect({ status: inconsistent.status, code: inconsistent.body.code }).toEqual({
      status: 400,
      code: 'REVIEW_CHECKLIST_INCONSISTENT',
    });

    // The head of the review body extends the SLA once.
    const dueBefore = (await caseApp().staff(reviewer).post(`/api/v1/tasks/${taskId}/claim`)).body.dueAt;
    const extended = await caseApp()
      .staff(head)
      .post(`/api/v1/tasks/${taskId}/extension`)
      .send({ requestId: request(), reason: '补充材料' });
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.dueAt)).toBeGreaterThan(Date.parse(dueBefore));
    const twice = await caseApp()
      .staff(head)
      .post(`/api/v1/tasks/${taskId}/extension`)
      .send({ requestId: request(), reason: '再次延长' });
    expect({ status: twice.status, message: twice.body.message }).toEqual({
      status: 409,
      message: '法制审核期限只能延长一次',
    });

    // Returned; the same completion again (its answer lost) is answered; a second completion is refused.
    const returning = {
      requestId: request(),
      checklist: RETURNED_CHECKLIST,
      opinion: '裁量不当，请调整罚款数额。',
      outcome: 'returned',
    };
    const returned = await caseApp().staff(reviewer).post(`/api/v1/tasks/${taskId}/complete`).send(returning);
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      state: 'completed',
      completedBy: reviewer.sub,
      outcome: { outcome: 'returned' },
    });
    const retried = await caseApp().staff(reviewer).post(`/api/v1/tasks/${taskId}/complete`).send(returning);
    expect({ status: retried.status, body: retried.body }).toEqual({ status: 200, body: returned.body });
    const second = await caseApp()
      .staff(reviewer)
      .post(`/api/v1/tasks/${taskId}/complete`)
      .send({ requestId: request(), checklist: CHECKLIST_PASSED, opinion: '同意', outcome: 'approved' });
    expect({ status: second.status, code: second.body.code }).toEqual({ status: 409, code: 'TASK_NOT_OPEN' });

    // The handling unit disputes; the agency head overrules the opinion (final), which approves the draft.
    await eventually(
      () => caseState(caseId),
      (current) => current.reviewRounds[0]?.outcome === 'returned',
      'round 1',
    );
    const disputed = await handlerApi()
      .post(`${cases}/review-dispute`)
      .send({ requestId: request(), reason: '罚款数额符合裁量基准' });
    expect(disputed.status).toBe(200);
    const coordination = await eventually(
      async () => (await caseApp().staff(head).get('/api/v1/tasks?role=leader&state=open')).body.items,
      (items: { taskId: string }[]) => items.length === 1,
      'the coordination task',
    );
    // Overruling a failed review rests on a 集体讨论 (domain.md L6c): refused without its record.
    const undiscussed = await caseApp()
      .staff(head)
      .post(`/api/v1/tasks/${coordination[0].taskId}/complete`)
      .send({ requestId: request(), ruling: 'overrule', reason: '采纳承办机构意见' });
    expect(undiscussed.status).toBe(400);
    expect(undiscussed.body.violations).toEqual([
      expect.objectContaining({ field: 'collectiveDiscussion', rule: 'requiredToOverrule' }),
    ]);
    const ruled = await caseApp()
      .staff(head)
      .post(`/api/v1/tasks/${coordination[0].taskId}/complete`)
      .send({
        requestId: request(),
        ruling: 'overrule',
        reason: '经集体讨论，采纳承办机构意见',
        collectiveDiscussion: {
          heldOn: chinaToday(),
          participants: ['王局长', '李副局长', '赵副局长'],
          minutesReference: '石市监纪〔2026〕12号',
          conclusion: '罚款数额在裁量基准范围内，采纳承办机构意见',
        },
      });
    expect(ruled.body).toMatchObject({ state: 'completed', outcome: { ruling: 'overrule' } });

    const decideRequest = request();
    state = await caseState(caseId);
    const decided = await caseApp()
      .staff(head)
      .post(`${cases}/decision`)
      .send({ requestId: decideRequest, draftHash: state.draft?.hash, decidedOn: chinaToday() });
    expect(decided.status).toBe(200);
    expect(decided.body.state.stage).toBe('decided');
    // The same request again answers the same decision and applies nothing twice.
    const repeated = await caseApp()
      .staff(head)
      .post(`${cases}/decision`)
      .send({ requestId: decideRequest, draftHash: state.draft?.hash, decidedOn: chinaToday() });
    expect(repeated.body.state.decision).toEqual(decided.body.state.decision);

    state = await archived(caseId);
    expect(state).toMatchObject({ stage: 'archived', status: 'archived' });

    // An archived case still answers, and its record verifies end to end.
    expect((await handlerApi().get(cases)).body.state).toMatchObject({ stage: 'archived' });
    const afterArchive = await handlerApi()
      .post(`${cases}/service`)
      .send({ requestId: request(), note: '再次送达' });
    expect({ status: afterArchive.status, code: afterArchive.body.code }).toEqual({
      status: 409,
      code: 'CASE_NOT_OPEN',
    });
    const record = await handlerApi().get(`${cases}/record`);
    expect(record.body.verification).toMatchObject({ valid: true });
    expect(record.body.entries.map((entry: { content: { title: string } }) => entry.content.title)).toEqual(
      expect.arrayContaining([
        '询问笔录',
        expect.stringContaining('法制审核意见书（第 1 轮）：退回修改'),
        '立卷归档',
      ]),
    );

    // 责任追究 (domain.md L6b): who did each part of the decision, each citing the record entries that prove it.
    const trail = await caseApp().staff(head).get(`${cases}/accountability`).expect(200);
    const [decision] = trail.body.decisions;
    const who = (part: string) => decision[part].map((person: { id: string }) => person.id);
    expect(decision.decisionId).toBe(decided.body.state.decision.decisionId);
    expect(who('filed')).toEqual([handler.sub]);
    expect(who('investigated')).toEqual(expect.arrayContaining([handler.sub]));
    expect(who('drafted')).toEqual([handler.sub]);
    expect(who('reviewed')).toEqual([reviewer.sub]);
    expect(decision.reviewed[0].entries.map((cited: { title: string }) => cited.title)).toEqual([
      '法制审核意见书（第 1 轮）：退回修改',
    ]);
    expect(who('overruled')).toEqual([head.sub]);
    expect(who('decided')).toEqual([head.sub]);
    const hashes = new Map(
      record.body.entries.map((entry: { sequence: number; hash: string }) => [entry.sequence, entry.hash]),
    );
    for (const cited of decision.decided[0].entries) expect(hashes.get(cited.sequence)).toBe(cited.hash);
  });
});

describe('who reviews and who overrules, over HTTP (domain.md L2a, L2b, L6c)', () => {
  it('keeps out a reviewer who declared a conflict, has a 公职律师 without 执法证 return the draft, and lets only the principal leader overrule', async () => {
    const started = await caseApp().staff(handler).post('/api/v1/cases').send(newCase('FLOW-REVIEWERS'));
    const caseId: string = started.body.caseId;
    const cases = `/api/v1/cases/${caseId}`;
    await investigating(caseId);
    const handlerApi = () => caseApp().staff(handler);
    await handlerApi().post(`${cases}/draft-decision`).send(draftBody(50_000)).expect(200);
    await handlerApi()
      .post(`${cases}/notice`)
      .send({ requestId: request(), hearingRights: false })
      .expect(200);
    await handlerApi().post(`${cases}/review-submission`).send({ requestId: request() }).expect(200);
    const taskId = reviewWorkflowId(caseId, 1);
    await eventually(
      () => caseApp().staff(reviewer).get('/api/v1/tasks?state=open&role=legal-reviewer'),
      (response) => response.body.items.some((item: { taskId: string }) => item.taskId === taskId),
      'the review task',
    );

    await caseApp().staff(reviewer).post(`/api/v1/tasks/${taskId}/claim`).expect(200);
    const declared = await caseApp()
      .staff(reviewer)
      .post(`/api/v1/tasks/${taskId}/conflict-declaration`)
      .send({ requestId: request(), reason: '审核人员曾为当事人提供法律服务' });
    expect(declared.status).toBe(200);
    expect(declared.body).toMatchObject({ taskId, state: 'open', claimedBy: null });
    const refused = await caseApp()
      .staff(reviewer)
      .post(`/api/v1/tasks/${taskId}/complete`)
      .send({ requestId: request(), checklist: CHECKLIST_PASSED, opinion: '同意', outcome: 'approved' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 403,
      code: 'REVIEWER_CONFLICT_DECLARED',
    });

    const lawyer: Staff = { sub: worker().people.publicLawyer, roles: ['legal-reviewer'], agency: AGENCY };
    const returned = await caseApp().staff(lawyer).post(`/api/v1/tasks/${taskId}/complete`).send({
      requestId: request(),
      checklist: RETURNED_CHECKLIST,
      opinion: '罚款数额超出裁量基准',
      outcome: 'returned',
    });
    expect(returned.body).toMatchObject({ state: 'completed', completedBy: worker().people.publicLawyer });

    await eventually(
      () => caseState(caseId),
      (current) => current.reviewRounds[0]?.outcome === 'returned',
      'round 1',
    );
    await handlerApi()
      .post(`${cases}/review-dispute`)
      .send({ requestId: request(), reason: '罚款数额符合裁量基准' })
      .expect(200);
    const coordination = await eventually(
      async () => (await caseApp().staff(head).get('/api/v1/tasks?role=leader&state=open')).body.items,
      (items: { caseId: string; taskId: string }[]) => items.some((item) => item.caseId === caseId),
      'the coordination task',
    );
    const coordinationId = coordination.find((item) => item.caseId === caseId)!.taskId;
    const deputy: Staff = { sub: worker().people.deputyLeader, roles: ['leader'], agency: AGENCY };
    const ruling = {
      ruling: 'overrule',
      reason: '经集体讨论，采纳承办机构意见',
      collectiveDiscussion: {
        heldOn: chinaToday(),
        participants: ['马局长', '吴副局长'],
        minutesReference: '石市监纪〔2026〕13号',
        conclusion: '采纳承办机构意见',
      },
    };
    const byDeputy = await caseApp()
      .staff(deputy)
      .post(`/api/v1/tasks/${coordinationId}/complete`)
      .send({ requestId: request(), ...ruling });
    expect({ status: byDeputy.status, code: byDeputy.body.code }).toEqual({
      status: 403,
      code: 'NOT_PRINCIPAL_LEADER',
    });
    const byPrincipal = await caseApp()
      .staff(head)
      .post(`/api/v1/tasks/${coordinationId}/complete`)
      .send({ requestId: request(), ...ruling });
    expect(byPrincipal.body).toMatchObject({ state: 'completed', outcome: { ruling: 'overrule' } });
  });
});

describe('completing one review task twice at the same moment', () => {
  it('applies exactly one completion; the other answers 409', async () => {
    const started = await caseApp().staff(handler).post('/api/v1/cases').send(newCase('FLOW-RACE'));
    const caseId: string = started.body.caseId;
    const cases = `/api/v1/cases/${caseId}`;
    await investigating(caseId);
    await caseApp().staff(handler).post(`${cases}/draft-decision`).send(draftBody(50_000));
    await caseApp()
      .staff(handler)
      .post(`${cases}/notice`)
      .send({ requestId: request(), hearingRights: false });
    await caseApp().staff(handler).post(`${cases}/review-submission`).send({ requestId: request() });

    const taskId = reviewWorkflowId(caseId, 1);
    const colleague: Staff = { sub: 'reviewer-colleague', roles: ['legal-reviewer'], agency: AGENCY };
    await eventually(
      () => caseApp().staff(reviewer).get(`/api/v1/tasks?state=open`),
      (response) => response.body.items.some((task: { taskId: string }) => task.taskId === taskId),
      'the review task',
    );
    const answers = await Promise.all(
      [reviewer, colleague].map((staff) =>
        caseApp().staff(staff).post(`/api/v1/tasks/${taskId}/complete`).send({
          requestId: request(),
          checklist: CHECKLIST_PASSED,
          opinion: '同意按草案作出决定。',
          outcome: 'approved',
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body.code).toBe('TASK_NOT_OPEN');

    const record = await caseApp().staff(handler).get(`${cases}/record`);
    const opinions = record.body.entries.filter((entry: { content: { title: string } }) =>
      entry.content.title.startsWith('法制审核意见书'),
    );
    expect(opinions).toHaveLength(1);
    expect(record.body.verification.valid).toBe(true);
  });
});

describe('the other actions reach their updates', () => {
  async function notifiedCase(
    caseNumber: string,
    hearingRights: boolean,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const started = await caseApp().staff(handler).post('/api/v1/cases').send(newCase(caseNumber, overrides));
    const caseId: string = started.body.caseId;
    await investigating(caseId);
    await caseApp().staff(handler).post(`/api/v1/cases/${caseId}/draft-decision`).send(draftBody(5_000));
    const notified = await caseApp()
      .staff(handler)
      .post(`/api/v1/cases/${caseId}/notice`)
      .send({ requestId: request(), hearingRights });
    expect(notified.body.state).toMatchObject({ stage: 'notified', major: false });
    return caseId;
  }

  it('hearing request, hearing held (which makes the decision major) and the head’s extension of the limit', async () => {
    const caseId = await notifiedCase('FLOW-HEARING', true);
    const cases = `/api/v1/cases/${caseId}`;
    // The agency's own system records the party's request, naming the handler who received it.
    const requested = await caseApp()
      .system(AGENCY)
      .post(`${cases}/hearing-request`)
      .set(ACTING_OFFICERS_HEADER, worker().people.handlers[0])
      .send({ requestId: request() });
    expect(requested.body.state).toMatchObject({
      stage: 'hearing',
      hearing: { requestedAt: expect.any(String) },
    });
    const held = await caseApp()
      .staff(handler)
      .post(`${cases}/hearing`)
      .send({ requestId: request(), report: '听证会于某日举行，当事人到场陈述申辩。' });
    expect(held.body.state).toMatchObject({ major: true, hearing: { heldAt: expect.any(String) } });

    const limit = (state: CaseState) =>
      state.deadlines.find((deadline) => deadline.kind === 'decision-limit')?.dueAt;
    const before = limit(held.body.state) as string;
    const extended = await caseApp()
      .staff(head)
      .post(`${cases}/decision-limit-extension`)
      .send({ requestId: request(), approvedBy: '王局长', reason: '案情复杂，需补充鉴定', days: 30 });
    expect(extended.status).toBe(200);
    expect(Date.parse(limit(extended.body.state) as string) - Date.parse(before)).toBe(30 * 86_400_000);
  });

  it('the unit’s finding after filing that the decision is major: recorded, and the decision then waits for review', async () => {
    const caseId = await notifiedCase('FLOW-DECLARED', false);
    const cases = `/api/v1/cases/${caseId}`;
    const declared = await caseApp()
      .staff(handler)
      .post(`${cases}/major-declaration`)
      .send({ requestId: request(), reason: '涉及重大公共利益' });
    expect(declared.status).toBe(200);
    expect(declared.body.state).toMatchObject({
      major: true,
      majorReasons: ['承办机构认定：涉及重大公共利益'],
    });
    const decided = await caseApp()
      .staff(head)
      .post(`${cases}/decision`)
      .send({ requestId: request(), draftHash: declared.body.state.draft.hash, decidedOn: chinaToday() });
    expect(decided.status).toBe(409);
    expect(decided.body.code).toBe('REVIEW_NOT_APPROVED');
    const record = await caseApp().staff(handler).get(`${cases}/record`).expect(200);
    expect(record.body.entries).toContainEqual(
      expect.objectContaining({
        content: expect.objectContaining({ action: 'major-declared', title: '承办机构认定为重大执法决定' }),
      }),
    );
  });

  it('a decision by the head (a handler’s is refused) on a case that needs no review, then its revocation', async () => {
    const caseId = await notifiedCase('FLOW-REVOKE', false);
    const cases = `/api/v1/cases/${caseId}`;
    const state: CaseState = (await caseApp().staff(handler).get(cases)).body.state;
    const byHandler = await caseApp()
      .staff(handler)
      .post(`${cases}/decision`)
      .send({ requestId: request(), draftHash: state.draft?.hash, decidedOn: chinaToday() });
    expect(byHandler.status).toBe(403);
    const predated = await caseApp()
      .staff(head)
      .post(`${cases}/decision`)
      .send({ requestId: request(), draftHash: state.draft?.hash, decidedOn: '2099-01-01' });
    expect(predated.status).toBe(422);
    expect(predated.body).toMatchObject({
      code: 'DECISION_DATE_INVALID',
      message: expect.stringContaining('决定书载明的日期 2099-01-01 晚于今天'),
    });
    const decided = await caseApp()
      .staff(head)
      .post(`${cases}/decision`)
      .send({ requestId: request(), draftHash: state.draft?.hash, decidedOn: chinaToday() });
    expect(decided.body.state.stage).toBe('decided');
    const revoked = await caseApp()
      .staff(head)
      .post(`${cases}/revocation`)
      .send({
        requestId: request(),
        kind: 'revoked',
        reason: '认定事实不清，依法撤销',
        source: { kind: 'self-correction', documentNumber: '兵一市监纠〔2026〕1号', decidedOn: chinaToday() },
      });
    expect(revoked.body.state.withdrawal).toMatchObject({
      kind: 'revoked',
      reason: '认定事实不清，依法撤销',
      source: { kind: 'self-correction', documentNumber: '兵一市监纠〔2026〕1号' },
    });
    const withdrawn = await caseApp().staff(head).get('/api/v1/withdrawn-decisions').expect(200);
    const listed = withdrawn.body.items.find((item: { caseId: string }) => item.caseId === caseId);
    expect(listed.decisions).toEqual([
      expect.objectContaining({
        decisionId: decided.body.state.decision.decisionId,
        decided: [expect.objectContaining({ id: head.sub })],
        withdrawn: [
          expect.objectContaining({ id: head.sub, kind: 'revoked', reason: '认定事实不清，依法撤销' }),
        ],
      }),
    ]);
  });

  it('a decision revoked on 复议 after its case was archived: once, recorded on the same chain, sent to publication; bad requests change nothing', async () => {
    const caseId = await notifiedCase('FLOW-WITHDRAW-ARCHIVED', false);
    const cases = `/api/v1/cases/${caseId}`;
    const state: CaseState = (await caseApp().staff(handler).get(cases)).body.state;
    const decided = await caseApp()
      .staff(head)
      .post(`${cases}/decision`)
      .send({ requestId: request(), draftHash: state.draft?.hash, decidedOn: chinaToday() });
    const decisionId: string = decided.body.state.decision.decisionId;
    expect(await archived(caseId)).toMatchObject({ status: 'archived' });
    const entriesBefore = (await caseApp().staff(head).get(`${cases}/record`)).body.entries.length;

    const source = {
      kind: 'reconsideration',
      documentNumber: '兵司复决〔2026〕12号',
      decidedOn: chinaToday(),
    };
    const revocation = (overrides: Record<string, unknown> = {}) => ({
      requestId: request(),
      kind: 'revoked',
      reason: '复议机关认定事实不清，撤销原处罚决定',
      source,
      ...overrides,
    });
    const refused = async (staff: Staff, body: object) => {
      const answer = await caseApp().staff(staff).post(`${cases}/revocation`).send(body);
      return {
        status: answer.status,
        code: answer.body.code,
        // Each field once, whichever rules it broke.
        fields: answer.body.violations && [
          ...new Set(answer.body.violations.map((violation: { field: string }) => violation.field)),
        ],
      };
    };
    expect(await refused(head, revocation({ source: undefined }))).toMatchObject({
      status: 400,
      fields: ['source'],
    });
    expect(await refused(head, revocation({ kind: 'annulled' }))).toMatchObject({
      status: 400,
      fields: ['kind'],
    });
    expect(await refused(head, revocation({ source: { ...source, kind: 'petition' } }))).toMatchObject({
      status: 400,
      fields: ['source.kind'],
    });
    expect(await refused(head, revocation({ source: { ...source, decidedOn: '2099-01-01' } }))).toMatchObject(
      {
        status: 400,
        code: 'VALIDATION_FAILED',
        fields: ['source.decidedOn'],
      },
    );
    expect(await refused(handler, revocation())).toMatchObject({ status: 403 });
    const otherHead: Staff = { sub: 'head-bt02', roles: ['leader'], agency: 'BT02' };
    expect(await refused(otherHead, revocation())).toMatchObject({ status: 403 });
    // 撤销 is a registered leader's act after archive too (domain.md R8b): a leader token of someone the registry
    // does not know is refused by the withdrawal's own check, and the decision stays for a rightful request.
    const unregistered: Staff = { sub: 'head-unregistered', roles: ['leader'], agency: head.agency };
    expect(await refused(unregistered, revocation())).toMatchObject({
      status: 403,
      code: 'OFFICER_NOT_REGISTERED',
    });
    expect((await caseApp().staff(head).get(`${cases}/record`)).body.entries).toHaveLength(entriesBefore);

    const body = revocation();
    const withdrawn = await caseApp().staff(head).post(`${cases}/revocation`).send(body);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toMatchObject({
      status: 'archived',
      withdrawal: { kind: 'revoked', decisionId, source },
    });
    // The same request again is the same withdrawal; another one is refused: a decision is withdrawn once.
    const again = await caseApp().staff(head).post(`${cases}/revocation`).send(body);
    expect(again.body.state.withdrawal).toEqual(withdrawn.body.state.withdrawal);
    expect(await refused(head, revocation({ kind: 'confirmed-illegal' }))).toMatchObject({
      status: 409,
      code: 'DECISION_ALREADY_WITHDRAWN',
    });
    expect((await caseApp().staff(head).get(cases)).body.state.withdrawal).toMatchObject({
      decisionId,
      source,
    });

    const record = (await caseApp().staff(head).get(`${cases}/record`)).body;
    expect(record.verification).toMatchObject({ valid: true });
    expect(record.entries).toHaveLength(entriesBefore + 1);
    expect(record.entries.at(-1).content).toMatchObject({
      action: 'withdrawn:revoked',
      actor: expect.objectContaining({ id: head.sub }),
      details: { decisionId, source, withdrawBy: expect.any(String) },
    });
    const events: { type: string; data: Record<string, unknown> }[] = (
      await caseApp().dataSource.query(
        `SELECT event FROM outbox_event WHERE message_key = $1 ORDER BY created_at`,
        [decisionId],
      )
    ).map((row: { event: { type: string; data: Record<string, unknown> } }) => row.event);
    // Every attempt is in the audit log: the withdrawal applied, the bad and foreign ones refused or denied.
    const audited: { outcome: string; status: number }[] = (
      await caseApp().dataSource.query(
        `SELECT content FROM audit_entry WHERE content->>'path' = $1 ORDER BY sequence`,
        [`${cases}/revocation`],
      )
    ).map((row: { content: { outcome: string; status: number } }) => row.content);
    expect(audited.map((entry) => entry.outcome)).toEqual([
      'refused',
      'refused',
      'refused',
      'refused',
      'denied',
      'denied',
      // The unregistered leader, refused by the withdrawal's officer check.
      'denied',
      'applied',
      'applied',
      'refused',
    ]);
    expect(events.filter((event) => event.type === 'cn.lep.case.decision.withdrawn.v1')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ decisionId, kind: 'revoked', source }) }),
    ]);
  });

  it('a decision a court orders re-made after archive: withdrawn, then re-made in a new case whose decision names it', async () => {
    const caseId = await notifiedCase('FLOW-REMADE-ARCHIVED', false);
    const cases = `/api/v1/cases/${caseId}`;
    const decideOn = async (path: string) => {
      const current: CaseState = (await caseApp().staff(handler).get(path)).body.state;
      return (
        await caseApp()
          .staff(head)
          .post(`${path}/decision`)
          .send({ requestId: request(), draftHash: current.draft?.hash, decidedOn: chinaToday() })
      ).body.state as CaseState;
    };
    const original = (await decideOn(cases)).decision?.decisionId as string;
    for (const action of ['service', 'closure', 'archive'])
      await caseApp()
        .staff(handler)
        .post(`${cases}/${action}`)
        .send({ requestId: request(), note: '依法办理' });

    // Not yet withdrawn: no new case may claim to re-make it.
    const early = await caseApp()
      .staff(handler)
      .post('/api/v1/cases')
      .send(newCase('FLOW-REMADE-EARLY', { remakesDecisionId: original }));
    expect(early.status).toBe(400);
    expect(early.body.violations).toEqual([
      expect.objectContaining({ field: 'remakesDecisionId', rule: 'withdrawnToBeRemade' }),
    ]);

    const withdrawn = await caseApp()
      .staff(head)
      .post(`${cases}/revocation`)
      .send({
        requestId: request(),
        kind: 'remade',
        reason: '人民法院判决撤销并责令重新作出',
        source: { kind: 'judgment', documentNumber: '（2026）兵0101行初5号', decidedOn: chinaToday() },
      });
    expect(withdrawn.body.state).toMatchObject({ status: 'archived', withdrawal: { kind: 'remade' } });

    // A case refused at filing never re-makes anything: it leaves the decision to the next case.
    const refusedRemake = await caseApp()
      .staff(handler)
      .post('/api/v1/cases')
      .send(
        newCase('FLOW-REMADE-REFUSED', {
          remakesDecisionId: original,
          handlerIds: [worker().people.handlers[0], worker().people.expiredHandler],
        }),
      );
    expect(refusedRemake.status).toBe(201);
    // The claim check reads the refusal from the case index, which the refusal's step writes a moment after the
    // workflow (and so a case read) shows it: wait for the index.
    await eventually(
      () => caseApp().app.get(CaseIndex).find(refusedRemake.body.caseId),
      (row) => row?.status === 'refused',
      'the refusal in the case index',
    );

    // A claim just taken by a case whose start is still on its way (case-api claims, then starts the case) holds
    // the decision: a start in that moment is told which case has it, not let through to a claim of its own.
    const inFlight = `case-${AGENCY}.FLOW-REMADE-INFLIGHT`;
    await caseApp()
      .app.get(TemporalClient)
      .client.workflow.start(CASE_WORKFLOWS.decisionRemake, {
        workflowId: remakeWorkflowId(original, 1),
        taskQueue: TASK_QUEUES.cases,
        args: [{ decisionId: original, caseId: inFlight }],
        memo: { caseId: inFlight },
      });
    const meanwhile = await caseApp()
      .staff(handler)
      .post('/api/v1/cases')
      .send(newCase('FLOW-REMADE-MEANWHILE', { remakesDecisionId: original }));
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.body.message).toContain(inFlight);
    // That case then starts on its claim; refused at filing, it leaves the decision to the next case again.
    const inFlightStart = await caseApp()
      .staff(handler)
      .post('/api/v1/cases')
      .send(
        newCase('FLOW-REMADE-INFLIGHT', {
          remakesDecisionId: original,
          handlerIds: [worker().people.handlers[0], worker().people.expiredHandler],
        }),
      );
    expect(inFlightStart.status).toBe(201);
    await eventually(
      () => caseApp().app.get(CaseIndex).find(inFlight),
      (row) => row?.status === 'refused',
      'the in-flight claimant refused in the case index',
    );

    // Two cases started at once to re-make it: exactly one does; the other is told which case has.
    const rivals = await Promise.all(
      ['FLOW-REMADE-NEW', 'FLOW-REMADE-RIVAL'].map((caseNumber) =>
        caseApp()
          .staff(handler)
          .post('/api/v1/cases')
          .send(newCase(caseNumber, { remakesDecisionId: original })),
      ),
    );
    expect(rivals.map((response) => response.status).sort()).toEqual([201, 409]);
    const winner = rivals.find((response) => response.status === 201)!;
    const loser = rivals.find((response) => response.status === 409)!;
    expect(loser.body).toMatchObject({
      code: 'DECISION_ALREADY_REMADE',
      violations: [expect.objectContaining({ field: 'remakesDecisionId', rule: 'remadeOnce' })],
    });
    expect(loser.body.message).toContain(winner.body.caseId);
    const winnerNumber = rivals[0] === winner ? 'FLOW-REMADE-NEW' : 'FLOW-REMADE-RIVAL';
    // A later one is refused the same way; the winner's own start again finds its case.
    const later = await caseApp()
      .staff(handler)
      .post('/api/v1/cases')
      .send(newCase('FLOW-REMADE-LATER', { remakesDecisionId: original }));
    expect(later.status).toBe(409);
    expect(later.body.code).toBe('DECISION_ALREADY_REMADE');

    const remaking = await notifiedCase(winnerNumber, false, { remakesDecisionId: original });
    expect(remaking).toBe(winner.body.caseId);
    const remade = (await decideOn(`/api/v1/cases/${remaking}`)).decision?.decisionId as string;
    const [made]: { event: { data: { replacesDecisionId?: string } } }[] = await caseApp().dataSource.query(
      `SELECT event FROM outbox_event WHERE message_key = $1 AND event->>'type' = 'cn.lep.case.decision.made.v1'`,
      [remade],
    );
    expect(made.event.data.replacesDecisionId).toBe(original);
  });
});
