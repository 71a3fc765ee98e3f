import { CASE_EVENT_TYPES, caseUpdates, type CaseActor, type CaseState } from '@lep/contracts';
import type { WorkflowHandle } from '@temporalio/client';
import { startCaseHarness, HANDLER_ACTOR, type CaseHarness } from './support/case-harness';
import { act, draft, eventually, openTask, refusalCode, underInvestigation } from './support/case-steps';

// Monday 28 September 2026, 10:00 in China: the National Day holiday (1–7 October, make-up day Saturday
// 10 October) lies ahead, so every working-day period below runs across it.
const START = new Date('2026-09-28T02:00:00Z');

let harness: CaseHarness;
let handler: CaseActor;

beforeAll(async () => {
  harness = await startCaseHarness({ startTime: START });
  handler = HANDLER_ACTOR(harness.people.handlers[0]);
}, 120_000);

afterAll(() => harness?.close());

async function sleepUntil(instant: string): Promise<void> {
  const now = await harness.env.currentTimeMs();
  await harness.sleep(Date.parse(instant) - now);
}

async function drafted(overrides: Parameters<CaseHarness['startCase']>[0] = {}): Promise<WorkflowHandle> {
  const handle = await harness.startCase(overrides);
  await underInvestigation(harness, handle, handler.id, START.toISOString());
  await act(handle, caseUpdates.draftDecision, draft(handler, 50_000));
  return handle;
}

async function recordTitles(caseId: string): Promise<string[]> {
  const rows: { title: string }[] = await harness.dataSource.query(
    `SELECT content->>'title' AS title FROM case_record_entry WHERE case_id = $1 ORDER BY sequence`,
    [caseId],
  );
  return rows.map((row) => row.title);
}

// One timeline for the file: every case below is set up on 28 September, and the tests run in date order.
describe('working-day timers across the National Day holiday', () => {
  let heard: WorkflowHandle;
  let late: WorkflowHandle;
  let reviewed: WorkflowHandle;
  let noticeState: CaseState;

  beforeAll(async () => {
    heard = await drafted();
    late = await drafted();
    reviewed = await drafted({ majorByUnit: { reason: '可能造成重大社会影响' } });
    noticeState = await act(heard, caseUpdates.notify, { actor: handler, hearingRights: true });
    await act(late, caseUpdates.notify, { actor: handler, hearingRights: true });
    await act(reviewed, caseUpdates.notify, { actor: handler, hearingRights: false });
    await act(reviewed, caseUpdates.submitForReview, { actor: handler });
  }, 60_000);

  afterAll(async () => {
    for (const handle of [heard, late, reviewed])
      if (handle) await harness.endCase(handle).catch(() => undefined);
  });

  it('keeps the hearing window open for 5 working days, closes it after, and records when it closed', async () => {
    // 29, 30 Sep, 8, 9, 10 Oct (the make-up Saturday): the window ends at midnight after 10 October.
    expect(noticeState.notice?.hearingWindowEndsAt).toBe('2026-10-10T16:00:00.000Z');

    await sleepUntil('2026-10-09T04:00:00Z');
    const state = await act(heard, caseUpdates.requestHearing, { actor: handler });
    expect(state.stage).toBe('hearing');

    await sleepUntil('2026-10-11T01:00:00Z');
    await eventually(
      () => harness.state(late),
      (s) => s.deadlines.some((d) => d.kind === 'hearing-window' && d.fired),
      'the window to close',
    );
    expect(await refusalCode(act(late, caseUpdates.requestHearing, { actor: handler }))).toMatch(
      /^HEARING_WINDOW_CLOSED: 当事人应当在告知后五个工作日内提出听证要求，期限已于 2026-10-10T16:00:00.000Z 届满/,
    );
    expect(await recordTitles(late.workflowId)).toContain('听证申请期限届满，当事人未申请听证');
  });

  it('reminds one working day before the 7 working days of review end, and escalates when they run out', async () => {
    const task = await openTask(harness.dataSource, reviewed.workflowId);
    // 29, 30 Sep, 8, 9, 10 (make-up Saturday), 12, 13 Oct → due at midnight after 13 October.
    expect(task.due_at?.toISOString()).toBe('2026-10-13T16:00:00.000Z');

    await sleepUntil('2026-10-12T15:00:00Z');
    expect(await recordTitles(reviewed.workflowId)).not.toContainEqual(expect.stringContaining('即将届满'));
    await sleepUntil('2026-10-12T17:00:00Z');
    await eventually(
      () => recordTitles(reviewed.workflowId),
      (titles) => titles.some((title) => title.includes('法制审核期限即将届满')),
      'the reminder',
    );
    expect((await harness.state(reviewed)).reviewRounds[0].escalated).toBe(false);

    await sleepUntil('2026-10-13T17:00:00Z');
    const state = await eventually(
      () => harness.state(reviewed),
      (s) => s.reviewRounds[0]?.escalated === true,
      'the escalation',
    );
    expect(state.overdue).toBe(true);
    const [row] = await harness.dataSource.query(`SELECT escalated FROM case_task WHERE task_id = $1`, [
      task.task_id,
    ]);
    expect(row.escalated).toBe(true);
    const fired: { deadline: string; dueAt: string }[] = (
      await harness.dataSource.query(
        `SELECT event->'data' AS data FROM outbox_event WHERE event->>'type' = $1 AND event->>'subject' = $2`,
        [CASE_EVENT_TYPES.deadlineFired, reviewed.workflowId],
      )
    ).map((r: { data: { deadline: string; dueAt: string } }) => r.data);
    expect(fired.map((data) => data.deadline).sort()).toEqual(['review-sla', 'review-sla-reminder']);
    expect(fired.find((data) => data.deadline === 'review-sla')?.dueAt).toBe('2026-10-13T16:00:00.000Z');
  });
});
