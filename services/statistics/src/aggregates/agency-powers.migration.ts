import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which kinds of act each agency has the power for, from its enforcement items list (行政执法事项清单). */
export class StatisticsAgencyPowers1764400400000 implements MigrationInterface {
  name = 'StatisticsAgencyPowers1764400400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "stat_agency_power" (
        "agency_code" text PRIMARY KEY,
        "list_version" int NOT NULL,
        "categories" text[] NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "stat_agency_power"`);
  }
}
