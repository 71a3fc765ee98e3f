import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_MIGRATIONS } from '@lep/nest-kit';
import { CaseAgencyTree1765100000000 } from './agency-tree';
import { CaseEvaluation1765300000000 } from './case-evaluation.migration';
import { CaseRecordAnchor1765600000000, CaseRecordAnchorDay1765700000000 } from './record-anchor';

/** The case side's tables: the case index, the whole-process record chain and the task inbox. */
export class CaseStore1764300000000 implements MigrationInterface {
  name = 'CaseStore1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "case_file" (
        "case_id" text NOT NULL,
        "agency_code" text NOT NULL,
        "case_number" text NOT NULL,
        "item_code" text NOT NULL,
        "category" text,
        "title" text NOT NULL,
        "status" text NOT NULL,
        "stage" text NOT NULL,
        "major" boolean NOT NULL,
        "handler_ids" text array NOT NULL,
        "next_deadline_at" TIMESTAMP WITH TIME ZONE,
        "overdue" boolean NOT NULL DEFAULT false,
        "state" jsonb NOT NULL,
        "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_case_file" PRIMARY KEY ("case_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_case_file_agency_stage" ON "case_file" ("agency_code", "stage")`,
    );
    await queryRunner.query(`
      CREATE TABLE "case_record_entry" (
        "case_id" text NOT NULL,
        "sequence" integer NOT NULL,
        "entry_key" text NOT NULL,
        "content" jsonb NOT NULL,
        "previous_hash" char(64) NOT NULL,
        "hash" char(64) NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_record_entry" PRIMARY KEY ("case_id", "sequence"),
        CONSTRAINT "UQ_case_record_entry_key" UNIQUE ("case_id", "entry_key")
      )`);
    await queryRunner.query(`
      CREATE TABLE "case_task" (
        "task_id" text NOT NULL,
        "case_id" text NOT NULL,
        "agency_code" text NOT NULL,
        "kind" text NOT NULL,
        "round" integer NOT NULL,
        "state" text NOT NULL,
        "assignee_agency_code" text NOT NULL,
        "assignee_role" text NOT NULL,
        "claimed_by" text,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "escalated" boolean NOT NULL DEFAULT false,
        "payload" jsonb NOT NULL,
        "outcome" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "completed_by" text,
        CONSTRAINT "PK_case_task" PRIMARY KEY ("task_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_case_task_inbox" ON "case_task" ("assignee_agency_code", "assignee_role", "state")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_case_task_inbox"`);
    await queryRunner.query(`DROP TABLE "case_task"`);
    await queryRunner.query(`DROP TABLE "case_record_entry"`);
    await queryRunner.query(`DROP INDEX "idx_case_file_agency_stage"`);
    await queryRunner.query(`DROP TABLE "case_file"`);
  }
}

export const CASE_STORE_MIGRATIONS = [
  CaseStore1764300000000,
  CaseAgencyTree1765100000000,
  CaseEvaluation1765300000000,
  CaseRecordAnchor1765600000000,
  CaseRecordAnchorDay1765700000000,
];

/**
 * Everything lep_cases holds, in the order its one owner applies it: the worker runs these at start-up (its
 * outbox's tables and the case store's). case-api runs none and waits, on /health, until they are applied.
 */
export const CASE_DATABASE_MIGRATIONS = [...MESSAGING_MIGRATIONS, ...CASE_STORE_MIGRATIONS];
