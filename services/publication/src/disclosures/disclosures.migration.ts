import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Disclosures (行政执法公示) with their raw and masked records, and their public versions. */
export class Disclosures1764300000000 implements MigrationInterface {
  name = 'Disclosures1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "disclosure" (
        "decision_id" text NOT NULL,
        "case_id" text NOT NULL,
        "agency_code" text NOT NULL,
        "category" text NOT NULL,
        "region" text NOT NULL,
        "decided_on" date NOT NULL,
        "raw" jsonb NOT NULL,
        "public_record" jsonb NOT NULL,
        "version" integer NOT NULL,
        "status" text NOT NULL,
        "masking_findings" jsonb NOT NULL,
        "needs_masking_confirmation" boolean NOT NULL,
        "masking_confirmed_by" text,
        "masking_confirmed_at" TIMESTAMP WITH TIME ZONE,
        "blocks" jsonb NOT NULL,
        "block_review" jsonb,
        "deadline_on" date,
        "display_until" date NOT NULL,
        "published_at" TIMESTAMP WITH TIME ZONE,
        "published_on_time" boolean,
        "warned_at" TIMESTAMP WITH TIME ZONE,
        "overdue_at" TIMESTAMP WITH TIME ZONE,
        "withdrawal" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_disclosure" PRIMARY KEY ("decision_id"),
        CONSTRAINT "CHK_disclosure_status" CHECK ("status" IN ('pending', 'published', 'withheld', 'withdrawn'))
      )`);
    await queryRunner.query(`CREATE INDEX "idx_disclosure_portal" ON "disclosure" ("status", "decided_on")`);
    await queryRunner.query(`
      CREATE TABLE "disclosure_version" (
        "decision_id" text NOT NULL REFERENCES "disclosure" ("decision_id"),
        "version" integer NOT NULL,
        "public_record" jsonb NOT NULL,
        "reason" text NOT NULL,
        "changed_by" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_disclosure_version" PRIMARY KEY ("decision_id", "version")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "disclosure_version"`);
    await queryRunner.query(`DROP INDEX "idx_disclosure_portal"`);
    await queryRunner.query(`DROP TABLE "disclosure"`);
  }
}
