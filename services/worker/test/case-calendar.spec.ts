import { endOfChinaDay } from '@lep/calendar';
import { CASE_EVENT_TYPES, caseUpdates, type CaseActor, type CaseState } from '@lep/contracts';
import type { ServiceProcess } from '@lep/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { AGENCY, HANDLER_ACTOR, startCaseHarness, type CaseHarness } from './support/case-harness';
import { act, draft, eventually, openTask, underInvestigation } from './support/case-steps';
import { startWorkerProcess } from './support/worker-process';
import { freezeMeasure } from '@lep/testing';

// Friday 4 December 2026, 10:00 in China. The agency counts on the Xinjiang calendar, whose 2026 regional notice
// the registry does not hold (only a secondary report of it was found; docs/domain.md §6).
const START = new Date('2026-12-04T02:00:00Z');

let harness: CaseHarness;
let handler: CaseActor;
let worker: ServiceProcess | undefined;

beforeAll(async () => {
  harness = await startCaseHarness({ startTime: START, externalWorker: true });
  handler = HANDLER_ACTOR(harness.people.handlers[0]);
  const agency = await harness.registry.call<Record<string, unknown>>('GET', `/api/v1/agencies/${AGENCY}`);
  const { code: _code, ...fields } = agency;
  await harness.registry.call('PUT', `/api/v1/agencies/${AGENCY}`, {
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)),
    region: 'xinjiang',
  });
  worker = await startWorkerProcess(harness);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await harness?.close();
});

async function drafted(overrides: Parameters<CaseHarness['startCase']>[0] = {}): Promise<WorkflowHandle> {
  const handle = await harness.startCase(overrides);
  await underInvestigation(harness, handle, handler.id);
  await act(handle, caseUpdates.draftDecision, draft(handler, 50_000));
  return handle;
}

async function record(
  caseId: string,
): Promise<Array<{ action: string; title: string; details: Record<string, unknown> }>> {
  const rows: { content: { action: string; title: string; details: Record<string, unknown> } }[] =
    await harness.dataSource.query(
      `SELECT content FROM case_record_entry WHERE case_id = $1 ORDER BY sequence`,
      [caseId],
    );
  return rows.map((row) => row.content);
}

describe('a 兵团 case in the Xinjiang region without the 2026 regional notice', () => {
  let noticed: WorkflowHandle;
  let reviewed: WorkflowHandle;

  it('answers the notice at once, its hearing window counted on the national days and marked provisional', async () => {
    noticed = await drafted();
    const state = await act<CaseState>(noticed, caseUpdates.notify, { actor: handler, hearingRights: true });
    // 7, 8, 9, 10, 11 December on the national calendar.
    expect(state.notice?.hearingWindowEndsAt).toBe(endOfChinaDay('2026-12-11'));
    const window = state.deadlines.find((deadline) => deadline.kind === 'hearing-window');
    expect(window?.provisional?.missing).toEqual([{ region: 'xinjiang', year: 2026 }]);
    expect(window?.provisional?.reason).toContain(
      '缺少2026年新疆维吾尔自治区节假日安排，暂按全国节假日安排计算',
    );

    const notice = (await record(noticed.workflowId)).find((entry) => entry.action === 'stage:notified');
    expect(notice?.details.hearingWindowProvisional).toBe(window?.provisional?.reason);
    const description = await noticed.describe();
    expect(description.searchAttributes.LepDeadlineProvisional).toEqual([true]);
    const events: { data: { deadline: string; dueAt: string } }[] = (
      await harness.dataSource.query(
        `SELECT event FROM outbox_event WHERE message_key = $1 AND event->>'type' = $2`,
        [noticed.workflowId, CASE_EVENT_TYPES.deadlineProvisional],
      )
    ).map((row: { event: { data: { deadline: string; dueAt: string } } }) => row.event);
    expect(events.map((event) => [event.data.deadline, event.data.dueAt])).toEqual([
      ['hearing-window', endOfChinaDay('2026-12-11')],
    ]);
  });

  it('opens legal review with a provisional 7-working-day limit', async () => {
    reviewed = await drafted({ majorByUnit: { reason: '可能造成重大社会影响' } });
    await act(reviewed, caseUpdates.notify, { actor: handler, hearingRights: false });
    await act(reviewed, caseUpdates.submitForReview, { actor: handler });
    const task = await openTask(harness.dataSource, reviewed.workflowId);
    // 7–11 and 14, 15 December.
    expect(task.due_at?.toISOString()).toBe(endOfChinaDay('2026-12-15'));
    expect(task.payload.dueProvisional).toMatchObject({ missing: [{ region: 'xinjiang', year: 2026 }] });
  });

  let measured: WorkflowHandle;

  it("opens a major measure's review round with the same provisional limit (domain.md P13b)", async () => {
    measured = await drafted();
    const state = await act<CaseState>(measured, caseUpdates.takeCoercionMeasure, {
      actor: { id: harness.people.deputyLeader, role: 'leader', agencyCode: AGENCY },
      ...freezeMeasure({
        documentNumber: '阿市监强〔2026〕71号',
        decidedOn: '2026-12-04',
        majorReason: '冻结存款数额巨大',
      }),
    });
    expect(state.coercionMeasures ?? []).toHaveLength(0);
    const task = await openTask(harness.dataSource, measured.workflowId);
    expect(task.due_at?.toISOString()).toBe(endOfChinaDay('2026-12-15'));
    expect(task.payload.dueProvisional).toMatchObject({ missing: [{ region: 'xinjiang', year: 2026 }] });
  });

  it('counts both again once the regional year is loaded, through the registry’s event', async () => {
    // Test data, not the regional notice: one regional day off inside both periods, so the recount shows.
    await harness.registry.call('PUT', '/api/v1/calendar/xinjiang/2026', {
      daysOff: ['2026-12-09'],
      makeUpWorkingDays: [],
      source: {
        title: '测试用地区放假安排（非真实通知）',
        number: null,
        issuedOn: null,
        confidence: 'official',
      },
    });
    const recounted = await eventually(
      () => harness.state(noticed),
      (s) => s.notice?.hearingWindowEndsAt === endOfChinaDay('2026-12-14'),
      'hearing window counted again',
    );
    expect(
      recounted.deadlines.find((deadline) => deadline.kind === 'hearing-window')?.provisional,
    ).toBeUndefined();
    // The record entry is written by the activity after the workflow's state moved.
    const recount = await eventually(
      async () => (await record(noticed.workflowId)).find((entry) => entry.action === 'deadline-recounted'),
      (entry) => entry !== undefined,
      'recount recorded',
    );
    expect(recount).toMatchObject({
      title: '节假日安排已录入，重新计算听证申请期限',
      details: {
        previousDueAt: endOfChinaDay('2026-12-11'),
        dueAt: endOfChinaDay('2026-12-14'),
        provisional: null,
      },
    });
    await eventually(
      async () => (await noticed.describe()).searchAttributes.LepDeadlineProvisional,
      (value) => JSON.stringify(value) === '[false]',
      'LepDeadlineProvisional cleared',
    );

    const task = await eventually(
      () => openTask(harness.dataSource, reviewed.workflowId),
      (t) => t.due_at?.toISOString() === endOfChinaDay('2026-12-16'),
      'review limit counted again',
    );
    expect(task.payload.dueProvisional).toBeUndefined();
    const round = await eventually(
      () => harness.state(reviewed),
      (s) => s.reviewRounds[0]?.dueAt === endOfChinaDay('2026-12-16'),
      'the case told of its round',
    );
    expect(round.reviewRounds[0].dueProvisional).toBeUndefined();

    // A measure's round is counted again too, and its case keeps the new limit on the measure's round.
    const measureTask = await eventually(
      () => openTask(harness.dataSource, measured.workflowId),
      (t) => t.due_at?.toISOString() === endOfChinaDay('2026-12-16'),
      "the measure's review limit counted again",
    );
    expect(measureTask.payload.dueProvisional).toBeUndefined();
    await eventually(
      () => harness.state(measured),
      (s) => s.measureReviews?.[0]?.dueAt === endOfChinaDay('2026-12-16') && s.reviewRounds.length === 0,
      "the case told of its measure's round",
    );
  });
});
