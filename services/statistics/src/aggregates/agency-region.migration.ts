import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each agency's calendar region (national, xinjiang), from the registry's agency events: the daily calendar
 * check warns about the years the agencies' deadlines will need. Agencies announced before this migration count
 * as national until their next change.
 */
export class StatisticsAgencyRegion1765000200000 implements MigrationInterface {
  name = 'StatisticsAgencyRegion1765000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stat_agency" ADD "region" text NOT NULL DEFAULT 'national'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stat_agency" DROP COLUMN "region"`);
  }
}
