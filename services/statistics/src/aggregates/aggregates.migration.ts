import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log (every consumed event, the source of `lep stats rebuild`), the figures it adds up to, and the
 * agency tree (from registry agency events) that figures roll up along.
 */
export class StatisticsAggregates1764400000000 implements MigrationInterface {
  name = 'StatisticsAggregates1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "event_log" (
        "seq" bigserial PRIMARY KEY,
        "event_id" text NOT NULL UNIQUE,
        "type" text NOT NULL,
        "years" int[] NOT NULL,
        "event" jsonb NOT NULL,
        "consumed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "idx_event_log_years" ON "event_log" USING gin ("years")`);
    await queryRunner.query(`
      CREATE TABLE "stat_aggregate" (
        "agency_code" text NOT NULL,
        "year" int NOT NULL,
        "month" int NOT NULL,
        "category" text NOT NULL,
        "metric" text NOT NULL,
        "value" numeric NOT NULL,
        CONSTRAINT "PK_stat_aggregate" PRIMARY KEY ("agency_code", "year", "month", "category", "metric")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_stat_aggregate_year" ON "stat_aggregate" ("year", "agency_code")`,
    );
    await queryRunner.query(`
      CREATE TABLE "stat_agency" (
        "code" text PRIMARY KEY,
        "name" text NOT NULL,
        "level" text NOT NULL,
        "parent_code" text,
        "removed" boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`CREATE INDEX "idx_stat_agency_parent" ON "stat_agency" ("parent_code")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "stat_agency"`);
    await queryRunner.query(`DROP TABLE "stat_aggregate"`);
    await queryRunner.query(`DROP TABLE "event_log"`);
  }
}
