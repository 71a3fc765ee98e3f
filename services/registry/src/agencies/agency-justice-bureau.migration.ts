import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Marks the agencies that are justice bureaus (司法行政机关), with whom document formats are recorded (R2). */
export class AgencyJusticeBureau1765100000000 implements MigrationInterface {
  name = 'AgencyJusticeBureau1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" ADD "justice_bureau" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency" DROP COLUMN "justice_bureau"`);
  }
}
