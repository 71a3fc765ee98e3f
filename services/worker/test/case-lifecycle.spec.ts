import { randomUUID } from 'node:crypto';
import { CalendarClient, chinaDateOf, type CalendarRegion } from '@lep/calendar';
import { readCaseRecord } from '@lep/case-store';
import {
  CASE_EVENT_TYPES,
  CASE_WORKFLOWS,
  caseUpdates,
  withdrawalWorkflowId,
  type DecisionWithdrawalInput,
  reviewUpdates,
  type CaseActor,
  type CaseStageChangedData,
  type CaseState,
} from '@lep/contracts';
import { WorkflowIdReusePolicy, WorkflowNotFoundError } from '@temporalio/client';
import { AGENCY, startCaseHarness, HANDLER_ACTOR, type CaseHarness } from './support/case-harness';
import {
  act,
  completeReviewTask,
  completion,
  draft,
  eventually,
  linkEvidence,
  openTask,
  refusalCode,
  underInvestigation,
} from './support/case-steps';

const DAY = 86_400_000;

let harness: CaseHarness;
let handler: CaseActor;
/** The agency head who decides, extends and revokes (not a handler of the case: domain.md R8b). */
let leader: CaseActor;
let reviewer: CaseActor;

beforeAll(async () => {
  harness = await startCaseHarness();
  handler = HANDLER_ACTOR(harness.people.handlers[0]);
  leader = { id: harness.people.deputyLeader, role: 'leader', agencyCode: AGENCY };
  reviewer = { id: harness.people.reviewer, role: 'legal-reviewer', agencyCode: AGENCY };
}, 120_000);

afterAll(() => harness?.close());

async function outboxTypes(caseId: string): Promise<string[]> {
  const rows: { type: string }[] = await harness.dataSource.query(
    `SELECT event->>'type' AS type FROM outbox_event WHERE event->>'id' LIKE $1 ORDER BY created_at, id`,
    [`${caseId}/%`],
  );
  return rows.map((row) => row.type);
}

const investigating = (handle: Awaited<ReturnType<CaseHarness['startCase']>>): Promise<CaseState> =>
  underInvestigation(harness, handle, handler.id);

describe('which decisions are major (domain.md L3)', () => {
  it('reads the fine from the draft itself: ¥200,000 declared as ¥0 beside it is still major', async () => {
    const handle = await harness.startCase();
    await investigating(handle);
    const drafted = draft(handler, 200_000);
    const state = await act(handle, caseUpdates.draftDecision, {
      ...drafted,
      facts: { ...drafted.facts, fineYuan: 0 },
    });
    expect(state.major).toBe(true);
    expect(state.majorReasons).toContain('对自然人罚款 200000 元，达到本机关目录规定的 10000 元标准');
    await harness.endCase(handle);
  });

  it('makes a revocation in the draft major though the declared measures leave it out', async () => {
    const handle = await harness.startCase();
    await investigating(handle);
    const drafted = draft(handler, 500);
    const state = await act(handle, caseUpdates.draftDecision, {
      ...drafted,
      penalty: { ...drafted.penalty!, penaltyKinds: ['罚款', '吊销营业执照'] },
    });
    expect(state.majorReasons).toEqual(['吊销许可证件属于本机关目录所列情形']);
    await harness.endCase(handle);
  });

  it('makes a decision reached after a hearing major, whatever the amount', async () => {
    const handle = await harness.startCase();
    await investigating(handle);
    await act(handle, caseUpdates.draftDecision, draft(handler, 500));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: true });
    expect((await act(handle, caseUpdates.requestHearing, { actor: handler })).major).toBe(false);
    const heard = await act(handle, caseUpdates.recordHearing, { actor: handler, report: '听证报告' });
    expect(heard).toMatchObject({ major: true, majorReasons: ['经过听证程序作出'] });
    await harness.endCase(handle);
  });

  it('takes the unit’s finding that a decision is major after filing, before the decision', async () => {
    const handle = await harness.startCase();
    await investigating(handle);
    await act(handle, caseUpdates.draftDecision, draft(handler, 500));
    const declared = await act(handle, caseUpdates.declareMajor, {
      actor: handler,
      reason: '直接关系第三人重大权益',
    });
    expect(declared).toMatchObject({ major: true, majorReasons: ['承办机构认定：直接关系第三人重大权益'] });
    // A revised draft is judged again; the unit's finding stays first.
    const revised = await act(handle, caseUpdates.draftDecision, draft(handler, 20_000));
    expect(revised.majorReasons).toEqual([
      '承办机构认定：直接关系第三人重大权益',
      '对自然人罚款 20000 元，达到本机关目录规定的 10000 元标准',
    ]);
    await harness.endCase(handle);
  });

  it('judges an agency that has published no catalogue by the platform default, naming it', async () => {
    const { facts, ...drafted } = draft(handler, 60_000);
    const prepared = await harness.activities.prepareDraft({
      agencyCode: 'BT-NO-CATALOGUE',
      itemCode: 'P-001',
      asOf: new Date().toISOString(),
      draft: { ...drafted, facts, party: { type: 'legal-person', name: '某某有限公司' } },
      facts: { ...facts, partyType: 'legal-person', hearingHeld: false },
    });
    expect(prepared.verdict).toEqual({
      major: true,
      reasons: ['对法人罚款 60000 元，达到平台默认目录（第 1 版）规定的 50000 元标准'],
      catalogVersion: 1,
      catalog: 'platform-default',
    });
  });

  it('judges by the default version the platform admin publishes, from its publication on', async () => {
    const before = new Date().toISOString();
    const first = await harness.registry.call<{ content: Record<string, unknown> }>(
      'GET',
      '/api/v1/platform/review-catalog',
    );
    const published = await harness.registry.call<{ version: number; publishedAt: string }>(
      'POST',
      '/api/v1/platform/review-catalog',
      { ...first.content, fineThresholds: [{ partyType: 'legal-person', minimumYuan: 30_000 }] },
    );
    const { facts, ...drafted } = draft(handler, 40_000);
    const judged = (asOf: string) =>
      harness.activities.prepareDraft({
        agencyCode: 'BT-NO-CATALOGUE',
        itemCode: 'P-001',
        asOf,
        draft: { ...drafted, facts, party: { type: 'legal-person', name: '某某有限公司' } },
        facts: { ...facts, partyType: 'legal-person', hearingHeld: false },
      });
    expect((await judged(published.publishedAt)).verdict).toEqual({
      major: true,
      reasons: [`对法人罚款 40000 元，达到平台默认目录（第 ${published.version} 版）规定的 30000 元标准`],
      catalogVersion: published.version,
      catalog: 'platform-default',
    });
    // A case filed before the new version is still judged by the one in force at its filing.
    expect((await judged(before)).verdict).toMatchObject({
      major: false,
      catalogVersion: published.version - 1,
    });
    await harness.registry.call('POST', '/api/v1/platform/review-catalog', first.content);
  });

  it("makes every decision on an item the agency's catalogue lists major, and cites its other rules with their source", async () => {
    const catalog = await harness.registry.call<{ content: Record<string, unknown> }>(
      'GET',
      `/api/v1/agencies/${AGENCY}/review-catalog`,
    );
    await harness.registry.call('POST', `/api/v1/agencies/${AGENCY}/review-catalog`, {
      ...catalog.content,
      items: [{ itemCode: 'P-001', itemName: '对未取得食品经营许可从事经营活动的处罚' }],
      otherRules: [
        {
          id: 'Q1',
          description: '涉及民族宗教因素的',
          legalSource: '《兵团重大行政执法决定法制审核办法》第五条',
        },
      ],
    });
    const { facts, ...drafted } = draft(handler, 500);
    const prepared = await harness.activities.prepareDraft({
      agencyCode: AGENCY,
      itemCode: 'P-001',
      asOf: new Date().toISOString(),
      draft: { ...drafted, facts: { ...facts, otherRuleIds: ['Q1', 'Q9'] } },
      facts: { ...facts, otherRuleIds: ['Q1', 'Q9'], hearingHeld: false },
    });
    expect(prepared.verdict.reasons).toEqual([
      '执法事项「对未取得食品经营许可从事经营活动的处罚」（P-001）属于本机关目录所列事项',
      '涉及民族宗教因素的（依据：《兵团重大行政执法决定法制审核办法》第五条；本机关目录其他情形 Q1）',
      '承办人员认定属于其他情形 Q9，本机关目录未列该情形，按重大执法决定审核',
    ]);
    await harness.registry.call('POST', `/api/v1/agencies/${AGENCY}/review-catalog`, catalog.content);
  });
});

describe('the date on the 决定书 (domain.md L1a)', () => {
  it('counts from the date written on the document and records a decision entered days later as late', async () => {
    const handle = await harness.startCase();
    await investigating(handle);
    await act(handle, caseUpdates.draftDecision, draft(handler, 500));
    const notified = await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    await harness.sleep(3 * DAY);
    expect(
      await refusalCode(
        act(handle, caseUpdates.decide, {
          actor: leader,
          draftHash: notified.draft?.hash,
          decidedOn: '2099-01-01',
        }),
      ),
    ).toMatch(/^DECISION_DATE_INVALID: 决定书载明的日期 2099-01-01 晚于今天/);
    // The 决定书 was signed on the filing day; it is entered three days later.
    const [filed]: { filedOn: string }[] = await harness.dataSource.query(
      `SELECT event->'data'->>'filedOn' AS "filedOn" FROM outbox_event WHERE event->>'type' = $1 AND event->'data'->>'caseId' = $2`,
      [CASE_EVENT_TYPES.filed, handle.workflowId],
    );
    const documentDay = filed!.filedOn;
    const decided = await act(handle, caseUpdates.decide, {
      actor: leader,
      draftHash: notified.draft?.hash,
      decidedOn: documentDay,
    });
    expect(decided.decision).toMatchObject({ decidedOn: documentDay });
    const record = await readCaseRecord(harness.dataSource, handle.workflowId);
    const entry = record.entries.find((candidate) => candidate.content.action === 'stage:decided');
    expect(entry?.content.details).toMatchObject({ decidedOn: documentDay, enteredLate: true });
    const made: { data: { decidedOn: string } }[] = (
      await harness.dataSource.query(
        `SELECT event FROM outbox_event WHERE event->>'type' = $1 AND event->'data'->>'caseId' = $2`,
        [CASE_EVENT_TYPES.decisionMade, handle.workflowId],
      )
    ).map((row: { event: { data: { decidedOn: string } } }) => row.event);
    expect(made.map((event) => event.data.decidedOn)).toEqual([documentDay]);
    await harness.endCase(handle);
  });
});

describe('what the decision event carries for disclosure', () => {
  it('the fields the handler marks as commercial secrets; a coercion kind only on a coercion case', async () => {
    const handle = await harness.startCase();
    await investigating(handle);
    expect(
      await refusalCode(
        act(handle, caseUpdates.draftDecision, { ...draft(handler, 500), coercion: { kind: 'seal' } }),
      ),
    ).toMatch(/^COERCION_KIND_MISMATCH: 只有行政强制案件/);
    await act(handle, caseUpdates.draftDecision, {
      ...draft(handler, 500),
      tradeSecretFields: ['penalty.facts'],
    });
    const notified = await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    await act(handle, caseUpdates.decide, { actor: leader, draftHash: notified.draft?.hash });
    const [made]: { data: { tradeSecretFields?: string[]; coercion?: unknown } }[] = (
      await harness.dataSource.query(
        `SELECT event FROM outbox_event WHERE event->>'type' = $1 AND event->'data'->>'caseId' = $2`,
        [CASE_EVENT_TYPES.decisionMade, handle.workflowId],
      )
    ).map((row: { event: { data: { tradeSecretFields?: string[] } } }) => row.event);
    expect(made?.data.tradeSecretFields).toEqual(['penalty.facts']);
    expect(made?.data.coercion).toBeUndefined();
    await harness.endCase(handle);
  });
});

describe('a major penalty case (重大行政处罚案件)', () => {
  it('is returned by the first review, approved by the second, then decided, served, executed, closed and archived', async () => {
    const handle = await harness.startCase();
    await investigating(handle);

    let state = await act(handle, caseUpdates.draftDecision, draft(handler, 50_000));
    expect(state.stage).toBe('drafting');
    expect(state.major).toBe(true);
    expect(state.majorReasons.join()).toContain('对自然人罚款 50000 元');

    state = await act(handle, caseUpdates.notify, { actor: handler, hearingRights: true });
    expect(state.stage).toBe('notified');
    expect(await refusalCode(act(handle, caseUpdates.submitForReview, { actor: handler }))).toMatch(
      /^CASE_WRONG_STAGE: 听证申请期限/,
    );
    await harness.sleep(8 * DAY);
    state = await eventually(
      () => harness.state(handle),
      (s) => s.deadlines.some((d) => d.kind === 'hearing-window' && d.fired),
      'the hearing window to close',
    );

    state = await act(handle, caseUpdates.submitForReview, { actor: handler });
    expect(state.stage).toBe('legal-review');
    const firstTask = await openTask(harness.dataSource, handle.workflowId);
    expect(firstTask).toMatchObject({ round: 1, assignee_role: 'legal-reviewer' });

    const beforeRefusal = (await harness.state(handle)).recordEntries;
    expect(
      await refusalCode(act(handle, caseUpdates.decide, { actor: leader, draftHash: state.draft?.hash })),
    ).toMatch(/^REVIEW_NOT_APPROVED: 本案属于重大执法决定，未经法制审核/);
    expect((await harness.state(handle)).recordEntries).toBe(beforeRefusal);

    await completeReviewTask(harness, firstTask, reviewer, 'returned');
    state = await eventually(
      () => harness.state(handle),
      (s) => s.reviewRounds[0]?.outcome === 'returned',
      'round 1',
    );
    const returnedHash = state.draft?.hash;
    expect(
      await refusalCode(act(handle, caseUpdates.decide, { actor: leader, draftHash: returnedHash })),
    ).toMatch(/^REVIEW_NOT_APPROVED: .*第 1 轮/);

    state = await act(handle, caseUpdates.draftDecision, draft(handler, 30_000));
    expect(state.draft?.hash).not.toBe(returnedHash);
    expect(state.draft?.version).toBe(2);
    state = await act(handle, caseUpdates.submitForReview, { actor: handler });
    const secondTask = await openTask(harness.dataSource, handle.workflowId);
    expect(secondTask.round).toBe(2);
    await completeReviewTask(harness, secondTask, reviewer, 'approved');
    state = await eventually(
      () => harness.state(handle),
      (s) => s.reviewRounds[1]?.outcome === 'approved',
      'round 2',
    );

    expect(
      await refusalCode(act(handle, caseUpdates.decide, { actor: leader, draftHash: returnedHash })),
    ).toMatch(/^DRAFT_HASH_MISMATCH/);
    const decideRequest = 'decide-once';
    state = await act(
      handle,
      caseUpdates.decide,
      { actor: leader, draftHash: state.draft?.hash },
      decideRequest,
    );
    expect(state.stage).toBe('decided');
    // The same request again is answered, not applied again.
    const again = await act(
      handle,
      caseUpdates.decide,
      { actor: leader, draftHash: state.draft?.hash },
      decideRequest,
    );
    expect(again.decision).toEqual(state.decision);

    for (const update of [caseUpdates.serve, caseUpdates.execute, caseUpdates.close, caseUpdates.archive])
      state = await act(handle, update, { actor: handler, note: '依法办理' });
    const final = await handle.result();
    expect(final).toMatchObject({ status: 'archived', stage: 'archived' });

    const record = await readCaseRecord(harness.dataSource, handle.workflowId);
    expect(record.verification).toMatchObject({ valid: true, length: final.recordEntries });
    const titles = record.entries.map((entry) => entry.content.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringContaining('立案'),
        expect.stringContaining('法制审核意见书（第 1 轮）：退回修改'),
        expect.stringContaining('法制审核意见书（第 2 轮）：同意'),
        expect.stringContaining('作出决定'),
        '立卷归档',
      ]),
    );
    const types = await outboxTypes(handle.workflowId);
    expect(types.filter((type) => type === CASE_EVENT_TYPES.decisionMade)).toHaveLength(1);
    expect(types.filter((type) => type === CASE_EVENT_TYPES.reviewRoundCompleted)).toHaveLength(2);
    const [decision] = await harness.dataSource.query(
      `SELECT event FROM outbox_event WHERE event->>'type' = $1 AND event->'data'->>'caseId' = $2`,
      [CASE_EVENT_TYPES.decisionMade, handle.workflowId],
    );
    expect(decision.event.data).toMatchObject({
      decisionId: `${handle.workflowId}-D1`,
      major: true,
      draftHash: final.decision?.draftHash,
      penalty: { fineYuan: 30_000 },
      agencyName: '第一师阿拉尔市市场监督管理局',
    });
    const [row] = await harness.dataSource.query(`SELECT stage, status FROM case_file WHERE case_id = $1`, [
      handle.workflowId,
    ]);
    expect(row).toEqual({ stage: 'archived', status: 'archived' });

    // What operators find it by in the Temporal Web UI (listed by them in operator-search.spec.ts).
    expect((await handle.describe()).searchAttributes).toMatchObject({
      LepAgency: [AGENCY],
      LepStage: ['archived'],
      LepMajor: [true],
      LepCategory: ['penalty'],
    });
  });
});

describe('refusals', () => {
  it('refuses filing without two certified handlers, naming the expired certificate', async () => {
    const handle = await harness.startCase({
      handlerIds: [harness.people.handlers[0], harness.people.expiredHandler],
    });
    const state = await handle.result();
    expect(state.status).toBe('refused');
    expect(state.refusalReasons.join('\n')).toMatch(/至少 2 名持有效执法证件的承办人员，现有 1 名/);
    expect(state.refusalReasons.join('\n')).toMatch(/已于 2021-12-31 到期/);
    expect(await outboxTypes(handle.workflowId)).toEqual([CASE_EVENT_TYPES.refused]);
  });

  it('refuses handlers the registry does not know, a malformed id among them, and counts each once', async () => {
    const unknown = randomUUID();
    const [certified] = harness.people.handlers;
    const state = await (
      await harness.startCase({ handlerIds: [certified, certified, unknown, '王五'] })
    ).result();
    expect(state.status).toBe('refused');
    expect(state.refusalReasons).toEqual([
      '立案之日须有至少 2 名持有效执法证件的承办人员，现有 1 名',
      `执法人员 ${unknown} 未登记`,
      '执法人员 王五 未登记',
    ]);
  });

  it('refuses a case of an agency the registry does not list', async () => {
    const state = await (await harness.startCase({ agencyCode: 'BT99' })).result();
    expect(state.refusalReasons).toEqual(['执法主体 BT99 未在执法主体名录中登记']);
  });

  it('refuses an item outside the agency item list', async () => {
    const state = await (await harness.startCase({ itemCode: 'X-999' })).result();
    expect(state.refusalReasons[0]).toContain('事项 X-999 不在执法主体 BT01 现行的行政执法事项清单中');
  });

  it('keeps the case in investigation until the video the AV list requires is attached', async () => {
    const handle = await harness.startCase();
    await eventually(
      () => harness.state(handle),
      (s) => s.stage === 'investigating',
      'filing',
    );
    expect((await harness.state(handle)).missingAv).toEqual(['investigating']);
    expect(await refusalCode(act(handle, caseUpdates.draftDecision, draft(handler, 500)))).toMatch(
      /^AV_RECORD_MISSING/,
    );
    await linkEvidence(
      harness,
      handle,
      { evidenceId: 'photo-only', kind: 'photo', capturedBy: handler.id },
      1,
    );
    expect(await refusalCode(act(handle, caseUpdates.draftDecision, draft(handler, 500)))).toMatch(
      /^AV_RECORD_MISSING/,
    );
    await linkEvidence(
      harness,
      handle,
      { evidenceId: 'video-late', kind: 'video', capturedBy: handler.id },
      2,
    );
    const state = await act(handle, caseUpdates.draftDecision, draft(handler, 500));
    expect(state).toMatchObject({ stage: 'drafting', major: false, missingAv: [] });
    // The stage event says the stage left needed AV and had it: statistics count AV coverage from it.
    const moves: { data: CaseStageChangedData }[] = (
      await harness.dataSource.query(
        `SELECT event FROM outbox_event WHERE event->>'type' = $1 AND event->'data'->>'caseId' = $2`,
        [CASE_EVENT_TYPES.stageChanged, handle.workflowId],
      )
    ).map((row: { event: { data: CaseStageChangedData } }) => row.event);
    expect(moves.find((move) => move.data.from === 'investigating')?.data).toMatchObject({
      to: 'drafting',
      avRequired: true,
      avRecorded: true,
    });
    expect(moves.find((move) => move.data.from === 'filed')?.data).toMatchObject({ avRequired: false });
    await harness.endCase(handle);
  });

  it('lets no handler review their own case and wants the checklist to agree with the outcome', async () => {
    const handle = await harness.startCase({ majorByUnit: { reason: '涉及多个法律关系' } });
    await investigating(handle);
    await act(handle, caseUpdates.draftDecision, draft(handler, 500));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    await act(handle, caseUpdates.submitForReview, { actor: handler });
    const task = await openTask(harness.dataSource, handle.workflowId);
    expect(await refusalCode(completeReviewTask(harness, task, handler, 'approved'))).toMatch(
      /^REVIEWER_IS_HANDLER/,
    );
    const outsider: CaseActor = {
      id: harness.people.expiredHandler,
      role: 'legal-reviewer',
      agencyCode: AGENCY,
    };
    expect(await refusalCode(completeReviewTask(harness, task, outsider, 'approved'))).toMatch(
      /^REVIEWER_NOT_QUALIFIED: 钱过期 不是法制审核人员；钱过期 无法律职业资格、公职律师或法律顾问身份，执法证件已于 2021-12-31 到期/,
    );
    const inconsistent = harness.env.client.workflow.getHandle(task.task_id).executeUpdate('completeReview', {
      args: [{ ...completion(task.task_id, reviewer, 'returned'), outcome: 'approved' }],
    });
    expect(await refusalCode(inconsistent)).toMatch(/^REVIEW_CHECKLIST_INCONSISTENT/);
    await completeReviewTask(harness, task, reviewer, 'approved');
    // The round is over once answered: a second completion finds no review to complete (case-api answers
    // WorkflowNotFoundError with 409 CASE_NOT_OPEN).
    await expect(completeReviewTask(harness, task, reviewer, 'approved')).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
    const [row] = await harness.dataSource.query(
      `SELECT state, completed_by FROM case_task WHERE task_id = $1`,
      [task.task_id],
    );
    expect(row).toEqual({ state: 'completed', completed_by: reviewer.id });
    await harness.endCase(handle);
  });
  it('has a 公职律师 without an enforcement certificate review, refuses a reviewer with neither standing nor certificate, and keeps out one who declared a conflict (domain.md L2a, L2b)', async () => {
    const handle = await harness.startCase({ majorByUnit: { reason: '涉及重大公共利益' } });
    await investigating(handle);
    await act(handle, caseUpdates.draftDecision, draft(handler, 600));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    await act(handle, caseUpdates.submitForReview, { actor: handler });
    const task = await openTask(harness.dataSource, handle.workflowId);
    const review = harness.env.client.workflow.getHandle(task.task_id);
    // The round, a child of the case, owns its workflow tasks as long as the case does (WORKFLOW_TASK_TIMEOUT).
    const { raw } = await review.describe();
    expect(Number(raw.executionConfig?.defaultWorkflowTaskTimeout?.seconds)).toBe(30);
    const lapsed: CaseActor = {
      id: harness.people.lapsedReviewer,
      role: 'legal-reviewer',
      agencyCode: AGENCY,
    };
    expect(await refusalCode(completeReviewTask(harness, task, lapsed, 'approved'))).toMatch(
      /^REVIEWER_NOT_QUALIFIED: 孙过期 无法律职业资格、公职律师或法律顾问身份，执法证件已于 2021-12-31 到期$/,
    );

    // The certified reviewer claims the round, then declares a conflict: the claim goes back to the inbox, the
    // declaration is in the whole-process record, and the declarer can neither claim nor answer the round.
    await review.executeUpdate(reviewUpdates.claim, { args: [{ taskId: task.task_id, by: reviewer }] });
    const declared = await review.executeUpdate(reviewUpdates.declareConflict, {
      args: [{ taskId: task.task_id, by: reviewer, reason: '审核人员系当事人近亲属' }],
    });
    expect(declared).toMatchObject({ conflictDeclaredBy: [reviewer.id] });
    expect(declared.claimedBy).toBeUndefined();
    const [released] = await harness.dataSource.query(
      `SELECT state, claimed_by FROM case_task WHERE task_id = $1`,
      [task.task_id],
    );
    expect(released).toEqual({ state: 'open', claimed_by: null });
    expect(
      await refusalCode(
        review.executeUpdate(reviewUpdates.claim, { args: [{ taskId: task.task_id, by: reviewer }] }),
      ),
    ).toMatch(/^REVIEWER_CONFLICT_DECLARED/);
    expect(await refusalCode(completeReviewTask(harness, task, reviewer, 'approved'))).toMatch(
      /^REVIEWER_CONFLICT_DECLARED/,
    );

    const lawyer: CaseActor = { id: harness.people.publicLawyer, role: 'legal-reviewer', agencyCode: AGENCY };
    await review.executeUpdate(reviewUpdates.claim, { args: [{ taskId: task.task_id, by: lawyer }] });
    await completeReviewTask(harness, task, lawyer, 'approved');
    const state = await eventually(
      () => harness.state(handle),
      (s) => s.reviewRounds[0]?.outcome === 'approved',
      'the 公职律师 approved',
    );
    expect(state.reviewRounds[0]).toMatchObject({ reviewerId: lawyer.id, conflictDeclaredBy: [reviewer.id] });
    const [row] = await harness.dataSource.query(
      `SELECT state, completed_by FROM case_task WHERE task_id = $1`,
      [task.task_id],
    );
    expect(row).toEqual({ state: 'completed', completed_by: lawyer.id });
    const record = await readCaseRecord(harness.dataSource, handle.workflowId);
    const declaration = record.entries.find((entry) => entry.content.action === 'review-conflict-declared');
    expect(declaration?.content).toMatchObject({
      actor: reviewer,
      details: { round: 1, reason: '审核人员系当事人近亲属' },
    });
    await harness.endCase(handle);
  });
});

describe('disputes, withdrawal and the decision limit', () => {
  async function reviewedAndReturned() {
    const handle = await harness.startCase({ majorByUnit: { reason: '涉及重大公共利益' } });
    await investigating(handle);
    await act(handle, caseUpdates.draftDecision, draft(handler, 800));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    await act(handle, caseUpdates.submitForReview, { actor: handler });
    await completeReviewTask(
      harness,
      await openTask(harness.dataSource, handle.workflowId),
      reviewer,
      'returned',
    );
    await eventually(
      () => harness.state(handle),
      (s) => s.reviewRounds[0]?.outcome === 'returned',
      'round 1',
    );
    return handle;
  }

  it('sends a disputed opinion to the agency head, whose overruling ruling lets the reviewed draft be decided', async () => {
    const handle = await reviewedAndReturned();
    await act(handle, caseUpdates.disputeReview, { actor: handler, reason: '罚款数额在裁量基准范围内' });
    const task = await openTask(harness.dataSource, handle.workflowId, 'coordination');
    expect(task.assignee_role).toBe('leader');
    const head: CaseActor = { id: harness.people.principalLeader, role: 'leader', agencyCode: AGENCY };
    const ruling = { taskId: task.task_id, ruling: 'overrule' as const, reason: '经集体讨论，裁量适当' };
    expect(
      await refusalCode(
        handle.executeUpdate(caseUpdates.ruleOnDispute, { args: [{ ...ruling, head: handler }] }),
      ),
    ).toMatch(/^TASK_NOT_OPEN: 协调意见只能由机关负责人作出/);
    expect(
      await refusalCode(handle.executeUpdate(caseUpdates.ruleOnDispute, { args: [{ ...ruling, head }] })),
    ).toMatch(/^COLLECTIVE_DISCUSSION_MISSING: 推翻法制审核意见须经集体讨论/);
    const collectiveDiscussion = {
      heldOn: '2026-12-03',
      participants: ['王局长', '李副局长'],
      minutesReference: '纪要〔2026〕3号',
      conclusion: '裁量适当',
    };
    // A leader who is not the registered principal leader (主要负责人) does not overrule (domain.md L6c).
    const deputy: CaseActor = { id: harness.people.deputyLeader, role: 'leader', agencyCode: AGENCY };
    expect(
      await refusalCode(
        handle.executeUpdate(caseUpdates.ruleOnDispute, {
          args: [{ ...ruling, head: deputy, collectiveDiscussion }],
        }),
      ),
    ).toBe(`NOT_PRINCIPAL_LEADER: 吴副局长 不是执法主体 ${AGENCY} 登记的主要负责人，不能推翻法制审核意见`);
    let state = await handle.executeUpdate(caseUpdates.ruleOnDispute, {
      args: [{ ...ruling, head, collectiveDiscussion }],
    });
    expect(state.reviewRounds[0].dispute).toMatchObject({ ruling: 'overrule', ruledBy: head.id });
    const record = await readCaseRecord(harness.dataSource, handle.workflowId);
    expect(
      record.entries.find((entry) => entry.content.action === 'dispute-ruled')?.content.details,
    ).toMatchObject({
      collectiveDiscussion,
    });
    state = await act(handle, caseUpdates.decide, { actor: leader, draftHash: state.draft?.hash });
    expect(state.stage).toBe('decided');
    await harness.endCase(handle);
  });

  it('withdraws a decision that is to be re-made and decides again, naming the decision it replaces', async () => {
    const handle = await harness.startCase({ itemCode: 'P-001' });
    await investigating(handle);
    await act(handle, caseUpdates.draftDecision, draft(handler, 500));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    let state = await act(handle, caseUpdates.decide, {
      actor: leader,
      draftHash: (await harness.state(handle)).draft?.hash,
    });
    const first = state.decision?.decisionId;
    state = await act(handle, caseUpdates.revoke, {
      actor: leader,
      kind: 'remade',
      reason: '认定事实有误，依法重新作出',
    });
    expect(state).toMatchObject({ stage: 'drafting', withdrawal: { kind: 'remade' } });
    expect(state.decision).toBeUndefined();
    await act(handle, caseUpdates.draftDecision, draft(handler, 300));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    state = await act(handle, caseUpdates.decide, {
      actor: leader,
      draftHash: (await harness.state(handle)).draft?.hash,
    });
    expect(state.decision?.decisionId).toBe(`${handle.workflowId}-D2`);
    const events: {
      type: string;
      data: { decisionId: string; replacesDecisionId?: string; reason?: string };
    }[] = (
      await harness.dataSource.query(
        `SELECT event FROM outbox_event WHERE topic = 'lep.case.decision.v1' AND event->'data'->>'caseId' = $1 ORDER BY created_at, id`,
        [handle.workflowId],
      )
    ).map((row: { event: unknown }) => row.event);
    expect(events.map((event) => [event.type, event.data.decisionId])).toEqual([
      [CASE_EVENT_TYPES.decisionMade, first],
      [CASE_EVENT_TYPES.decisionWithdrawn, first],
      [CASE_EVENT_TYPES.decisionMade, `${handle.workflowId}-D2`],
    ]);
    expect(events[1].data.reason).toBe('认定事实有误，依法重新作出');
    expect(events[2].data.replacesDecisionId).toBe(first);
    await harness.endCase(handle);
  });

  it("holds a review to the agency's own time limit from its catalogue, which may allow no extension", async () => {
    const catalog = await harness.registry.call<{ content: Record<string, unknown> }>(
      'GET',
      `/api/v1/agencies/${AGENCY}/review-catalog`,
    );
    await harness.registry.call('POST', `/api/v1/agencies/${AGENCY}/review-catalog`, {
      ...catalog.content,
      reviewTimeLimit: { workingDays: 5, extensionWorkingDays: 0 },
    });
    const handle = await harness.startCase({ majorByUnit: { reason: '涉及重大公共利益' } });
    await investigating(handle);
    await act(handle, caseUpdates.draftDecision, draft(handler, 800));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    const submittedAt = await harness.env.currentTimeMs();
    await act(handle, caseUpdates.submitForReview, { actor: handler });
    const task = await openTask(harness.dataSource, handle.workflowId);
    const submittedOn = chinaDateOf(submittedAt);
    const calendar = await new CalendarClient({ registryUrl: harness.registry.url }).current();
    const lastDay = calendar.addWorkingDays(submittedOn, 5).value;
    expect(task.due_at?.toISOString()).toBe(
      new Date(Date.parse(`${lastDay}T00:00:00+08:00`) + DAY).toISOString(),
    );
    const head: CaseActor = leader;
    const extension = harness.env.client.workflow.getHandle(task.task_id).executeUpdate('extendReview', {
      args: [{ taskId: task.task_id, approvedBy: head, reason: '材料较多' }],
    });
    expect(await refusalCode(extension)).toBe('CASE_WRONG_STAGE: 本机关的法制审核期限不得延长');
    await harness.registry.call('POST', `/api/v1/agencies/${AGENCY}/review-catalog`, catalog.content);
    await harness.endCase(handle);
  });

  // Runs last: it moves this file's clock three months on.
  it('warns 10 days before the 90-day decision limit, moves it by an approved extension, then records it overdue', async () => {
    const handle = await harness.startCase();
    let state = await eventually(
      () => harness.state(handle),
      (s) => s.stage === 'investigating',
      'filing',
    );
    const limit = state.deadlines.find((d) => d.kind === 'decision-limit');
    // 90 days from filing, the filing day not counted: midnight China time after the 90th day.
    const filedOn = chinaDateOf(await harness.env.currentTimeMs());
    expect(limit?.dueAt).toBe(new Date(Date.parse(`${filedOn}T00:00:00+08:00`) + 91 * DAY).toISOString());
    expect(limit?.fired).toBe(false);
    await harness.sleep(Date.parse(limit!.dueAt) - (await harness.env.currentTimeMs()) - 9 * DAY);
    state = await eventually(
      () => harness.state(handle),
      (s) => s.deadlines.some((d) => d.kind === 'decision-limit-warning' && d.fired),
      'the warning',
    );
    expect(state.overdue).toBe(false);
    state = await act(handle, caseUpdates.extendDecisionLimit, {
      actor: leader,
      approvedBy: '局长 周某',
      reason: '案情复杂，经负责人批准延长',
      days: 30,
    });
    const extended = state.deadlines.find((d) => d.kind === 'decision-limit');
    expect(Date.parse(extended!.dueAt) - Date.parse(limit!.dueAt)).toBe(30 * DAY);
    await harness.sleep(Date.parse(extended!.dueAt) - (await harness.env.currentTimeMs()) + DAY);
    state = await eventually(
      () => harness.state(handle),
      (s) => s.overdue,
      'overdue',
    );
    const [row] = await harness.dataSource.query(`SELECT overdue FROM case_file WHERE case_id = $1`, [
      handle.workflowId,
    ]);
    expect(row.overdue).toBe(true);
    expect(await outboxTypes(handle.workflowId)).toEqual(
      expect.arrayContaining([CASE_EVENT_TYPES.deadlineExtended, CASE_EVENT_TYPES.deadlineFired]),
    );
    await harness.endCase(handle);
  });

  it('withdraws a decision half a year after its case was archived (time-skipped): the record gains the entry, the event leaves through the outbox', async () => {
    const handle = await harness.startCase({ itemCode: 'P-001' });
    await investigating(handle);
    await act(handle, caseUpdates.draftDecision, draft(handler, 500));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    const decided = await act(handle, caseUpdates.decide, {
      actor: leader,
      draftHash: (await harness.state(handle)).draft?.hash,
    });
    const decisionId = decided.decision?.decisionId as string;
    for (const update of [caseUpdates.serve, caseUpdates.close, caseUpdates.archive])
      await act(handle, update, { actor: handler, note: '依法办理' });
    expect(await handle.result()).toMatchObject({ status: 'archived' });

    // The 复议 decision comes months later, long after the lifecycle ended.
    await harness.sleep(180 * DAY);
    const [row]: { state: CaseState; filed_at: Date }[] = await harness.dataSource.query(
      `SELECT state, filed_at FROM case_file WHERE case_id = $1`,
      [handle.workflowId],
    );
    const today = chinaDateOf(await harness.env.currentTimeMs());
    const source = {
      kind: 'reconsideration' as const,
      documentNumber: '兵司复决〔2027〕3号',
      decidedOn: today,
    };
    const head: CaseActor = leader;
    const input: DecisionWithdrawalInput = {
      revocation: {
        requestId: 'withdraw-after-archive',
        actor: head,
        kind: 'confirmed-illegal',
        reason: '复议机关确认原处罚决定违法',
        source,
      },
      archived: row.state,
      filedAt: row.filed_at.toISOString(),
    };
    // 撤销 is a registered leader's act (domain.md R8b): a withdrawal named by anyone else fails with the refusal
    // and leaves the id to a rightful one.
    const stranger: CaseActor = { id: 'head-unregistered', role: 'leader', agencyCode: AGENCY };
    const refused = await harness.env.client.workflow.start(CASE_WORKFLOWS.decisionWithdrawal, {
      taskQueue: harness.taskQueue,
      workflowId: withdrawalWorkflowId(decisionId),
      args: [{ ...input, revocation: { ...input.revocation, actor: stranger } }],
    });
    // Polled, not awaited with result(): the test server would skip this file's clock ahead while waiting on it.
    await eventually(
      async () => (await refused.describe()).status.name,
      (status) => status === 'FAILED',
      'the refused withdrawal',
    );
    const history = await refused.fetchHistory();
    const failed = history.events?.find((event) => event.workflowExecutionFailedEventAttributes);
    expect(failed?.workflowExecutionFailedEventAttributes?.failure?.applicationFailureInfo?.type).toBe(
      'OFFICER_NOT_REGISTERED',
    );
    const withdrawal = await harness.env.client.workflow.start(CASE_WORKFLOWS.decisionWithdrawal, {
      taskQueue: harness.taskQueue,
      workflowId: withdrawalWorkflowId(decisionId),
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
    });
    const after: CaseState = await withdrawal.result();
    expect(after).toMatchObject({
      status: 'archived',
      withdrawal: { kind: 'confirmed-illegal', decisionId, source },
    });

    const record = await readCaseRecord(harness.dataSource, handle.workflowId);
    expect(record.verification).toMatchObject({ valid: true });
    const last = record.entries.at(-1)?.content;
    expect(last).toMatchObject({ action: 'withdrawn:confirmed-illegal', actor: head, stage: 'archived' });
    // Three working days on the agency's calendar: the end is after the third working day from today.
    const withdrawBy = (last?.details as { withdrawBy: string }).withdrawBy;
    const region = (await harness.activities.agencyRegion(AGENCY)) as CalendarRegion;
    const calendar = await new CalendarClient({ registryUrl: harness.registry.url }).current();
    expect(chinaDateOf(Date.parse(withdrawBy) - 1)).toBe(calendar.addWorkingDays(today, 3, { region }).value);
    const [event]: { event: { type: string; data: Record<string, unknown> } }[] =
      await harness.dataSource.query(`SELECT event FROM outbox_event WHERE event->>'id' = $1`, [
        `${handle.workflowId}/withdrawal-${decisionId}/0`,
      ]);
    expect(event.event).toMatchObject({
      type: CASE_EVENT_TYPES.decisionWithdrawn,
      data: { decisionId, kind: 'confirmed-illegal', source, withdrawnOn: today },
    });
    const [file]: { state: CaseState }[] = await harness.dataSource.query(
      `SELECT state FROM case_file WHERE case_id = $1`,
      [handle.workflowId],
    );
    expect(file.state.withdrawal).toMatchObject({ decisionId, source });
    expect(file.state.recordEntries).toBe(record.entries.length);
  });
});
