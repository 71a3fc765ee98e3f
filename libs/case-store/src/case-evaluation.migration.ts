import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 案卷评查 (domain.md R7a): a justice bureau's draws of archived cases and each drawn case's evaluation. case-api
 * is these tables' only writer (services/case-api/src/evaluations); the schema sits here because the worker runs
 * every migration of lep_cases and case-api only checks they were applied.
 */
export class CaseEvaluation1765300000000 implements MigrationInterface {
  name = 'CaseEvaluation1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "case_evaluation_draw" (
        "draw_id" text NOT NULL,
        "bureau_code" text NOT NULL,
        "request_id" text NOT NULL,
        "title" text NOT NULL,
        "agency_codes" text array NOT NULL,
        "filed_from" date,
        "filed_to" date,
        "sample_size" integer NOT NULL,
        "seed" char(64) NOT NULL,
        "pool" jsonb NOT NULL,
        "pool_hash" char(64) NOT NULL,
        "case_ids" text array NOT NULL,
        "drawn_by" text NOT NULL,
        "drawn_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_evaluation_draw" PRIMARY KEY ("draw_id"),
        CONSTRAINT "UQ_case_evaluation_draw_request" UNIQUE ("bureau_code", "request_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_case_evaluation_draw_bureau" ON "case_evaluation_draw" ("bureau_code", "drawn_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "case_evaluation" (
        "evaluation_id" text NOT NULL,
        "draw_id" text NOT NULL,
        "bureau_code" text NOT NULL,
        "case_id" text NOT NULL,
        "agency_code" text NOT NULL,
        "case_number" text NOT NULL,
        "state" text NOT NULL,
        "items" jsonb,
        "total" integer,
        "grade" text,
        "scored_by" text,
        "returned_at" TIMESTAMP WITH TIME ZONE,
        "answer" text,
        "rectified" boolean,
        "answered_by" text,
        "answered_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_case_evaluation" PRIMARY KEY ("evaluation_id"),
        CONSTRAINT "FK_case_evaluation_draw" FOREIGN KEY ("draw_id") REFERENCES "case_evaluation_draw" ("draw_id"),
        CONSTRAINT "UQ_case_evaluation_bureau_case" UNIQUE ("bureau_code", "case_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_case_evaluation_draw" ON "case_evaluation" ("draw_id")`);
    await queryRunner.query(
      `CREATE INDEX "idx_case_evaluation_agency" ON "case_evaluation" ("agency_code", "state")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_case_evaluation_agency"`);
    await queryRunner.query(`DROP INDEX "idx_case_evaluation_draw"`);
    await queryRunner.query(`DROP TABLE "case_evaluation"`);
    await queryRunner.query(`DROP INDEX "idx_case_evaluation_draw_bureau"`);
    await queryRunner.query(`DROP TABLE "case_evaluation_draw"`);
  }
}
