import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The agency register (执法主体). */
export class Agencies1764201000000 implements MigrationInterface {
  name = 'Agencies1764201000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "agency" (
        "code" text NOT NULL,
        "name" text NOT NULL,
        "level" text NOT NULL,
        "parent_code" text,
        "unified_social_credit_code" text NOT NULL,
        "legal_basis" text NOT NULL,
        "duties_and_powers" text NOT NULL,
        "region" text NOT NULL,
        "legal_review_body_name" text NOT NULL,
        "legal_review_body_agency_code" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_agency_uscc" UNIQUE ("unified_social_credit_code"),
        CONSTRAINT "PK_agency" PRIMARY KEY ("code")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_agency_parent" ON "agency" ("parent_code")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_agency_parent"`);
    await queryRunner.query(`DROP TABLE "agency"`);
  }
}
