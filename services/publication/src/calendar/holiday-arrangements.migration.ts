import { HOLIDAY_ARRANGEMENT_SEED } from '@lep/calendar';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working-day calendar kept in the database per year and region, seeded with the notices @lep/calendar
 * bundles (DOMAIN §6, the same data `lep calendar` reads). Later years are entered by the platform admin.
 */
export class HolidayArrangements1764300200000 implements MigrationInterface {
  name = 'HolidayArrangements1764300200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "holiday_arrangement" (
        "region" text NOT NULL,
        "year" integer NOT NULL,
        "days_off" jsonb NOT NULL,
        "make_up_working_days" jsonb NOT NULL,
        "source" text NOT NULL,
        "updated_by" text NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_holiday_arrangement" PRIMARY KEY ("region", "year")
      )`);
    for (const arrangement of HOLIDAY_ARRANGEMENT_SEED) {
      await queryRunner.query(
        `INSERT INTO "holiday_arrangement" (region, year, days_off, make_up_working_days, source, updated_by)
         VALUES ($1, $2, $3, $4, $5, 'seed')`,
        [
          arrangement.region,
          arrangement.year,
          JSON.stringify(arrangement.daysOff),
          JSON.stringify(arrangement.makeUpWorkingDays),
          arrangement.source,
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "holiday_arrangement"`);
  }
}
