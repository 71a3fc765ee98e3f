import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only, hash-chained audit log every service with a database keeps. */
export class AuditLog1764150000001 implements MigrationInterface {
  name = 'AuditLog1764150000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_entry" (
        "sequence" integer NOT NULL,
        "content" jsonb NOT NULL,
        "previous_hash" char(64) NOT NULL,
        "hash" char(64) NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_audit_entry" PRIMARY KEY ("sequence")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
