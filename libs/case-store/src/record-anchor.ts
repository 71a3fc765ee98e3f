import {
  CASE_EVENT_SOURCE,
  CASE_EVENT_TYPES,
  createCloudEvent,
  recordAnchorLeaf,
  TOPICS,
  type RecordAnchorProof,
  type RecordAnchorsSealedData,
} from '@lep/contracts';
import { merkleInclusionProof, merkleRoot } from '@lep/hash-chain';
import { enqueueEvent } from '@lep/nest-kit';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

/** Queryable by anything that runs SQL on lep_cases: a DataSource, an EntityManager. */
interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Anchoring a day and sealing it take this transaction-scoped advisory lock, so no head is anchored on a day
 * after its tree head was computed (replicas of the worker run both). Any fixed 64-bit number unused elsewhere.
 */
const ANCHOR_LOCK = 7_356_021_118;

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
 * The tree head of each China day's anchors (domain.md R6), computed once the day is over and published through
 * the outbox (TOPICS.caseRecordAnchor); the publication service keeps its own copy and serves it to the public.
 */
export class CaseRecordAnchorDay1765700000000 implements MigrationInterface {
  name = 'CaseRecordAnchorDay1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "case_record_anchor_day" (
        "anchor_date" date NOT NULL,
        "case_count" integer NOT NULL,
        "root" character(64) NOT NULL,
        "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_record_anchor_day" PRIMARY KEY ("anchor_date")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_record_anchor_day"`);
  }
}

/**
 * Anchors, for `anchorDate`, the head of every record that grew since its last anchor; a head that went back
 * (entries cut off) is never anchored, so the earlier anchor keeps naming the cut. A day already sealed takes no
 * more anchors (those heads are anchored on the next run's day). Answers how many it anchored.
 */
export async function anchorRecordHeads(dataSource: DataSource, anchorDate: string): Promise<number> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [ANCHOR_LOCK]);
    return insertAnchors(manager, anchorDate);
  });
}

async function insertAnchors(sql: Sql, anchorDate: string): Promise<number> {
  const rows = (await sql.query(
    `INSERT INTO case_record_anchor (case_id, anchor_date, sequence, hash, anchored_at)
     SELECT head.case_id, $1::date, head.sequence, head.hash, now()
     FROM (SELECT DISTINCT ON (case_id) case_id, sequence, hash FROM case_record_entry
           ORDER BY case_id, sequence DESC) head
     LEFT JOIN LATERAL (SELECT max(sequence) AS sequence FROM case_record_anchor anchor
                        WHERE anchor.case_id = head.case_id) anchored ON true
     WHERE (anchored.sequence IS NULL OR head.sequence > anchored.sequence)
       AND NOT EXISTS (SELECT 1 FROM case_record_anchor_day day WHERE day.anchor_date = $1::date)
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

/**
 * Seals every day before `today` (China date) that has anchors and no tree head yet: computes the day's RFC 9162
 * tree head over its anchors (leaves sorted by case id) and writes it with its event into the outbox, in one
 * transaction. Answers the days sealed. Run after midnight by the worker; a day is sealed once.
 */
export async function sealRecordAnchorDays(
  dataSource: DataSource,
  today: string,
  sealedAt: Date = new Date(),
): Promise<RecordAnchorsSealedData[]> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [ANCHOR_LOCK]);
    const days = (await manager.query(
      `SELECT DISTINCT to_char(anchor.anchor_date, 'YYYY-MM-DD') AS anchor_date FROM case_record_anchor anchor
       WHERE anchor.anchor_date < $1::date
         AND NOT EXISTS (SELECT 1 FROM case_record_anchor_day day WHERE day.anchor_date = anchor.anchor_date)
       ORDER BY 1`,
      [today],
    )) as { anchor_date: string }[];
    const sealed: RecordAnchorsSealedData[] = [];
    for (const { anchor_date: anchorDate } of days) sealed.push(await sealDay(manager, anchorDate, sealedAt));
    return sealed;
  });
}

async function sealDay(
  manager: EntityManager,
  anchorDate: string,
  sealedAt: Date,
): Promise<RecordAnchorsSealedData> {
  const leaves = (await anchorsOfDay(manager, anchorDate)).map(recordAnchorLeaf);
  const data: RecordAnchorsSealedData = {
    anchorDate,
    caseCount: leaves.length,
    root: merkleRoot(leaves),
    sealedAt: sealedAt.toISOString(),
  };
  await manager.query(
    `INSERT INTO case_record_anchor_day (anchor_date, case_count, root, sealed_at) VALUES ($1, $2, $3, $4)`,
    [anchorDate, data.caseCount, data.root, sealedAt],
  );
  const event = createCloudEvent({
    // One event per day whoever seals it: the day is its id, so a relay's retry is one message to consumers.
    id: `record-anchors-${anchorDate}`,
    source: CASE_EVENT_SOURCE,
    type: CASE_EVENT_TYPES.recordAnchorsSealed,
    subject: `record-anchors/${anchorDate}`,
    time: sealedAt,
    data,
  });
  await enqueueEvent(manager, TOPICS.caseRecordAnchor, anchorDate, event);
  return data;
}

/** A day's anchors in leaf order: by case id as JavaScript compares strings (the database's collation may not). */
async function anchorsOfDay(sql: Sql, anchorDate: string): Promise<RecordAnchor[]> {
  const rows = (await sql.query(
    `SELECT case_id, sequence, hash FROM case_record_anchor WHERE anchor_date = $1::date`,
    [anchorDate],
  )) as { case_id: string; sequence: number; hash: string }[];
  return rows
    .map((row) => ({
      caseId: row.case_id,
      anchorDate,
      sequence: row.sequence,
      hash: row.hash,
      anchoredAt: '',
    }))
    .sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/**
 * The proof that the case's latest anchor on a sealed day is a leaf of that day's tree head: what a 案卷 carries
 * so that the anchor can be checked against the root published outside the case database. Null when no day the
 * case was anchored on is sealed yet.
 */
export async function recordAnchorProof(sql: Sql, caseId: string): Promise<RecordAnchorProof | null> {
  const days = (await sql.query(
    `SELECT to_char(day.anchor_date, 'YYYY-MM-DD') AS anchor_date, day.case_count, day.root
     FROM case_record_anchor anchor JOIN case_record_anchor_day day ON day.anchor_date = anchor.anchor_date
     WHERE anchor.case_id = $1 ORDER BY day.anchor_date DESC LIMIT 1`,
    [caseId],
  )) as { anchor_date: string; case_count: number; root: string }[];
  const day = days[0];
  if (!day) return null;
  const anchors = await anchorsOfDay(sql, day.anchor_date);
  const leafIndex = anchors.findIndex((anchor) => anchor.caseId === caseId);
  const { caseId: id, anchorDate, sequence, hash } = anchors[leafIndex]!;
  return {
    anchor: { caseId: id, anchorDate, sequence, hash },
    leafIndex,
    treeSize: day.case_count,
    root: day.root,
    auditPath: merkleInclusionProof(anchors.map(recordAnchorLeaf), leafIndex),
  };
}
