import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEED_NOTICES } from './seed-notices';

/**
 * The working-day calendar, owned by the registry like the platform's other reference data, seeded with the
 * notices known when it moved here from the publication service (national 2025 and 2026, Xinjiang 2025).
 */
export class CalendarYears1765000000000 implements MigrationInterface {
  name = 'CalendarYears1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "calendar_year" (
        "region" text NOT NULL,
        "year" integer NOT NULL,
        "revision" integer NOT NULL,
        "days_off" jsonb NOT NULL,
        "make_up_working_days" jsonb NOT NULL,
        "source_title" text NOT NULL,
        "source_number" text,
        "source_issued_on" text,
        "source_confidence" text NOT NULL,
        "loaded_by" text NOT NULL,
        "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_calendar_year" PRIMARY KEY ("region", "year", "revision")
      )`);
    for (const notice of SEED_NOTICES) {
      await queryRunner.query(
        `INSERT INTO "calendar_year" (region, year, revision, days_off, make_up_working_days, source_title,
           source_number, source_issued_on, source_confidence, loaded_by, loaded_at)
         VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, 'seed', now())`,
        [
          notice.region,
          notice.year,
          JSON.stringify(notice.daysOff),
          JSON.stringify(notice.makeUpWorkingDays),
          notice.source.title,
          notice.source.number,
          notice.source.issuedOn,
          notice.source.confidence,
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_year"`);
  }
}
