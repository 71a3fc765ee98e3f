import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an agency discloses beside its duties (事前公开, domain.md P5): remedy channels (救济渠道), how it is
 * supervised (监督方式) and where to complain (投诉举报). Null until the agency fills them in.
 */
export class AgencyPublicChannels1765300000000 implements MigrationInterface {
  name = 'AgencyPublicChannels1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "agency"
        ADD "remedy_channels" text,
        ADD "supervision_methods" text,
        ADD "complaint_channels" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "agency"
        DROP COLUMN "remedy_channels",
        DROP COLUMN "supervision_methods",
        DROP COLUMN "complaint_channels"`);
  }
}
