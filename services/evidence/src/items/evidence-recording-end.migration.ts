import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an audio or video recording stopped (it started at captured_at): the span a full-process recording must
 * cover the act with (domain.md R4). Null for other kinds, and for recordings uploaded without it.
 */
export class EvidenceRecordingEnd1765500000000 implements MigrationInterface {
  name = 'EvidenceRecordingEnd1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "evidence_item" ADD COLUMN "recording_ended_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_item" DROP COLUMN "recording_ended_at"`);
  }
}
