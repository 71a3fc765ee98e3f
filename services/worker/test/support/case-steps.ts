import {
  caseSignals,
  caseUpdates,
  measureReviewWorkflowId,
  REVIEW_CHECKLIST,
  reviewUpdates,
  type CaseActor,
  type CaseState,
  type DraftDecisionInput,
  type ReviewCompletion,
  type ReviewOutcome,
} from '@lep/contracts';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { penaltyDraft } from '@lep/testing';
import type { CaseHarness } from './case-harness';

/** Runs a case action the way case-api does: an Update whose id is the request id. */
export function act<T = CaseState>(
  handle: WorkflowHandle,
  update: UpdateDefinition<T, unknown[]>,
  payload: Record<string, unknown>,
  requestId: string = randomUUID(),
): Promise<T> {
  // Loosely typed on purpose: tests send partial and wrong inputs to see the workflow refuse them.
  return handle.executeUpdate<T, [unknown]>(update.name, {
    args: [{ requestId, ...payload }],
    updateId: requestId,
  });
}

/** The stable code a refused action carries (the ApplicationFailure type), or a failure to say why not. */
export async function refusalCode(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure)
      return `${error.cause.type}: ${error.cause.message}`;
    throw error;
  }
  throw new Error('the action was accepted');
}

export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    // A query before the first workflow task has completed is refused; that is "not yet", not a failure.
    last = await read().catch(() => undefined);
    if (last !== undefined && accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

export function draft(
  actor: CaseActor,
  fineYuan: number,
  content = '罚款',
): Omit<DraftDecisionInput, 'requestId'> {
  return { actor, ...penaltyDraft(fineYuan, { content }) };
}

export function completion(taskId: string, reviewer: CaseActor, outcome: ReviewOutcome): ReviewCompletion {
  const checklist = Object.fromEntries(
    REVIEW_CHECKLIST.map((item) => [
      item,
      {
        passed: outcome === 'approved' || item !== 'law-and-discretion',
        note: outcome === 'approved' ? undefined : '罚款数额超出裁量基准',
      },
    ]),
  ) as ReviewCompletion['checklist'];
  return {
    taskId,
    reviewer,
    checklist,
    opinion: outcome === 'approved' ? '同意按草案作出决定。' : '裁量不当，请按裁量基准调整罚款数额。',
    outcome,
  };
}

export interface TaskRow {
  task_id: string;
  state: string;
  kind: string;
  round: number;
  assignee_role: string;
  escalated: boolean;
  due_at: Date | null;
  payload: Record<string, unknown>;
}

export function openTask(dataSource: DataSource, caseId: string, kind = 'legal-review'): Promise<TaskRow> {
  return eventually(
    async () =>
      (
        await dataSource.query(
          `SELECT * FROM case_task WHERE case_id = $1 AND kind = $2 AND state = 'open' ORDER BY round DESC`,
          [caseId, kind],
        )
      )[0] as TaskRow | undefined,
    (row) => row !== undefined,
    `an open ${kind} task of ${caseId}`,
  ) as Promise<TaskRow>;
}

export function completeReviewTask(
  harness: CaseHarness,
  task: TaskRow,
  reviewer: CaseActor,
  outcome: ReviewOutcome,
) {
  return harness.env.client.workflow
    .getHandle(task.task_id)
    .executeUpdate(reviewUpdates.complete, { args: [completion(task.task_id, reviewer, outcome)] });
}

export const UPDATES = caseUpdates;

/**
 * Links an evidence item into the case as the evidence service's `evidence.stored` event does (via the signal),
 * and waits until the case holds `holding` items.
 */
export async function linkEvidence(
  harness: CaseHarness,
  handle: WorkflowHandle,
  item: {
    evidenceId: string;
    kind: string;
    capturedBy: string;
    storedAt?: string;
    recordedFrom?: string;
    recordedTo?: string;
  },
  holding: number,
): Promise<void> {
  await handle.signal(caseSignals.evidenceStored, {
    evidenceId: item.evidenceId,
    sha256: createHash('sha256').update(item.evidenceId).digest('hex'),
    kind: item.kind,
    stage: 'investigating',
    capturedBy: item.capturedBy,
    storedAt: item.storedAt ?? new Date().toISOString(),
    ...(item.recordedFrom ? { recordedFrom: item.recordedFrom, recordedTo: item.recordedTo } : {}),
  });
  await eventually(
    () => harness.state(handle),
    (s) => s.evidence.length === holding,
    `${holding} evidence linked`,
  );
}

/**
 * Waits until the case is filed and under investigation, then links the video the AV list requires before it may
 * leave the stage, as the evidence service would: where most scenarios start. Answers the case as filed.
 */
export async function underInvestigation(
  harness: CaseHarness,
  handle: WorkflowHandle,
  capturedBy: string,
  storedAt?: string,
): Promise<CaseState> {
  const filed = await eventually(
    () => harness.state(handle),
    (s) => s.stage === 'investigating',
    'filing',
  );
  await linkEvidence(
    harness,
    handle,
    { evidenceId: `video-${handle.workflowId}`, kind: 'video', capturedBy, storedAt },
    1,
  );
  return filed;
}

/**
 * The reviewer answers round `round` of the legal review of the case's major measure (domain.md P13b) in the task
 * inbox; answers the case once it has recorded how the round ended.
 */
export async function answerMeasureRound(
  harness: CaseHarness,
  handle: WorkflowHandle,
  reviewer: CaseActor,
  round: number,
  outcome: ReviewOutcome,
): Promise<CaseState> {
  const task = await openTask(harness.dataSource, handle.workflowId);
  expect(task.task_id).toBe(measureReviewWorkflowId(handle.workflowId, round));
  await completeReviewTask(harness, task, reviewer, outcome);
  return eventually(
    () => harness.state(handle),
    (s) => s.measureReviews?.[round - 1]?.outcome === outcome,
    `measure round ${round} ${outcome}`,
  );
}
