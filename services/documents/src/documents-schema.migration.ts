import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Template versions and their filing, 文号 patterns and counters, and the issued documents. */
export class DocumentsSchema1765200000000 implements MigrationInterface {
  name = 'DocumentsSchema1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "template_version" (
        "id" text NOT NULL,
        "agency_code" text NOT NULL,
        "kind" text NOT NULL,
        "revision" integer NOT NULL,
        "title" text NOT NULL,
        "fields" jsonb NOT NULL,
        "blocks" jsonb NOT NULL,
        "bureau_code" text NOT NULL,
        "status" text NOT NULL,
        "submitted_by" text NOT NULL,
        "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "decided_by" text,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "record_number" text,
        "refusal_reason" text,
        CONSTRAINT "PK_template_version" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_template_version_revision" ON "template_version" ("agency_code", "kind", "revision")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_template_version_bureau" ON "template_version" ("bureau_code", "status")`,
    );
    await queryRunner.query(`
      CREATE TABLE "numbering_pattern" (
        "agency_code" text NOT NULL,
        "abbreviation" text NOT NULL,
        "kind_words" jsonb NOT NULL,
        "updated_by" text NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_numbering_pattern" PRIMARY KEY ("agency_code")
      )`);
    await queryRunner.query(`
      CREATE TABLE "number_counter" (
        "agency_code" text NOT NULL,
        "kind" text NOT NULL,
        "year" integer NOT NULL,
        "last_serial" integer NOT NULL,
        CONSTRAINT "PK_number_counter" PRIMARY KEY ("agency_code", "kind", "year")
      )`);
    await queryRunner.query(`
      CREATE TABLE "document" (
        "id" uuid NOT NULL,
        "agency_code" text NOT NULL,
        "case_id" text NOT NULL,
        "kind" text NOT NULL,
        "request_id" text NOT NULL,
        "request_hash" text NOT NULL,
        "template_version" text NOT NULL,
        "number" text,
        "number_year" integer,
        "number_serial" integer,
        "issuer" text NOT NULL,
        "issued_on" text NOT NULL,
        "data" jsonb NOT NULL,
        "confidentiality" text NOT NULL,
        "status" text NOT NULL,
        "sha256" text,
        "masked_sha256" text,
        "size" integer,
        "evidence_item_id" uuid,
        "created_by" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "stored_at" TIMESTAMP WITH TIME ZONE,
        "voided_by" text,
        "voided_at" TIMESTAMP WITH TIME ZONE,
        "void_reason" text,
        CONSTRAINT "PK_document" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_document_request" ON "document" ("agency_code", "request_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_document_serial" ON "document" ("agency_code", "kind", "number_year", "number_serial") WHERE number_serial IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_document_case" ON "document" ("case_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "document"`);
    await queryRunner.query(`DROP TABLE "number_counter"`);
    await queryRunner.query(`DROP TABLE "numbering_pattern"`);
    await queryRunner.query(`DROP TABLE "template_version"`);
  }
}
