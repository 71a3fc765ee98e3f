import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a warning's condition ended, for the kinds whose raise travels on another topic than its clear and may be
 * consumed after it (warning-rules.ts, `outlivesRaise`).
 */
export class StatisticsWarningClearances1764400500000 implements MigrationInterface {
  name = 'StatisticsWarningClearances1764400500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "warning_clearance" (
        "kind" text NOT NULL,
        "subject" text NOT NULL,
        "cleared_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_warning_clearance" PRIMARY KEY ("kind", "subject")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "warning_clearance"`);
  }
}
