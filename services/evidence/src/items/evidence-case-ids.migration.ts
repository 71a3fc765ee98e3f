import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case ids are the platform's (`case-<agency>-<number>`, as case-api and the case workflows name a case), not
 * UUIDs: with uuid columns no evidence could be filed under a real case, and the worker could link none.
 */
export class EvidenceCaseIds1764900000000 implements MigrationInterface {
  name = 'EvidenceCaseIds1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['evidence_item', 'evidence_access_log'])
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "case_id" TYPE text USING "case_id"::text`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['evidence_item', 'evidence_access_log'])
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "case_id" TYPE uuid USING "case_id"::uuid`,
      );
  }
}
