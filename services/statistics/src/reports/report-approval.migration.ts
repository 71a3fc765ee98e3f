import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual report's steps before and after publication: who last edited the narrative the platform drafted,
 * and every submission (报送) of the published report to the government at its level and to the superior
 * department (T1). The approval reuses confirmed_by/confirmed_at: the leader's approval is the confirmation.
 */
export class StatisticsReportApproval1764400300000 implements MigrationInterface {
  name = 'StatisticsReportApproval1764400300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "annual_report"
        ADD COLUMN "narrative_edited_by" text,
        ADD COLUMN "narrative_edited_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      CREATE TABLE "annual_report_submission" (
        "id" uuid PRIMARY KEY,
        "report_id" uuid NOT NULL REFERENCES "annual_report" ("id"),
        "recipient" text NOT NULL,
        "recipient_name" text NOT NULL,
        "submitted_on" date NOT NULL,
        "late" boolean NOT NULL,
        "recorded_by" text NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_annual_report_submission_report" ON "annual_report_submission" ("report_id", "submitted_on")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "annual_report_submission"`);
    await queryRunner.query(
      `ALTER TABLE "annual_report" DROP COLUMN "narrative_edited_by", DROP COLUMN "narrative_edited_at"`,
    );
  }
}
