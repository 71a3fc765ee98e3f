import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events a consumer received before the event they follow, kept until that one arrives (parked-events.ts). */
export class ParkedEventTable1764150000004 implements MigrationInterface {
  name = 'ParkedEventTable1764150000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "parked_event" (
        "consumer" text NOT NULL,
        "event_id" text NOT NULL,
        "waiting_for" text NOT NULL,
        "event" jsonb NOT NULL,
        "seq" bigserial NOT NULL,
        "parked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_parked_event" PRIMARY KEY ("consumer", "event_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_parked_event_waiting" ON "parked_event" ("consumer", "waiting_for", "seq")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "parked_event"`);
  }
}
