import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client's request id of an upload: a retry after a lost answer carries the same id and finds the item
 * the first attempt stored, instead of storing a second one.
 */
export class EvidenceRequestIds1764900000001 implements MigrationInterface {
  name = 'EvidenceRequestIds1764900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_item" ADD COLUMN "request_id" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_evidence_item_request" ON "evidence_item" ("agency_code", "request_id")
       WHERE "request_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_evidence_item_request"`);
    await queryRunner.query(`ALTER TABLE "evidence_item" DROP COLUMN "request_id"`);
  }
}
