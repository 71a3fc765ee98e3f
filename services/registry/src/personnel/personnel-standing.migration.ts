import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal reviewers' standing (法律职业资格, 公职律师, 法律顾问), and the enforcement certificate made optional for
 * people who are only legal reviewers (domain.md L2a). Existing rows all hold a certificate and keep it. Also the
 * mark of each agency's principal leader (主要负责人, domain.md L6c), at most one per agency.
 */
export class PersonnelStanding1765400000000 implements MigrationInterface {
  name = 'PersonnelStanding1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "personnel" ADD "legal_standing" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "personnel" ADD "principal_leader" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_personnel_principal_leader" ON "personnel" ("agency_code") WHERE principal_leader`,
    );
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
    await queryRunner.query(`DROP INDEX "UQ_personnel_principal_leader"`);
    await queryRunner.query(`ALTER TABLE "personnel" DROP COLUMN "principal_leader"`);
    await queryRunner.query(`ALTER TABLE "personnel" DROP COLUMN "legal_standing"`);
  }
}
