import { chinaDateOf } from '@lep/calendar';
import { readCaseRecord } from '@lep/case-store';
import {
  CASE_EVENT_TYPES,
  caseUpdates,
  measureReviewWorkflowId,
  type CaseActor,
  type CaseState,
} from '@lep/contracts';
import type { WorkflowHandle } from '@temporalio/client';
import { AGENCY, startCaseHarness, HANDLER_ACTOR, type CaseHarness } from './support/case-harness';
import {
  act,
  answerMeasureRound,
  draft,
  eventually,
  openTask,
  refusalCode,
  underInvestigation,
} from './support/case-steps';
import { freezeMeasure } from '@lep/testing';

/**
 * 法制审核 of a major 行政强制 measure (domain.md P13b) on the real engines: the time-skipping server carries the
 * 24 hours of an urgent measure (ACL art. 19), the production activities write the record, tasks and events.
 */
const HOUR = 3_600_000;

let harness: CaseHarness;
let handler: CaseActor;
let head: CaseActor;
let reviewer: CaseActor;

beforeAll(async () => {
  harness = await startCaseHarness();
  handler = HANDLER_ACTOR(harness.people.handlers[0]);
  head = { id: harness.people.deputyLeader, role: 'leader', agencyCode: AGENCY };
  reviewer = { id: harness.people.reviewer, role: 'legal-reviewer', agencyCode: AGENCY };
}, 120_000);

afterAll(() => harness?.close());

async function investigating(): Promise<WorkflowHandle> {
  const handle = await harness.startCase();
  await underInvestigation(harness, handle, handler.id);
  return handle;
}

/** A 冻结 (no full-process AV needed, R4), found major by the handling unit unless told otherwise. */
async function freezing(documentNumber: string, overrides: Record<string, unknown> = {}) {
  return {
    actor: head,
    ...freezeMeasure({
      documentNumber,
      decidedOn: chinaDateOf(await harness.env.currentTimeMs()),
      majorReason: '冻结存款数额巨大，涉及重大财产权益',
    }),
    ...overrides,
  };
}

const take = async (handle: WorkflowHandle, measure: Record<string, unknown>) =>
  act(handle, caseUpdates.takeCoercionMeasure, measure);

async function actions(caseId: string): Promise<{ action: string; title: string; details: unknown }[]> {
  return (await readCaseRecord(harness.dataSource, caseId)).entries.map((entry) => entry.content);
}

async function withdrawnEvents(decisionId: string): Promise<Record<string, unknown>[]> {
  const rows: { data: Record<string, unknown> }[] = await harness.dataSource.query(
    `SELECT event->'data' AS data FROM outbox_event WHERE message_key = $1 AND event->>'type' = $2`,
    [decisionId, CASE_EVENT_TYPES.decisionWithdrawn],
  );
  return rows.map((row) => row.data);
}

/** Answers the measure's round `round` and waits until the case has recorded how it ended. */
const answer = (handle: WorkflowHandle, round: number, outcome: 'approved' | 'returned') =>
  answerMeasureRound(harness, handle, reviewer, round, outcome);

describe('a major measure is taken only after its legal review passes (domain.md P13b)', () => {
  it('opens a round instead of taking it; returned, resubmitted changed, approved, then taken', async () => {
    const handle = await investigating();
    const caseId = handle.workflowId;
    const first = await freezing('阿市监强〔2026〕41号');

    const submitted = await take(handle, first);
    expect(submitted.coercionMeasures ?? []).toHaveLength(0);
    expect(submitted.measureReviews).toEqual([
      expect.objectContaining({
        round: 1,
        taskId: measureReviewWorkflowId(caseId, 1),
        documentNumber: '阿市监强〔2026〕41号',
        kind: 'freeze',
        majorReasons: ['承办机构认定：冻结存款数额巨大，涉及重大财产权益'],
      }),
    ]);
    // The review body's inbox holds the measure with its content, as for a decision.
    const task = await openTask(harness.dataSource, caseId);
    expect(task).toMatchObject({ kind: 'legal-review', assignee_role: 'legal-reviewer', round: 1 });
    expect(task.payload).toMatchObject({
      caseId,
      measure: { documentNumber: '阿市监强〔2026〕41号', kind: 'freeze', urgent: false },
      draft: { coercion: { kind: 'freeze' }, other: { content: first.other.content } },
    });

    // Not taken while its review runs, whatever is asked.
    expect(await refusalCode(take(handle, first))).toMatch(/^CASE_WRONG_STAGE: .*审核尚未结束/);

    await answer(handle, 1, 'returned');
    // The same document again is refused; a changed one opens the next round.
    expect(await refusalCode(take(handle, first))).toMatch(/^CASE_WRONG_STAGE: .*审核未通过/);
    const revised = await freezing('阿市监强〔2026〕41号', {
      other: { ...first.other, content: '冻结当事人在某银行的存款人民币300万元，期限30日。' },
    });
    expect((await take(handle, revised)).measureReviews).toHaveLength(2);
    expect((await harness.state(handle)).coercionMeasures ?? []).toHaveLength(0);

    await harness.sleep(24 * HOUR);
    const approved = await answer(handle, 2, 'approved');
    const approvedOn = chinaDateOf(approved.measureReviews?.[1]?.completedAt ?? '');
    // The 决定书 cannot be dated before the review passed (未经法制审核不得作出决定).
    expect(await refusalCode(take(handle, { ...revised, decidedOn: first.decidedOn }))).toMatch(
      new RegExp(`^DECISION_DATE_INVALID: .*${approvedOn}`),
    );
    const taken = await take(handle, { ...revised, decidedOn: approvedOn });
    expect(taken.coercionMeasures).toEqual([
      expect.objectContaining({
        documentNumber: '阿市监强〔2026〕41号',
        kind: 'freeze',
        reviewTaskId: measureReviewWorkflowId(caseId, 2),
      }),
    ]);
    expect(await refusalCode(take(handle, { ...revised, decidedOn: approvedOn }))).toMatch(
      /^CASE_WRONG_STAGE: .*已依第 2 轮审核意见作出/,
    );

    const made: { data: { major: boolean } }[] = await harness.dataSource.query(
      `SELECT event->'data' AS data FROM outbox_event WHERE message_key = $1 AND event->>'type' = $2`,
      [taken.coercionMeasures?.[0]?.decisionId, CASE_EVENT_TYPES.decisionMade],
    );
    expect(made.map((row) => row.data.major)).toEqual([true]);
    const recorded = (await actions(caseId)).map((entry) => entry.action);
    expect(recorded.filter((action) => action === 'review-opened')).toHaveLength(2);
    expect(recorded.filter((action) => action === 'measure-review-concluded')).toHaveLength(2);
    expect(recorded.at(-1)).toBe('coercion-measure');
    await harness.endCase(handle);
  });

  it('keeps the case from being archived while a round on one of its measures runs', async () => {
    const handle = await investigating();
    await take(handle, await freezing('阿市监强〔2026〕46号'));
    await act(handle, caseUpdates.draftDecision, draft(handler, 500));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    await act(handle, caseUpdates.decide, {
      actor: head,
      draftHash: (await harness.state(handle)).draft?.hash,
    });
    for (const update of [caseUpdates.serve, caseUpdates.close])
      await act(handle, update, { actor: handler, note: '依法办理' });
    expect(await refusalCode(act(handle, caseUpdates.archive, { actor: handler, note: '依法办理' }))).toMatch(
      /^CASE_WRONG_STAGE: .*第 1 轮法制审核尚未结束，不能归档/,
    );
    await answer(handle, 1, 'returned');
    expect((await act(handle, caseUpdates.archive, { actor: handler, note: '依法办理' })).status).toBe(
      'archived',
    );
  });

  it('takes a measure that is not major at once, as before', async () => {
    const handle = await investigating();
    const state: CaseState = await take(
      handle,
      await freezing('阿市监强〔2026〕42号', { majorByUnit: undefined }),
    );
    expect(state.coercionMeasures).toHaveLength(1);
    expect(state.measureReviews).toBeUndefined();
    await harness.endCase(handle);
  });
});

describe('an urgent major measure (ACL art. 19): taken at once, lifted unless approved within 24 hours', () => {
  it('is lifted at 24 hours when its review has not passed; a late approval changes nothing', async () => {
    const handle = await investigating();
    const caseId = handle.workflowId;
    const taken = await take(handle, await freezing('阿市监强〔2026〕43号', { urgent: true }));
    const decisionId = taken.coercionMeasures?.[0]?.decisionId as string;
    expect(taken.coercionMeasures?.[0]).toMatchObject({ urgent: true });
    const approvalDueAt = taken.measureReviews?.[0]?.urgent?.approvalDueAt as string;
    expect(Date.parse(approvalDueAt) - (await harness.env.currentTimeMs())).toBeLessThanOrEqual(24 * HOUR);
    expect((await openTask(harness.dataSource, caseId)).payload).toMatchObject({
      measure: { urgent: true, decisionId, approvalDueAt },
    });

    await harness.sleep(23 * HOUR);
    expect((await harness.state(handle)).coercionMeasures?.[0]?.withdrawal).toBeUndefined();
    await harness.sleep(2 * HOUR);
    const lifted = await eventually(
      () => harness.state(handle),
      (s) => s.coercionMeasures?.[0]?.withdrawal !== undefined,
      'the measure lifted',
    );
    expect(lifted.coercionMeasures?.[0]?.withdrawal).toMatchObject({
      kind: 'revoked',
      source: { kind: 'self-correction', documentNumber: '阿市监强〔2026〕43号' },
    });
    expect(lifted.measureReviews?.[0]?.urgent?.lifted).toBe('timed-out');
    expect(await withdrawnEvents(decisionId)).toEqual([
      expect.objectContaining({ decisionId, caseId, kind: 'revoked' }),
    ]);
    const entry = (await actions(caseId)).find((candidate) => candidate.action === 'withdrawn:revoked');
    expect(entry?.details).toMatchObject({ decisionId, lifted: 'timed-out' });

    await answer(handle, 1, 'approved');
    const after = await harness.state(handle);
    expect(after.coercionMeasures?.[0]?.withdrawal?.kind).toBe('revoked');
    expect(await withdrawnEvents(decisionId)).toHaveLength(1);
    expect((await actions(caseId)).at(-1)?.title).toMatch(/已因未在二十四小时内审核通过而解除/);
    await harness.endCase(handle);
  });

  it('stays when approved within 24 hours; is lifted at once when its review fails', async () => {
    const handle = await investigating();
    const kept = await take(handle, await freezing('阿市监强〔2026〕44号', { urgent: true }));
    await harness.sleep(HOUR);
    await answer(handle, 1, 'approved');
    await harness.sleep(30 * HOUR);
    const state = await harness.state(handle);
    expect(state.coercionMeasures?.[0]).toMatchObject({
      decisionId: kept.coercionMeasures?.[0]?.decisionId,
      urgent: true,
    });
    expect(state.coercionMeasures?.[0]?.withdrawal).toBeUndefined();

    const failed = await take(handle, await freezing('阿市监强〔2026〕45号', { urgent: true }));
    const decisionId = failed.coercionMeasures?.[1]?.decisionId as string;
    await answer(handle, 2, 'returned');
    const lifted = await eventually(
      () => harness.state(handle),
      (s) => s.coercionMeasures?.[1]?.withdrawal !== undefined,
      'the failed measure lifted',
    );
    expect(lifted.measureReviews?.[1]?.urgent?.lifted).toBe('not-approved');
    expect(lifted.coercionMeasures?.[0]?.withdrawal).toBeUndefined();
    expect(await withdrawnEvents(decisionId)).toHaveLength(1);
    await harness.endCase(handle);
  });
});
