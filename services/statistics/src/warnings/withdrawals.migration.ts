import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each withdrawn decision (domain.md P9) as statistics learns it: from the case side when it was withdrawn, from
 * publication when it was taken down. The daily sweep warns about those withdrawn and not taken down in time.
 */
export class StatisticsWithdrawals1764400900000 implements MigrationInterface {
  name = 'StatisticsWithdrawals1764400900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "stat_withdrawal" (
        "decision_id" text PRIMARY KEY,
        "agency_code" text NOT NULL,
        "withdrawn_on" date,
        "region" text,
        "taken_down_at" TIMESTAMP WITH TIME ZONE
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_stat_withdrawal_pending" ON "stat_withdrawal" ("withdrawn_on") WHERE "taken_down_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "stat_withdrawal"`);
  }
}
