import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pre-disclosure (事前公开) entries received from the registry. */
export class PreDisclosure1764300100000 implements MigrationInterface {
  name = 'PreDisclosure1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "pre_disclosure" (
        "kind" text NOT NULL,
        "subject_key" text NOT NULL,
        "agency_code" text NOT NULL,
        "parent_code" text,
        "title" text NOT NULL,
        "data" jsonb NOT NULL,
        "event_time" TIMESTAMP WITH TIME ZONE NOT NULL,
        "removed" boolean NOT NULL,
        CONSTRAINT "PK_pre_disclosure" PRIMARY KEY ("kind", "subject_key")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_pre_disclosure_agency" ON "pre_disclosure" ("kind", "agency_code")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_pre_disclosure_agency"`);
    await queryRunner.query(`DROP TABLE "pre_disclosure"`);
  }
}
