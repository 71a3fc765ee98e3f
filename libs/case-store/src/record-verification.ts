import { verifyChain, type ChainVerification } from '@lep/hash-chain';
import type { DataSource } from 'typeorm';
import type { CaseRecordContent } from './case-step';

export interface RecordLink {
  sequence: number;
  content: CaseRecordContent;
  previousHash: string;
  hash: string;
  recordedAt: string;
}

export interface CaseRecord {
  caseId: string;
  entries: RecordLink[];
  verification: ChainVerification;
}

/** Reads a case's whole-process record in order and checks every link of its hash chain. */
export async function readCaseRecord(dataSource: DataSource, caseId: string): Promise<CaseRecord> {
  const rows: {
    sequence: number;
    content: CaseRecordContent;
    previous_hash: string;
    hash: string;
    recorded_at: Date;
  }[] = await dataSource.query(
    `SELECT sequence, content, previous_hash, hash, recorded_at FROM case_record_entry
     WHERE case_id = $1 ORDER BY sequence`,
    [caseId],
  );
  const entries = rows.map((row) => ({
    sequence: row.sequence,
    content: row.content,
    previousHash: row.previous_hash,
    hash: row.hash,
    recordedAt: row.recorded_at.toISOString(),
  }));
  return { caseId, entries, verification: verifyChain(entries) };
}
