import { randomUUID } from 'node:crypto';
import { chinaDateOf } from '@lep/calendar';
import { applyCaseStep, type NewTask } from '@lep/case-store';
import { caseWorkflowId, reviewWorkflowId, type CaseState } from '@lep/contracts';
import type { DataSource } from 'typeorm';

export const HANDLERS = [randomUUID(), randomUUID()];

/** A case state as the worker records it, for cases these tests put in the index without a workflow. */
export function caseState(
  agencyCode: string,
  caseNumber: string,
  overrides: Partial<CaseState> = {},
): CaseState {
  return {
    caseId: caseWorkflowId(agencyCode, caseNumber),
    agencyCode,
    caseNumber,
    itemCode: 'P-001',
    category: 'penalty',
    title: '销售不合格产品案',
    status: 'open',
    refusalReasons: [],
    stage: 'investigating',
    handlerIds: HANDLERS,
    major: false,
    majorReasons: [],
    reviewRounds: [],
    deadlines: [],
    overdue: false,
    evidence: [],
    missingAv: [],
    recordEntries: 0,
    ...overrides,
  };
}

let step = 0;

/**
 * Writes one case step the way the worker's activity does (record entry, index row, tasks), so the index,
 * the record chain and the inbox hold exactly what production would.
 */
export async function seedStep(
  dataSource: DataSource,
  state: CaseState,
  options: { title?: string; openTasks?: NewTask[]; closeTasks?: { taskId: string }[] } = {},
): Promise<void> {
  step += 1;
  await applyCaseStep(dataSource, {
    caseId: state.caseId,
    entryKey: `seed-${step}`,
    entry: {
      at: new Date(Date.UTC(2026, 9, 9, 2, 0, step)).toISOString(),
      actor: { id: HANDLERS[0], role: 'handler', agencyCode: state.agencyCode },
      stage: state.stage,
      action: 'seed',
      title: options.title ?? '询问笔录',
      details: { step },
      evidence: [],
    },
    state: { snapshot: state, filedAt: '2026-10-09T00:00:00.000Z' },
    openTasks: options.openTasks,
    closeTasks: options.closeTasks?.map(({ taskId }) => ({
      taskId,
      state: 'completed',
      completedBy: 'someone',
    })),
  });
}

/** A legal-review task of round 1 of `state`'s case, addressed to `reviewBody`'s legal reviewers. */
export function reviewTask(
  state: CaseState,
  reviewBody: string,
  taskId = reviewWorkflowId(state.caseId, 1),
): NewTask {
  return {
    taskId,
    agencyCode: state.agencyCode,
    kind: 'legal-review',
    round: 1,
    assigneeAgencyCode: reviewBody,
    assigneeRole: 'legal-reviewer',
    dueAt: '2026-10-20T10:00:00.000Z',
    payload: { draftHash: 'a'.repeat(64) },
  };
}

export const CHECKLIST_PASSED = {
  'subject-legality': { passed: true },
  'handler-qualification': { passed: true },
  procedure: { passed: true },
  'facts-and-evidence': { passed: true },
  'law-and-discretion': { passed: true },
  authority: { passed: true },
  documents: { passed: true },
  'criminal-referral': { passed: true },
};

export function startBody(agencyCode: string, caseNumber: string, overrides: Record<string, unknown> = {}) {
  return {
    agencyCode,
    caseNumber,
    itemCode: 'P-001',
    title: '销售不合格产品案',
    filedOn: '2026-10-09',
    handlerIds: HANDLERS,
    parties: [{ type: 'legal-person', name: '某某商贸有限公司', creditCode: '91659000MA7XXXXX1X' }],
    otherPersonNames: ['张三'],
    ...overrides,
  };
}

/** Today on the China calendar (UTC+8), YYYY-MM-DD: the date a 决定书 made today carries. */
export function chinaToday(): string {
  return chinaDateOf(Date.now());
}
