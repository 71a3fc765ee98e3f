import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Immutable versions of the enforcement item list, the AV recording list and the review catalogue. */
export class ItemLists1764203000000 implements MigrationInterface {
  name = 'ItemLists1764203000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "item_list_version" (
        "id" BIGSERIAL NOT NULL,
        "agency_code" text NOT NULL,
        "kind" text NOT NULL,
        "version" integer NOT NULL,
        "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "content" jsonb NOT NULL,
        CONSTRAINT "uq_item_list_version" UNIQUE ("agency_code", "kind", "version"),
        CONSTRAINT "PK_item_list_version" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_item_list_version_in_force" ON "item_list_version" ("agency_code", "kind", "published_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_item_list_version_in_force"`);
    await queryRunner.query(`DROP TABLE "item_list_version"`);
  }
}
