import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The legal review step before an enforcement item list is published (S二(二)3 事前): submissions, at most one
 * open per agency and list, and the review each published version passed.
 */
export class ItemListSubmissions1765300100000 implements MigrationInterface {
  name = 'ItemListSubmissions1765300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "item_list_submission" (
        "id" uuid NOT NULL,
        "agency_code" text NOT NULL,
        "kind" text NOT NULL,
        "content" jsonb NOT NULL,
        "based_on_version" integer,
        "status" text NOT NULL,
        "submitted_by" text NOT NULL,
        "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "review_body_name" text NOT NULL,
        "review_body_agency_code" text NOT NULL,
        "reviewed_by" text,
        "reviewed_at" TIMESTAMP WITH TIME ZONE,
        "opinion" text,
        "published_version" integer,
        "superseded_by" uuid,
        CONSTRAINT "PK_item_list_submission" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_item_list_submission_status"
          CHECK ("status" IN ('submitted', 'approved', 'refused', 'superseded'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_item_list_submission_agency" ON "item_list_submission" ("agency_code", "kind", "submitted_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_item_list_submission_open" ON "item_list_submission" ("agency_code", "kind")
        WHERE "status" = 'submitted'`,
    );
    await queryRunner.query(`ALTER TABLE "item_list_version" ADD "review" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "item_list_version" DROP COLUMN "review"`);
    await queryRunner.query(`DROP TABLE "item_list_submission"`);
  }
}
