import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal reviewers' standing (法律职业资格, 公职律师, 法律顾问), and the enforcement certificate made optional for
 * people who are only legal reviewers (domain.md L2a). Existing rows all hold a certificate and keep it.
 */
export class PersonnelLegalStanding1765400000000 implements MigrationInterface {
  name = 'PersonnelLegalStanding1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "personnel" ADD "legal_standing" jsonb NOT NULL DEFAULT '[]'`);
    for (const column of [
      'certificate_number',
      'certificate_issued_on',
      'certificate_expires_on',
      'qualification',
      'scope',
    ])
      await queryRunner.query(`ALTER TABLE "personnel" ALTER COLUMN "${column}" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "personnel" WHERE "certificate_number" IS NULL`);
    for (const column of [
      'certificate_number',
      'certificate_issued_on',
      'certificate_expires_on',
      'qualification',
      'scope',
    ])
      await queryRunner.query(`ALTER TABLE "personnel" ALTER COLUMN "${column}" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "personnel" DROP COLUMN "legal_standing"`);
  }
}
