import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Early warnings: at most one open (raised) warning per kind and subject; cleared ones stay as history. */
export class StatisticsWarnings1764400100000 implements MigrationInterface {
  name = 'StatisticsWarnings1764400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "warning" (
        "id" uuid PRIMARY KEY,
        "kind" text NOT NULL,
        "subject" text NOT NULL,
        "agency_code" text NOT NULL,
        "severity" text NOT NULL,
        "state" text NOT NULL,
        "message" text NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "cleared_at" TIMESTAMP WITH TIME ZONE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_warning_open" ON "warning" ("kind", "subject") WHERE "state" = 'raised'`,
    );
    await queryRunner.query(`CREATE INDEX "idx_warning_agency" ON "warning" ("agency_code", "state")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "warning"`);
  }
}
