import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The case records' daily tree heads, received from the case side (record_anchor_day). */
export class RecordAnchorDays1765700100000 implements MigrationInterface {
  name = 'RecordAnchorDays1765700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "record_anchor_day" (
        "anchor_date" date NOT NULL,
        "case_count" integer NOT NULL,
        "root" character(64) NOT NULL,
        "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_record_anchor_day" PRIMARY KEY ("anchor_date")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "record_anchor_day"`);
  }
}
