import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the certificate warning needs: each officer's certificate (registry) and who handles which open case. */
export class StatisticsCertificates1764400300000 implements MigrationInterface {
  name = 'StatisticsCertificates1764400300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "stat_personnel" (
        "personnel_id" text PRIMARY KEY,
        "name" text NOT NULL,
        "agency_code" text NOT NULL,
        "certificate_number" text NOT NULL,
        "certificate_expires_on" date NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "stat_open_case_handler" (
        "case_id" text NOT NULL,
        "personnel_id" text NOT NULL,
        CONSTRAINT "PK_stat_open_case_handler" PRIMARY KEY ("case_id", "personnel_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_stat_open_case_handler_personnel" ON "stat_open_case_handler" ("personnel_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "stat_open_case_handler"`);
    await queryRunner.query(`DROP TABLE "stat_personnel"`);
  }
}
