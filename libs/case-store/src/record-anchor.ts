import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Queryable by anything that runs SQL on lep_cases: a DataSource, an EntityManager. */
interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A case's record head as anchored outside its own record, on one China day. */
export interface RecordAnchor {
  caseId: string;
  /** China date (YYYY-MM-DD) of the anchor. */
  anchorDate: string;
  sequence: number;
  hash: string;
  anchoredAt: string;
}

/**
 * Chain heads kept outside the cases' own records (domain.md R6): cutting entries off the end of a record leaves a
 * valid but shorter chain, which only a head held elsewhere shows. One row per case and China day on which its
 * head moved; the worker alone writes it (`RecordAnchorJob`), case-api reads it into each exported 案卷.
 */
export class CaseRecordAnchor1765600000000 implements MigrationInterface {
  name = 'CaseRecordAnchor1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "case_record_anchor" (
        "case_id" text NOT NULL,
        "anchor_date" date NOT NULL,
        "sequence" integer NOT NULL,
        "hash" character(64) NOT NULL,
        "anchored_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_record_anchor" PRIMARY KEY ("case_id", "anchor_date")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_record_anchor"`);
  }
}

/**
 * Anchors, for `anchorDate`, the head of every record that grew since its last anchor; a head that went back
 * (entries cut off) is never anchored, so the earlier anchor keeps naming the cut. Answers how many it anchored.
 */
export async function anchorRecordHeads(sql: Sql, anchorDate: string): Promise<number> {
  const rows = (await sql.query(
    `INSERT INTO case_record_anchor (case_id, anchor_date, sequence, hash, anchored_at)
     SELECT head.case_id, $1::date, head.sequence, head.hash, now()
     FROM (SELECT DISTINCT ON (case_id) case_id, sequence, hash FROM case_record_entry
           ORDER BY case_id, sequence DESC) head
     LEFT JOIN LATERAL (SELECT max(sequence) AS sequence FROM case_record_anchor anchor
                        WHERE anchor.case_id = head.case_id) anchored ON true
     WHERE anchored.sequence IS NULL OR head.sequence > anchored.sequence
     ON CONFLICT (case_id, anchor_date) DO UPDATE
       SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash, anchored_at = EXCLUDED.anchored_at
     RETURNING case_id`,
    [anchorDate],
  )) as unknown[];
  return rows.length;
}

/** The latest anchor of a case's record head, if it was ever anchored. */
export async function latestRecordAnchor(sql: Sql, caseId: string): Promise<RecordAnchor | null> {
  const rows = (await sql.query(
    `SELECT case_id, to_char(anchor_date, 'YYYY-MM-DD') AS anchor_date, sequence, hash, anchored_at
     FROM case_record_anchor WHERE case_id = $1 ORDER BY anchor_date DESC LIMIT 1`,
    [caseId],
  )) as { case_id: string; anchor_date: string; sequence: number; hash: string; anchored_at: Date }[];
  const row = rows[0];
  return row
    ? {
        caseId: row.case_id,
        anchorDate: row.anchor_date,
        sequence: row.sequence,
        hash: row.hash,
        anchoredAt: row.anchored_at.toISOString(),
      }
    : null;
}
