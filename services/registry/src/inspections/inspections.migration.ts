import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Double-random inspections: target lists, recusal relations, plans, draws and results. */
export class Inspections1764205000000 implements MigrationInterface {
  name = 'Inspections1764205000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "inspection_target" (
        "agency_code" text NOT NULL,
        "code" text NOT NULL,
        "name" text NOT NULL,
        "category" text NOT NULL,
        "active" boolean NOT NULL,
        CONSTRAINT "PK_inspection_target" PRIMARY KEY ("agency_code", "code")
      )`);
    await queryRunner.query(`
      CREATE TABLE "inspection_relation" (
        "id" BIGSERIAL NOT NULL,
        "agency_code" text NOT NULL,
        "personnel_id" uuid NOT NULL,
        "target_code" text NOT NULL,
        "relation" text NOT NULL,
        "recorded_by" text NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inspection_relation" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_relation_agency" ON "inspection_relation" ("agency_code")`,
    );
    await queryRunner.query(`
      CREATE TABLE "inspection_plan" (
        "id" uuid NOT NULL,
        "agency_code" text NOT NULL,
        "subject" text NOT NULL,
        "basis" text NOT NULL,
        "scope" text NOT NULL,
        "target_category" text,
        "target_count" integer NOT NULL,
        "inspectors_per_target" integer NOT NULL,
        "planned_start" date NOT NULL,
        "planned_end" date NOT NULL,
        "status" text NOT NULL,
        "created_by" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inspection_plan" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_inspection_plan_agency" ON "inspection_plan" ("agency_code")`);
    await queryRunner.query(`
      CREATE TABLE "inspection_draw" (
        "id" uuid NOT NULL,
        "plan_id" uuid NOT NULL,
        "seed" text NOT NULL,
        "pools_hash" text NOT NULL,
        "pools" jsonb NOT NULL,
        "draw_day" date NOT NULL,
        "assignments" jsonb NOT NULL,
        "drawn_by" text NOT NULL,
        "drawn_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "voided_at" TIMESTAMP WITH TIME ZONE,
        "voided_by" text,
        "void_reason" text,
        CONSTRAINT "PK_inspection_draw" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_inspection_draw_plan" ON "inspection_draw" ("plan_id")`);
    // A plan has at most one draw in force: a second one is possible only after the first is voided.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_inspection_draw_in_force" ON "inspection_draw" ("plan_id") WHERE "voided_at" IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "inspection_result" (
        "draw_id" uuid NOT NULL,
        "target_code" text NOT NULL,
        "outcome" text NOT NULL,
        "findings" text NOT NULL,
        "inspected_on" date NOT NULL,
        "recorded_by" text NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inspection_result" PRIMARY KEY ("draw_id", "target_code")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inspection_result"`);
    await queryRunner.query(`DROP INDEX "uq_inspection_draw_in_force"`);
    await queryRunner.query(`DROP INDEX "idx_inspection_draw_plan"`);
    await queryRunner.query(`DROP TABLE "inspection_draw"`);
    await queryRunner.query(`DROP INDEX "idx_inspection_plan_agency"`);
    await queryRunner.query(`DROP TABLE "inspection_plan"`);
    await queryRunner.query(`DROP INDEX "idx_inspection_relation_agency"`);
    await queryRunner.query(`DROP TABLE "inspection_relation"`);
    await queryRunner.query(`DROP TABLE "inspection_target"`);
  }
}
