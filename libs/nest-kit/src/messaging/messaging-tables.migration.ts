import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and consumed-event tables every service with a database and Kafka keeps. */
export class MessagingTables1764150000000 implements MigrationInterface {
  name = 'MessagingTables1764150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox_event" (
        "id" text NOT NULL,
        "topic" text NOT NULL,
        "message_key" text NOT NULL,
        "event" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "published_at" TIMESTAMP WITH TIME ZONE,
        "last_error" text,
        CONSTRAINT "PK_outbox_event" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_event_due" ON "outbox_event" ("next_attempt_at") WHERE "published_at" IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "consumed_event" (
        "consumer" text NOT NULL,
        "event_id" text NOT NULL,
        "consumed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_consumed_event" PRIMARY KEY ("consumer", "event_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "consumed_event"`);
    await queryRunner.query(`DROP INDEX "idx_outbox_event_due"`);
    await queryRunner.query(`DROP TABLE "outbox_event"`);
  }
}
