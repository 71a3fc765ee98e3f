import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Annual statistics reports (行政执法统计年报): one per agency and year, built, confirmed, published. */
export class StatisticsAnnualReports1764400200000 implements MigrationInterface {
  name = 'StatisticsAnnualReports1764400200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "annual_report" (
        "id" uuid PRIMARY KEY,
        "agency_code" text NOT NULL,
        "year" int NOT NULL,
        "status" text NOT NULL,
        "content" jsonb NOT NULL,
        "built_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "reminder_level" int NOT NULL DEFAULT 0,
        "overdue" boolean NOT NULL DEFAULT false,
        "confirmed_by" text,
        "confirmed_at" TIMESTAMP WITH TIME ZONE,
        "published_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "uq_annual_report_agency_year" UNIQUE ("agency_code", "year")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "annual_report"`);
  }
}
