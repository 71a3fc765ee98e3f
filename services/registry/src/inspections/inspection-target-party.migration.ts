import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an inspection target is a natural person (行政相对人类别): the publisher masks a natural person's name
 * and personal data in published results (domain.md §4). Null for entries registered before it was kept.
 */
export class InspectionTargetPartyType1765300200000 implements MigrationInterface {
  name = 'InspectionTargetPartyType1765300200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inspection_target" ADD "party_type" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inspection_target" DROP COLUMN "party_type"`);
  }
}
