import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys of agency systems, stored hashed. */
export class ApiKeys1764204000000 implements MigrationInterface {
  name = 'ApiKeys1764204000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "api_key" (
        "key_id" text NOT NULL,
        "secret_hash" text NOT NULL,
        "agency_code" text NOT NULL,
        "role" text NOT NULL,
        "label" text NOT NULL,
        "created_by" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_by" text,
        "revocation_reason" text,
        CONSTRAINT "PK_api_key" PRIMARY KEY ("key_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_api_key_agency" ON "api_key" ("agency_code")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_api_key_agency"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
