import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  CASE_EVENT_TYPES,
  CASE_WORKFLOWS,
  REVIEW_CHECKLIST,
  caseQueries,
  caseSignals,
  caseUpdates,
  reviewUpdates,
  reviewWorkflowId,
  type CaseActor,
  type CaseLifecycleWorkflow,
  type CaseState,
  type ReviewCompletion,
  type StartCaseInput,
} from '@lep/contracts';
import type { CaseStep, TaskClaimChange } from '@lep/case-store';
import { penaltyDraft, startTimeSkippingTemporal, type TimeSkippingTemporal } from '@lep/testing';
import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { CaseActivities, FilingCheck } from '../src/case/activities';

/**
 * Each phase of the case workflow on Temporal's time-skipping server with its activities mocked: the steps the
 * workflow asks the worker to record are kept in memory, so these tests see the workflow's own decisions (stage
 * moves, refusals, deadlines, tasks, events) in seconds. The worker's end-to-end tests drive the same workflows
 * over PostgreSQL and the registry.
 */
const DAY = 86_400_000;
const AGENCY = 'BT-FAST';
const handler: CaseActor = { id: 'handler-1', role: 'handler', agencyCode: AGENCY };
/** The agency head who decides (not a handler of the case: domain.md R8b). */
const leader: CaseActor = { id: 'head-1', role: 'leader', agencyCode: AGENCY };
const reviewer: CaseActor = { id: 'reviewer-1', role: 'legal-reviewer', agencyCode: 'RB-FAST' };
const colleague: CaseActor = { id: 'reviewer-2', role: 'legal-reviewer', agencyCode: 'RB-FAST' };

Runtime.install({ logger: new DefaultLogger('WARN') });

const steps = new Map<string, CaseStep[]>();
const claims: TaskClaimChange[] = [];
const documents = new Map<string, string>();
const voidedDocuments = new Set<string>();
const numberedAgencies = new Set<string>();
let filing: FilingCheck;
/** Cases whose steps fail as they do while the case database is down. */
const databaseDown = new Set<string>();

const accepted: FilingCheck = {
  accepted: true,
  agency: {
    code: AGENCY,
    name: '快速测试市场监督管理局',
    creditCode: '11650000MB0000000X',
    region: 'national',
    reviewBodyAgencyCode: 'RB-FAST',
    reviewBodyName: '法制审核科',
  },
  category: 'penalty',
  itemName: '销售不合格产品',
  av: null,
  reviewSla: { workingDays: 7, extensionWorkingDays: 3 },
};

/** A step recorded in memory as applyCaseStep records it: once per entry key; refused while the database is down. */
function applyInMemory(step: CaseStep): { sequence: number; hash: string; applied: boolean } {
  if (databaseDown.has(step.caseId)) throw new Error('数据库连接失败');
  const recorded = steps.get(step.caseId) ?? [];
  const known = recorded.findIndex((candidate) => candidate.entryKey === step.entryKey);
  if (known >= 0) return { sequence: known + 1, hash: 'h', applied: false };
  recorded.push(step);
  steps.set(step.caseId, recorded);
  return { sequence: recorded.length, hash: 'h', applied: true };
}

/** The activities, in memory: the registry says `filing`; a fine of 10,000 yuan or more is a major decision. */
const activities: CaseActivities = {
  checkFiling: async () => filing,
  prepareDraft: async ({ draft, facts }) => ({
    hash: createHash('sha256').update(JSON.stringify(draft)).digest('hex'),
    verdict: {
      major: (facts.fineYuan ?? 0) >= 10_000,
      reasons: (facts.fineYuan ?? 0) >= 10_000 ? ['罚款数额较大'] : [],
      catalogVersion: 1,
    },
  }),
  checkReviewer: async () => [],
  agencyRegion: async () => 'national',
  checkPrincipalLeader: async () => [],
  checkActingOfficers: async () => null,
  // Calendar days stand in for working days: the phases only compare the instants they are given.
  workingDaysEnd: async ({ from, workingDays }) => ({
    dueAt: new Date(Date.parse(from) + workingDays * DAY).toISOString(),
    provisional: null,
  }),
  applyStep: async (step) => applyInMemory(step),
  applySteps: async (many) => many.map(applyInMemory),
  applyTaskClaim: async (change) => {
    claims.push(change);
  },
  // The manifest over the steps recorded so far: the archive step must carry it.
  sealDossier: async (caseId) => ({
    manifestSha256: 'c'.repeat(64),
    recordSequence: steps.get(caseId)?.length ?? 0,
    recordHash: 'h',
  }),
  // The documents service, in memory: one numbered document per request id, voided once; an agency without a
  // 文号 pattern is refused as the service refuses it.
  issueDecisionDocument: async ({ requestId, agencyCode }) => {
    if (!numberedAgencies.has(agencyCode))
      throw ApplicationFailure.nonRetryable(
        `执法主体 ${agencyCode} 尚未设置文号规则`,
        'NUMBERING_NOT_CONFIGURED',
      );
    const sha256 = createHash('sha256').update(requestId).digest('hex');
    const documentId = documents.get(requestId) ?? randomUUID();
    documents.set(requestId, documentId);
    return {
      documentId,
      number: `快市监处罚〔2026〕${documents.size}号`,
      sha256,
      maskedSha256: createHash('sha256').update(sha256).digest('hex'),
      templateVersion: 'penalty-decision.v1',
    };
  },
  voidDocument: async ({ documentId }) => {
    voidedDocuments.add(documentId);
  },
};

let temporal: TimeSkippingTemporal;
let client: Client;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `fast-cases-${randomUUID()}`;

beforeAll(async () => {
  temporal = await startTimeSkippingTemporal({ startTime: new Date('2026-03-02T02:00:00Z') });
  const { env } = temporal;
  // A plain client: awaiting results must not let the test server's clock run (the test moves it with sleep).
  client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowsPath: path.resolve(__dirname, '../src'),
    activities,
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await temporal?.stop();
});

beforeEach(() => {
  filing = accepted;
});

async function startCase(): Promise<WorkflowHandle<CaseLifecycleWorkflow>> {
  const input: StartCaseInput = {
    agencyCode: AGENCY,
    caseNumber: `FAST-${randomUUID().slice(0, 8)}`,
    itemCode: 'P-001',
    title: '销售不合格产品案',
    filedOn: '2026-03-02',
    handlerIds: ['handler-1', 'handler-2'],
    parties: [{ type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' }],
    otherPersonNames: [],
    actor: handler,
  };
  return client.workflow.start<CaseLifecycleWorkflow>(CASE_WORKFLOWS.lifecycle, {
    taskQueue,
    workflowId: `case-${input.agencyCode}.${input.caseNumber}`,
    args: [input],
  });
}

const act = <I>(handle: WorkflowHandle, update: { name: string }, input: I): Promise<CaseState> =>
  handle.executeUpdate<CaseState, [unknown]>(update.name, { args: [{ requestId: randomUUID(), ...input }] });

async function refusal(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
      return error.cause.type ?? 'untyped';
  }
  return 'not refused';
}

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, looks = 200): Promise<T> {
  for (let attempt = 0; attempt < looks; attempt++) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met in time');
}

const stateOf = (handle: WorkflowHandle) => handle.query(caseQueries.state);
const recorded = (handle: WorkflowHandle) =>
  (steps.get(handle.workflowId) ?? []).map((step) => step.entry.action);
const eventTypes = (handle: WorkflowHandle) =>
  (steps.get(handle.workflowId) ?? []).flatMap((step) => (step.events ?? []).map((event) => event.type));

async function investigating(): Promise<WorkflowHandle> {
  const handle = await startCase();
  await eventually(
    () => stateOf(handle),
    (state) => state.stage === 'investigating',
  );
  return handle;
}

async function notified(fineYuan: number): Promise<{ handle: WorkflowHandle; state: CaseState }> {
  const handle = await investigating();
  await act(handle, caseUpdates.draftDecision, { actor: handler, ...penaltyDraft(fineYuan) });
  const state = await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
  return { handle, state };
}

describe('filing', () => {
  it('refuses a case the registry checks refuse, with the reasons, and ends', async () => {
    filing = { accepted: false, reasons: ['承办人员不足两名持有效执法证件'] };
    const handle = await startCase();
    const state = await handle.result();
    expect(state).toMatchObject({ status: 'refused', refusalReasons: ['承办人员不足两名持有效执法证件'] });
    expect(recorded(handle)).toEqual(['refused']);
    expect(eventTypes(handle)).toEqual([CASE_EVENT_TYPES.refused]);
  });

  it('files an accepted penalty case with its 90-day limit and moves it into investigation', async () => {
    const handle = await investigating();
    const state = await stateOf(handle);
    expect(state.status).toBe('open');
    expect(state.deadlines.map((deadline) => deadline.kind).sort()).toEqual([
      'decision-limit',
      'decision-limit-warning',
    ]);
    expect(recorded(handle)).toEqual(['filed', 'stage:investigating']);
    expect(eventTypes(handle)).toEqual([CASE_EVENT_TYPES.filed, CASE_EVENT_TYPES.stageChanged]);
  });
});

describe('investigation', () => {
  it('records, links evidence once, and ends with the draft', async () => {
    const handle = await investigating();
    await act(handle, caseUpdates.addRecord, {
      actor: handler,
      title: '询问笔录',
      content: '询问张三',
      evidence: [],
    });
    const link = {
      evidenceId: 'ev-1',
      sha256: 'ab'.repeat(32),
      kind: 'photo',
      stage: 'investigating',
      capturedBy: 'handler-1',
      storedAt: '2026-03-02T03:00:00Z',
    };
    await handle.signal(caseSignals.evidenceStored, link);
    await handle.signal(caseSignals.evidenceStored, link);
    await eventually(
      () => stateOf(handle),
      (state) => state.evidence.length === 1,
    );
    const state = await act(handle, caseUpdates.draftDecision, { actor: handler, ...penaltyDraft(500) });
    expect(state).toMatchObject({ stage: 'drafting', major: false, draft: { version: 1 } });
    expect(recorded(handle)).toEqual([
      'filed',
      'stage:investigating',
      'record',
      'evidence-linked',
      'stage:drafting',
    ]);
  });
});

describe('steps as server activities (patch case-steps-on-server)', () => {
  it('runs every step of a case as a server activity: its history holds no local activity', async () => {
    const handle = await investigating();
    await act(handle, caseUpdates.draftDecision, { actor: handler, ...penaltyDraft(500) });
    const { events } = await handle.fetchHistory();
    const scheduled = (events ?? []).flatMap((event) => {
      const name = event.activityTaskScheduledEventAttributes?.activityType?.name;
      return name ? [name] : [];
    });
    expect(scheduled).toEqual(
      expect.arrayContaining(['checkFiling', 'applySteps', 'applyStep', 'prepareDraft']),
    );
    // A local activity leaves a marker named core_local_activity where a server activity leaves its events.
    const markers = (events ?? []).flatMap((event) => {
      const name = event.markerRecordedEventAttributes?.markerName;
      return name ? [name] : [];
    });
    expect(markers).not.toContain('core_local_activity');
  });

  it('retries a step that keeps failing as a server activity that names itself, and records it once', async () => {
    const handle = await investigating();
    databaseDown.add(handle.workflowId);
    const acted = act(handle, caseUpdates.addRecord, {
      actor: handler,
      title: '询问笔录',
      content: '询问张三',
      evidence: [],
    });
    // The step is the pending activity case-api's waitingOn reports, with its attempt and the database's error.
    const pending = await eventually(
      async () => (await handle.describe()).raw.pendingActivities ?? [],
      (activities) => activities.some((activity) => (activity.attempt ?? 1) > 1),
      600,
    ).finally(() => databaseDown.delete(handle.workflowId));
    expect(pending).toEqual([
      expect.objectContaining({
        activityType: expect.objectContaining({ name: 'applyStep' }),
        lastFailure: expect.objectContaining({ message: '数据库连接失败' }),
      }),
    ]);
    await acted;
    expect(recorded(handle)).toEqual(['filed', 'stage:investigating', 'record']);
  });
});

describe('notice and hearing', () => {
  it('holds the decision while the hearing window is open, and records the window closing unused', async () => {
    const handle = await investigating();
    await act(handle, caseUpdates.draftDecision, { actor: handler, ...penaltyDraft(500) });
    const state = await act(handle, caseUpdates.notify, { actor: handler, hearingRights: true });
    expect(state.deadlines.find((deadline) => deadline.kind === 'hearing-window')).toBeDefined();
    expect(
      await refusal(act(handle, caseUpdates.decide, { actor: leader, draftHash: state.draft?.hash })),
    ).toBe('CASE_WRONG_STAGE');
    await temporal.env.sleep(6 * DAY);
    await eventually(
      () => Promise.resolve(recorded(handle)),
      (actions) => actions.includes('deadline:hearing-window'),
    );
    expect(await refusal(act(handle, caseUpdates.requestHearing, { actor: handler }))).toBe(
      'HEARING_WINDOW_CLOSED',
    );
  });

  it('moves to the hearing on the party’s request within the window, and records it', async () => {
    const handle = await investigating();
    await act(handle, caseUpdates.draftDecision, { actor: handler, ...penaltyDraft(500) });
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: true });
    expect((await act(handle, caseUpdates.requestHearing, { actor: handler })).stage).toBe('hearing');
    const heard = await act(handle, caseUpdates.recordHearing, { actor: handler, report: '听证报告' });
    expect(heard.hearing?.heldAt).toBeDefined();
  });
});

describe('review, decision, execution and closure', () => {
  it('reviews a major draft in a round whose task only its claimant answers, then decides and archives', async () => {
    const { handle, state } = await notified(50_000);
    expect(state.major).toBe(true);
    expect(
      await refusal(act(handle, caseUpdates.decide, { actor: leader, draftHash: state.draft?.hash })),
    ).toBe('REVIEW_NOT_APPROVED');
    await act(handle, caseUpdates.submitForReview, { actor: handler });
    const round = client.workflow.getHandle(reviewWorkflowId(handle.workflowId, 1));
    await eventually(
      () => Promise.resolve(recorded(handle)),
      (actions) => actions.includes('review-opened'),
    );

    await round.executeUpdate(reviewUpdates.claim, { args: [{ taskId: round.workflowId, by: reviewer }] });
    expect(claims).toContainEqual({ taskId: round.workflowId, claimedBy: 'reviewer-1' });
    const checklist = Object.fromEntries(
      REVIEW_CHECKLIST.map((item) => [item, { passed: true }]),
    ) as ReviewCompletion['checklist'];
    const completion = { taskId: round.workflowId, checklist, opinion: '同意', outcome: 'approved' as const };
    expect(
      await refusal(
        round.executeUpdate(reviewUpdates.complete, { args: [{ ...completion, reviewer: colleague }] }),
      ),
    ).toBe('TASK_CLAIMED_BY_OTHER');
    await round.executeUpdate(reviewUpdates.complete, { args: [{ ...completion, reviewer }] });
    const reviewed = await eventually(
      () => stateOf(handle),
      (current) => current.reviewRounds[0]?.outcome === 'approved',
    );

    // 回避 of the deciding leader (domain.md R8b): not a handler of the case, not the reviewer who gave its opinion.
    const asLeader = (id: string): CaseActor => ({ id, role: 'leader', agencyCode: AGENCY });
    for (const recused of [asLeader(handler.id), asLeader(reviewer.id)])
      expect(
        await refusal(act(handle, caseUpdates.decide, { actor: recused, draftHash: reviewed.draft?.hash })),
      ).toBe('DECIDER_RECUSED');
    // A key is no officer: the agency's system names who acts, or the act is refused.
    const system: CaseActor = { id: 'key-FAST', role: 'agency-system', agencyCode: AGENCY };
    expect(
      await refusal(act(handle, caseUpdates.decide, { actor: system, draftHash: reviewed.draft?.hash })),
    ).toBe('ACTING_OFFICER_REQUIRED');

    const decided = await act(handle, caseUpdates.decide, {
      actor: { ...system, officerIds: [leader.id] },
      draftHash: reviewed.draft?.hash,
    });
    expect(decided.stage).toBe('decided');
    expect(eventTypes(handle)).toContain(CASE_EVENT_TYPES.decisionMade);
    for (const update of [caseUpdates.serve, caseUpdates.execute, caseUpdates.close, caseUpdates.archive])
      await act(handle, update, { actor: handler, note: '办结' });
    expect(await handle.result()).toMatchObject({ status: 'archived', stage: 'archived' });
    // 归档 seals the 案卷 over the record before it: its entry carries the manifest of the steps until then.
    const caseSteps = steps.get(handle.workflowId) ?? [];
    expect(caseSteps.at(-1)?.entry).toMatchObject({
      action: 'stage:archived',
      details: { dossier: { manifestSha256: 'c'.repeat(64), recordSequence: caseSteps.length - 1 } },
    });
  });
});

describe('a coercion case', () => {
  it('wants its draft to say which measure or execution it is, and passes the kind to the decision', async () => {
    filing = { ...accepted, category: 'coercion' };
    try {
      const handle = await investigating();
      const { penalty: _penalty, ...base } = penaltyDraft(500);
      const sealing = {
        ...base,
        other: { title: '查封决定', content: '查封涉案场所', legalBasis: '《行政强制法》第二十二条' },
      };
      expect(await refusal(act(handle, caseUpdates.draftDecision, { actor: handler, ...sealing }))).toBe(
        'COERCION_KIND_MISMATCH',
      );
      const drafted = await act(handle, caseUpdates.draftDecision, {
        actor: handler,
        ...sealing,
        coercion: { kind: 'seal' },
      });
      await act(handle, caseUpdates.decide, { actor: leader, draftHash: drafted.draft?.hash });
      const made = (steps.get(handle.workflowId) ?? [])
        .flatMap((step) => step.events ?? [])
        .find((event) => event.type === CASE_EVENT_TYPES.decisionMade);
      expect((made?.data as { coercion?: unknown }).coercion).toEqual({ kind: 'seal' });

      // A 查封 is carried out under full-process AV though this agency's AV list asks for nothing (domain.md R4).
      await act(handle, caseUpdates.serve, { actor: handler, note: '直接送达' });
      const carriedOut = { from: '2026-03-03T01:00:00.000Z', to: '2026-03-03T02:00:00.000Z' };
      const executing = (input: object) =>
        act(handle, caseUpdates.execute, { actor: handler, note: '已查封', ...input });
      expect(await refusal(executing({}))).toBe('AV_RECORD_MISSING');
      const video = (evidenceId: string, recordedFrom: string, recordedTo: string) =>
        handle.signal(caseSignals.evidenceStored, {
          evidenceId,
          sha256: 'cd'.repeat(32),
          kind: 'video',
          stage: 'executed',
          capturedBy: handler.id,
          storedAt: '2026-03-03T03:00:00Z',
          recordedFrom,
          recordedTo,
        });
      await video('cam-1', '2026-03-03T00:58:00Z', '2026-03-03T01:40:00Z');
      await eventually(
        () => stateOf(handle),
        (state) => state.evidence.some((item) => item.evidenceId === 'cam-1'),
      );
      // The camera stopped for twenty minutes: the stage cannot be left.
      expect(await refusal(executing({ carriedOut }))).toBe('AV_RECORD_MISSING');
      await video('cam-2', '2026-03-03T01:40:00Z', '2026-03-03T02:03:00Z');
      await eventually(
        () => stateOf(handle),
        (state) => state.evidence.some((item) => item.evidenceId === 'cam-2'),
      );
      expect((await executing({ carriedOut })).stage).toBe('executed');
      expect((steps.get(handle.workflowId) ?? []).at(-1)?.entry).toMatchObject({
        action: 'stage:executed',
        details: { carriedOut },
      });
    } finally {
      filing = accepted;
    }
  });
});

describe('the unit’s finding that a decision is major (domain.md L3d)', () => {
  it('is taken before the decision and recorded; once decided it is refused', async () => {
    const { handle, state } = await notified(500);
    expect(state.major).toBe(false);
    const declared = await act(handle, caseUpdates.declareMajor, {
      actor: handler,
      reason: '涉及重大公共利益',
    });
    expect(declared.majorReasons).toEqual(['承办机构认定：涉及重大公共利益']);
    expect(recorded(handle)).toContain('major-declared');
    expect(
      await refusal(act(handle, caseUpdates.decide, { actor: leader, draftHash: state.draft?.hash })),
    ).toBe('REVIEW_NOT_APPROVED');

    const minor = await notified(600);
    await act(minor.handle, caseUpdates.decide, { actor: leader, draftHash: minor.state.draft?.hash });
    expect(
      await refusal(act(minor.handle, caseUpdates.declareMajor, { actor: handler, reason: '事后认定' })),
    ).toBe('CASE_WRONG_STAGE');
  });
});

describe('revocation', () => {
  it('withdraws a decision to be re-made: the case goes back to drafting and the withdrawal is announced', async () => {
    const { handle, state } = await notified(500);
    await act(handle, caseUpdates.decide, { actor: leader, draftHash: state.draft?.hash });
    const withdrawn = await act(handle, caseUpdates.revoke, {
      actor: leader,
      kind: 'remade',
      reason: '适用依据错误',
    });
    expect(withdrawn).toMatchObject({ stage: 'drafting', withdrawal: { kind: 'remade' } });
    expect(withdrawn.decision).toBeUndefined();
    expect(eventTypes(handle)).toContain(CASE_EVENT_TYPES.decisionWithdrawn);
  });
});

describe('deadlines', () => {
  it('warns 10 days before the 90-day limit and records it overdue after it', async () => {
    const handle = await investigating();
    const limit = (await stateOf(handle)).deadlines.find((deadline) => deadline.kind === 'decision-limit');
    await temporal.env.sleep(Date.parse(limit!.dueAt) - (await temporal.env.currentTimeMs()) + DAY);
    const state = await eventually(
      () => stateOf(handle),
      (current) => current.overdue,
    );
    expect(recorded(handle)).toEqual(
      expect.arrayContaining(['deadline:decision-limit-warning', 'deadline:decision-limit']),
    );
    expect(state.deadlines.every((deadline) => deadline.fired)).toBe(true);
  });
});

describe('a draft rendered as the 决定书 (domain.md L1b)', () => {
  const rendered = (fineYuan: number) => ({
    actor: handler,
    ...penaltyDraft(fineYuan),
    document: { reconsiderationBody: '快速测试市人民政府', court: '快速测试市人民法院' },
  });

  it('refuses the submission with the documents service’s reason when no document can be issued, recording nothing', async () => {
    const handle = await investigating();
    await act(handle, caseUpdates.draftDecision, rendered(50_000));
    await act(handle, caseUpdates.notify, { actor: handler, hearingRights: false });
    const before = recorded(handle).length;
    expect(await refusal(act(handle, caseUpdates.submitForReview, { actor: handler }))).toBe(
      'NUMBERING_NOT_CONFIGURED',
    );
    expect(recorded(handle)).toHaveLength(before);
    expect((await stateOf(handle)).reviewRounds).toEqual([]);

    numberedAgencies.add(AGENCY);
    const submitted = await act(handle, caseUpdates.submitForReview, { actor: handler });
    expect(submitted.reviewRounds[0].document).toEqual(submitted.draft?.document);
  });
});
