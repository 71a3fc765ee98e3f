import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working-day calendar moved to the registry, which every service reads: publication keeps no holiday table
 * of its own any more (a year loaded here changed publication's deadlines and nobody else's). A deadline counted
 * without a year's notice is kept with the reason it is provisional, until the year is loaded and it is counted
 * again. Years loaded into the old table must be loaded into the registry (docs/operations.md); `down` does not
 * bring the old table back.
 */
export class CalendarFromRegistry1765000100000 implements MigrationInterface {
  name = 'CalendarFromRegistry1765000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "holiday_arrangement"`);
    await queryRunner.query(`ALTER TABLE "disclosure" ADD "deadline_provisional" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "disclosure" DROP COLUMN "deadline_provisional"`);
  }
}
