import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence items and the log of every access to their content (调阅记录). */
export class EvidenceItems1764300000000 implements MigrationInterface {
  name = 'EvidenceItems1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "evidence_item" (
        "id" uuid NOT NULL,
        "case_id" uuid NOT NULL,
        "agency_code" text NOT NULL,
        "stage" text NOT NULL,
        "kind" text NOT NULL,
        "captured_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "captured_by" text NOT NULL,
        "device" text,
        "place" text,
        "description" text,
        "confidentiality" text NOT NULL,
        "original_name" text NOT NULL,
        "content_type" text NOT NULL,
        "sha256" text NOT NULL,
        "size" bigint NOT NULL,
        "object_key" text NOT NULL,
        "retain_until" TIMESTAMP WITH TIME ZONE,
        "stored_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "uploaded_by" text NOT NULL,
        CONSTRAINT "CHK_evidence_item_kind" CHECK ("kind" IN ('text', 'photo', 'audio', 'video', 'document')),
        CONSTRAINT "CHK_evidence_item_confidentiality"
          CHECK ("confidentiality" IN ('public', 'internal', 'trade-secret', 'personal-privacy')),
        CONSTRAINT "CHK_evidence_item_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "PK_evidence_item" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_evidence_item_case" ON "evidence_item" ("case_id", "stored_at")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_evidence_item_sha256" ON "evidence_item" ("sha256")`);
    await queryRunner.query(`
      CREATE TABLE "evidence_access_log" (
        "id" bigserial NOT NULL,
        "evidence_id" uuid NOT NULL,
        "case_id" uuid NOT NULL,
        "action" text NOT NULL,
        "outcome" text NOT NULL,
        "reason" text,
        "purpose" text,
        "byte_range" text,
        "accessor" text NOT NULL,
        "accessor_kind" text NOT NULL,
        "accessor_agency" text,
        "accessor_roles" text[] NOT NULL,
        "accessed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_evidence_access_log_outcome" CHECK ("outcome" IN ('granted', 'denied')),
        CONSTRAINT "PK_evidence_access_log" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_evidence_access_log_item" ON "evidence_access_log" ("evidence_id", "accessed_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "evidence_access_log"`);
    await queryRunner.query(`DROP TABLE "evidence_item"`);
  }
}
