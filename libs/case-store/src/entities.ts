import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseState } from '@lep/contracts';

/** The case index: one row per case, the latest state the workflow recorded, for listing and filtering. */
@Entity({ name: 'case_file' })
export class CaseFileEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ name: 'case_number', type: 'text' })
  caseNumber!: string;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'boolean' })
  major!: boolean;

  @Column({ name: 'handler_ids', type: 'text', array: true })
  handlerIds!: string[];

  @Column({ name: 'next_deadline_at', type: 'timestamptz', nullable: true })
  nextDeadlineAt!: Date | null;

  @Column({ type: 'boolean' })
  overdue!: boolean;

  @Column({ type: 'jsonb' })
  state!: CaseState;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One entry of a case's whole-process record (执法全过程记录), chained by hash. */
@Entity({ name: 'case_record_entry' })
export class CaseRecordEntryEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  sequence!: number;

  @Column({ name: 'entry_key', type: 'text' })
  entryKey!: string;

  @Column({ type: 'jsonb' })
  content!: unknown;

  @Column({ name: 'previous_hash', type: 'char', length: 64 })
  previousHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

export const TASK_KINDS = ['legal-review', 'coordination'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATES = ['open', 'claimed', 'completed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** A human task in the inbox. The workflow opens and closes it; people claim, release and complete it. */
@Entity({ name: 'case_task' })
export class CaseTaskEntity {
  @PrimaryColumn({ name: 'task_id', type: 'text' })
  taskId!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  kind!: TaskKind;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'text' })
  state!: TaskState;

  @Column({ name: 'assignee_agency_code', type: 'text' })
  assigneeAgencyCode!: string;

  @Column({ name: 'assignee_role', type: 'text' })
  assigneeRole!: string;

  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'boolean' })
  escalated!: boolean;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  outcome!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'completed_by', type: 'text', nullable: true })
  completedBy!: string | null;
}

export const CASE_STORE_ENTITIES = [CaseFileEntity, CaseRecordEntryEntity, CaseTaskEntity];
