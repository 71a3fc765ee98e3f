import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Enforcement officers and the status timeline of their certificates. */
export class Personnel1764202000000 implements MigrationInterface {
  name = 'Personnel1764202000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "personnel" (
        "id" uuid NOT NULL,
        "agency_code" text NOT NULL,
        "name" text NOT NULL,
        "id_number" text,
        "roles" text array NOT NULL,
        "certificate_number" text NOT NULL,
        "certificate_issued_on" date NOT NULL,
        "certificate_expires_on" date NOT NULL,
        "qualification" text NOT NULL,
        "scope" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_personnel_certificate_number" UNIQUE ("certificate_number"),
        CONSTRAINT "PK_personnel" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_personnel_agency" ON "personnel" ("agency_code")`);
    await queryRunner.query(`
      CREATE TABLE "personnel_status_change" (
        "id" BIGSERIAL NOT NULL,
        "personnel_id" uuid NOT NULL,
        "status" text NOT NULL,
        "effective_on" date NOT NULL,
        "reason" text NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_personnel_status_change" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_personnel_status_change_timeline" ON "personnel_status_change" ("personnel_id", "effective_on")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_personnel_status_change_timeline"`);
    await queryRunner.query(`DROP TABLE "personnel_status_change"`);
    await queryRunner.query(`DROP INDEX "idx_personnel_agency"`);
    await queryRunner.query(`DROP TABLE "personnel"`);
  }
}
