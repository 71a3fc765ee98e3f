import { nextLink, verifyChain, type ChainVerification } from '@lep/hash-chain';
import type { DataSource } from 'typeorm';
import { currentRequestId } from '../logging/request-context';
import type { AuditRecord } from './audit-entry.entity';

// One chain per database: appends take this transaction-scoped lock so sequence and hash never race.
const AUDIT_LOCK = 7_011_881;

/** Appends one entry to the audit log, chained to the previous one, with the id of the request it records. */
export async function appendAudit(dataSource: DataSource, entry: AuditRecord): Promise<number> {
  const requestId = entry.requestId ?? currentRequestId();
  const record = requestId === undefined ? entry : { ...entry, requestId };
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_LOCK]);
    const last: { sequence: number; hash: string }[] = await manager.query(
      `SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1`,
    );
    const link = nextLink(last[0], record);
    await manager.query(
      `INSERT INTO audit_entry (sequence, content, previous_hash, hash) VALUES ($1, $2, $3, $4)`,
      [link.sequence, JSON.stringify(record), link.previousHash, link.hash],
    );
    return link.sequence;
  });
}

/** Re-reads the whole audit log and checks every link; names the first entry that was altered or removed. */
export async function verifyAuditLog(dataSource: DataSource): Promise<ChainVerification> {
  const rows: { sequence: number; content: AuditRecord; previous_hash: string; hash: string }[] =
    await dataSource.query(
      `SELECT sequence, content, previous_hash, hash FROM audit_entry ORDER BY sequence`,
    );
  return verifyChain(
    rows.map((row) => ({
      sequence: row.sequence,
      content: row.content,
      previousHash: row.previous_hash,
      hash: row.hash,
    })),
  );
}
