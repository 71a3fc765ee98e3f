import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disclosures forwarded by lower-level (师市) deployments, and the one view the public API reads: this level's
 * published and withdrawn records plus the forwarded ones. The view has no raw column, so no public query can
 * reach an unmasked field even by mistake.
 */
export class ForwardedDisclosures1764300300000 implements MigrationInterface {
  name = 'ForwardedDisclosures1764300300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "forwarded_disclosure" (
        "decision_id" text NOT NULL,
        "agency_code" text NOT NULL,
        "category" text NOT NULL,
        "decided_on" date NOT NULL,
        "display_until" date NOT NULL,
        "status" text NOT NULL,
        "version" integer NOT NULL,
        "published_at" TIMESTAMP WITH TIME ZONE,
        "public_record" jsonb NOT NULL,
        "withdrawal" jsonb,
        "forwarded_by" text NOT NULL,
        CONSTRAINT "PK_forwarded_disclosure" PRIMARY KEY ("decision_id"),
        CONSTRAINT "CHK_forwarded_disclosure_status" CHECK ("status" IN ('published', 'withdrawn'))
      )`);
    await queryRunner.query(`
      CREATE VIEW "public_disclosure" AS
        SELECT decision_id, agency_code, category, decided_on, display_until, status, version, published_at,
               public_record, withdrawal
          FROM disclosure WHERE status IN ('published', 'withdrawn')
        UNION ALL
        SELECT decision_id, agency_code, category, decided_on, display_until, status, version, published_at,
               public_record, withdrawal
          FROM forwarded_disclosure`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "public_disclosure"`);
    await queryRunner.query(`DROP TABLE "forwarded_disclosure"`);
  }
}
