import {
  CASE_EVENT_SOURCE,
  createCloudEvent,
  nextCaseDeadline,
  TOPICS,
  type CaseActor,
  type CaseStage,
  type CaseState,
  type ProvisionalCount,
  type TopicKey,
} from '@lep/contracts';
import { nextLink } from '@lep/hash-chain';
import { enqueueEvent } from '@lep/nest-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { TaskKind } from './entities';

/** What one entry of the whole-process record says: who, when, at which stage, what, with which evidence. */
export interface CaseRecordContent {
  at: string;
  actor: CaseActor;
  stage: CaseStage;
  action: string;
  /** Chinese title shown to staff, e.g. 立案, 询问笔录, 法制审核意见. */
  title: string;
  details: Record<string, unknown>;
  evidence: { evidenceId: string; sha256: string }[];
}

export interface NewTask {
  taskId: string;
  /** The agency whose case the task belongs to. */
  agencyCode: string;
  kind: TaskKind;
  round: number;
  assigneeAgencyCode: string;
  assigneeRole: string;
  dueAt: string | null;
  payload: Record<string, unknown>;
}

export interface TaskClosure {
  taskId: string;
  state: 'completed' | 'cancelled';
  outcome?: Record<string, unknown>;
  completedBy?: string;
}

export interface StepEvent {
  topic: TopicKey;
  key: string;
  type: string;
  data: unknown;
}

/** One state change of a case: recorded, indexed, its tasks updated and its events queued, all or nothing. */
export interface CaseStep {
  caseId: string;
  /** Deterministic per workflow step, so a retried activity finds its step already applied. */
  entryKey: string;
  entry: CaseRecordContent;
  /** The case after the step, for the case index; omitted by a review round, which does not own the case. */
  state?: { snapshot: CaseState; filedAt: string };
  openTasks?: NewTask[];
  closeTasks?: TaskClosure[];
  /** Tasks whose deadline passed: flagged for the head of the assignee body. */
  escalateTasks?: string[];
  /**
   * Tasks whose deadline moved (an approved extension, a count on a newly loaded calendar year), with the mark
   * of a limit still counted without a year's notice (kept in the task's payload as `dueProvisional`).
   */
  retimeTasks?: { taskId: string; dueAt: string; dueProvisional: ProvisionalCount | null }[];
  events?: StepEvent[];
}

export interface AppliedStep {
  sequence: number;
  hash: string;
  /** False when the step had been applied before (a retry): nothing was written twice. */
  applied: boolean;
}

/**
 * Applies a case step in one transaction. Appends to a case's chain are serialised by an advisory lock on the
 * case id; a step whose entry key is already recorded is acknowledged without writing anything again.
 */
export async function applyCaseStep(dataSource: DataSource, step: CaseStep): Promise<AppliedStep> {
  return dataSource.transaction((manager) => applyInTransaction(manager, step));
}

/**
 * Applies several steps of one case, in order, in one transaction: all or none, each acknowledged as applyCaseStep
 * would (a retried call writes nothing twice). One activity instead of one per step.
 */
export async function applyCaseSteps(dataSource: DataSource, steps: CaseStep[]): Promise<AppliedStep[]> {
  return dataSource.transaction(async (manager) => {
    const applied: AppliedStep[] = [];
    for (const step of steps) applied.push(await applyInTransaction(manager, step));
    return applied;
  });
}

async function applyInTransaction(manager: EntityManager, step: CaseStep): Promise<AppliedStep> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [step.caseId]);
  const existing: { sequence: number; hash: string }[] = await manager.query(
    `SELECT sequence, hash FROM case_record_entry WHERE case_id = $1 AND entry_key = $2`,
    [step.caseId, step.entryKey],
  );
  if (existing.length > 0) return { ...existing[0], applied: false };
  const last: { sequence: number; hash: string }[] = await manager.query(
    `SELECT sequence, hash FROM case_record_entry WHERE case_id = $1 ORDER BY sequence DESC LIMIT 1`,
    [step.caseId],
  );
  const link = nextLink(last[0], step.entry);
  await manager.query(
    `INSERT INTO case_record_entry (case_id, sequence, entry_key, content, previous_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [step.caseId, link.sequence, step.entryKey, JSON.stringify(step.entry), link.previousHash, link.hash],
  );
  if (step.state) await upsertCaseFile(manager, step.state, step.entry.at, link.sequence);
  await applyTaskChanges(manager, step);
  for (const [index, event] of (step.events ?? []).entries()) {
    const topic = TOPICS[event.topic];
    await enqueueEvent(
      manager,
      topic,
      event.key,
      createCloudEvent({
        id: `${step.caseId}/${step.entryKey}/${index}`,
        source: CASE_EVENT_SOURCE,
        type: event.type,
        subject: event.key,
        time: new Date(step.entry.at),
        data: event.data,
      }),
    );
  }
  return { sequence: link.sequence, hash: link.hash, applied: true };
}

async function upsertCaseFile(
  manager: EntityManager,
  { snapshot, filedAt }: { snapshot: CaseState; filedAt: string },
  updatedAt: string,
  recordEntries: number,
): Promise<void> {
  const state: CaseState = { ...snapshot, recordEntries };
  await manager.query(
    `INSERT INTO case_file (case_id, agency_code, case_number, item_code, category, title, status, stage, major,
       handler_ids, next_deadline_at, overdue, state, filed_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (case_id) DO UPDATE SET category = EXCLUDED.category, status = EXCLUDED.status,
       stage = EXCLUDED.stage, major = EXCLUDED.major, handler_ids = EXCLUDED.handler_ids,
       next_deadline_at = EXCLUDED.next_deadline_at, overdue = EXCLUDED.overdue, state = EXCLUDED.state,
       updated_at = EXCLUDED.updated_at`,
    [
      state.caseId,
      state.agencyCode,
      state.caseNumber,
      state.itemCode,
      state.category,
      state.title,
      state.status,
      state.stage,
      state.major,
      state.handlerIds,
      nextCaseDeadline(state)?.dueAt ?? null,
      state.overdue,
      JSON.stringify(state),
      filedAt,
      updatedAt,
    ],
  );
}

async function applyTaskChanges(manager: EntityManager, step: CaseStep): Promise<void> {
  for (const task of step.openTasks ?? []) {
    await manager.query(
      `INSERT INTO case_task (task_id, case_id, agency_code, kind, round, state, assignee_agency_code,
         assignee_role, due_at, payload, created_at)
       VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9, $10) ON CONFLICT (task_id) DO NOTHING`,
      [
        task.taskId,
        step.caseId,
        task.agencyCode,
        task.kind,
        task.round,
        task.assigneeAgencyCode,
        task.assigneeRole,
        task.dueAt,
        JSON.stringify(task.payload),
        step.entry.at,
      ],
    );
  }
  for (const closure of step.closeTasks ?? []) {
    await manager.query(
      `UPDATE case_task SET state = $2, outcome = $3, completed_by = $4, completed_at = $5
       WHERE task_id = $1 AND state IN ('open', 'claimed')`,
      [
        closure.taskId,
        closure.state,
        closure.outcome ? JSON.stringify(closure.outcome) : null,
        closure.completedBy ?? null,
        step.entry.at,
      ],
    );
  }
  for (const taskId of step.escalateTasks ?? []) {
    await manager.query(`UPDATE case_task SET escalated = true WHERE task_id = $1`, [taskId]);
  }
  for (const retiming of step.retimeTasks ?? []) {
    await manager.query(
      `UPDATE case_task SET due_at = $2,
         payload = CASE WHEN $3::jsonb IS NULL THEN payload - 'dueProvisional'
                        ELSE jsonb_set(payload, '{dueProvisional}', $3::jsonb) END
       WHERE task_id = $1`,
      [
        retiming.taskId,
        retiming.dueAt,
        retiming.dueProvisional ? JSON.stringify(retiming.dueProvisional) : null,
      ],
    );
  }
}

/** A claim or release the task's workflow accepted; `claimedBy` null gives the task back to the inbox. */
export interface TaskClaimChange {
  taskId: string;
  claimedBy: string | null;
}

/**
 * Moves an inbox row to the claim its workflow accepted. A task already completed or cancelled stays so (a claim
 * whose activity is retried after the completion's step changes nothing), and repeating it changes nothing.
 */
export async function applyTaskClaim(dataSource: DataSource, change: TaskClaimChange): Promise<void> {
  await dataSource.query(
    `UPDATE case_task SET state = $2, claimed_by = $3 WHERE task_id = $1 AND state IN ('open', 'claimed')`,
    [change.taskId, change.claimedBy === null ? 'open' : 'claimed', change.claimedBy],
  );
}
