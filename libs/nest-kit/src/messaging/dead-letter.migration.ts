import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages a consumer could never process, set aside so that later events on their partition keep flowing. */
export class DeadLetterTable1764150000002 implements MigrationInterface {
  name = 'DeadLetterTable1764150000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "dead_letter_event" (
        "consumer" text NOT NULL,
        "topic" text NOT NULL,
        "partition" integer NOT NULL,
        "offset" text NOT NULL,
        "event_id" text,
        "payload" text NOT NULL,
        "reason" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_dead_letter_event" PRIMARY KEY ("consumer", "topic", "partition", "offset")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dead_letter_event"`);
  }
}
