import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-key order out of the outbox: `seq` numbers rows in the order they were written (rows already waiting get
 * theirs in the order they were created), the relay sends a key's rows by it, and a row that can never be sent
 * is dead-lettered (blocking its key) or discarded by an operator. Published rows are found by age for removal.
 */
export class OutboxPerKeyOrder1764150000003 implements MigrationInterface {
  name = 'OutboxPerKeyOrder1764150000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "outbox_event_seq_seq" AS bigint`);
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "seq" bigint`);
    await queryRunner.query(`
      UPDATE "outbox_event" SET "seq" = ordered.n
        FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "id") AS n FROM "outbox_event") AS ordered
       WHERE "outbox_event"."id" = ordered."id"`);
    await queryRunner.query(
      `SELECT setval('outbox_event_seq_seq', GREATEST((SELECT max("seq") FROM "outbox_event"), 0) + 1, false)`,
    );
    await queryRunner.query(`
      ALTER TABLE "outbox_event"
        ALTER COLUMN "seq" SET DEFAULT nextval('outbox_event_seq_seq'),
        ALTER COLUMN "seq" SET NOT NULL,
        ADD "dead_lettered_at" TIMESTAMP WITH TIME ZONE,
        ADD "discarded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER SEQUENCE "outbox_event_seq_seq" OWNED BY "outbox_event"."seq"`);
    await queryRunner.query(`DROP INDEX "idx_outbox_event_due"`);
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_event_pending" ON "outbox_event" ("seq")
        WHERE "published_at" IS NULL AND "discarded_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_event_key" ON "outbox_event" ("topic", "message_key", "seq")
        WHERE "published_at" IS NULL AND "discarded_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_event_published" ON "outbox_event" ("published_at")
        WHERE "published_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_outbox_event_published"`);
    await queryRunner.query(`DROP INDEX "idx_outbox_event_key"`);
    await queryRunner.query(`DROP INDEX "idx_outbox_event_pending"`);
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_event_due" ON "outbox_event" ("next_attempt_at") WHERE "published_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_event" DROP COLUMN "discarded_at", DROP COLUMN "dead_lettered_at", DROP COLUMN "seq"`,
    );
  }
}
