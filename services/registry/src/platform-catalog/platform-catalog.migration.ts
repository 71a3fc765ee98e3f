import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FIRST_PLATFORM_CATALOG, FIRST_PLATFORM_CATALOG_IN_FORCE_FROM } from './first-platform-catalog';

/** The platform default review catalogue's versions, seeded with the first (until now a constant in code). */
export class PlatformCatalog1765500000000 implements MigrationInterface {
  name = 'PlatformCatalog1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "platform_catalog_version" (
        "version" integer NOT NULL,
        "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "published_by" text NOT NULL,
        "content" jsonb NOT NULL,
        CONSTRAINT "PK_platform_catalog_version" PRIMARY KEY ("version")
      )`);
    await queryRunner.query(
      `INSERT INTO "platform_catalog_version" (version, published_at, published_by, content) VALUES (1, $1, 'seed', $2)`,
      [FIRST_PLATFORM_CATALOG_IN_FORCE_FROM, JSON.stringify(FIRST_PLATFORM_CATALOG)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "platform_catalog_version"`);
  }
}
