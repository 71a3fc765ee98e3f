import { nextLink, verifyChain, type ChainLink, type ChainVerification } from '@lep/hash-chain';
import type { DataSource } from 'typeorm';
import { currentRequestId } from '../logging/request-context';
import type { AuditRecord } from './audit-entry.entity';

// One chain per database: appends take this transaction-scoped lock so sequence and hash never race.
const AUDIT_LOCK = 7_011_881;

/** Entries of one transaction at most (PostgreSQL allows 65,535 bind parameters; four per entry). */
const MAX_BATCH = 500;

interface Pending {
  record: AuditRecord;
  resolve: (sequence: number) => void;
  reject: (error: unknown) => void;
}

/** Per data source: the entries waiting for the next transaction, and whether one is under way. */
interface AppendQueue {
  waiting: Pending[];
  writing: boolean;
}

const queues = new WeakMap<DataSource, AppendQueue>();

/**
 * Appends one entry to the audit log, chained to the previous one, with the id of the request it records;
 * resolves once the entry is committed. Concurrent appends through one data source are written together: while
 * one transaction holds the chain's lock, the entries that arrive queue up and the next transaction appends them
 * all (one lock, one read of the head, one INSERT), instead of each request waiting its turn for five round trips
 * under the lock (issue #22: the lock serialised every state-changing request of a service).
 */
export function appendAudit(dataSource: DataSource, entry: AuditRecord): Promise<number> {
  const requestId = entry.requestId ?? currentRequestId();
  const record = requestId === undefined ? entry : { ...entry, requestId };
  let queue = queues.get(dataSource);
  if (!queue) {
    queue = { waiting: [], writing: false };
    queues.set(dataSource, queue);
  }
  const appended = new Promise<number>((resolve, reject) => queue.waiting.push({ record, resolve, reject }));
  if (!queue.writing) void drain(dataSource, queue);
  return appended;
}

async function drain(dataSource: DataSource, queue: AppendQueue): Promise<void> {
  queue.writing = true;
  try {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, MAX_BATCH);
      try {
        const sequences = await appendBatch(
          dataSource,
          batch.map((pending) => pending.record),
        );
        batch.forEach((pending, index) => pending.resolve(sequences[index]!));
      } catch (error) {
        // One entry the database refuses must not take the others with it: each is tried again on its own.
        if (batch.length === 1) batch[0]!.reject(error);
        else
          for (const pending of batch)
            await appendBatch(dataSource, [pending.record]).then(
              ([sequence]) => pending.resolve(sequence!),
              pending.reject,
            );
      }
    }
  } finally {
    queue.writing = false;
  }
}

/** The part of node-postgres' client the append uses (TypeORM's PostgreSQL query runner hands it out). */
interface PgClient {
  query(text: string): Promise<{ rows: unknown[] } | { rows: unknown[] }[]>;
  escapeLiteral(text: string): string;
}

/**
 * Appends `records` in order in one transaction; their sequence numbers. Two round trips to the database instead
 * of five (issue #22: the append is awaited by every state-changing request, and under load each round trip
 * waits its turn for a core): a simple query may carry several statements, run one after another, so the first
 * begins, takes the chain's lock and reads the head — after the lock, in a statement of its own, hence with a
 * snapshot that sees the previous holder's entries — and the second inserts and commits. Without bind
 * parameters in a simple query, the values go in as literals escaped by the driver.
 */
async function appendBatch(dataSource: DataSource, records: AuditRecord[]): Promise<number[]> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PgClient;
  try {
    const begun = await client.query(
      `BEGIN; SELECT pg_advisory_xact_lock(${AUDIT_LOCK}); ` +
        `SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1`,
    );
    const last = (Array.isArray(begun) ? begun[2]!.rows : []) as { sequence: number; hash: string }[];
    let previous: Pick<ChainLink<unknown>, 'sequence' | 'hash'> | undefined = last[0];
    const rows: string[] = [];
    for (const record of records) {
      const link: ChainLink<AuditRecord> = nextLink(previous, record);
      rows.push(
        `(${Number(link.sequence)}, ${client.escapeLiteral(JSON.stringify(record))}, ` +
          `${client.escapeLiteral(link.previousHash)}, ${client.escapeLiteral(link.hash)})`,
      );
      previous = link;
    }
    await client.query(
      `INSERT INTO audit_entry (sequence, content, previous_hash, hash) VALUES ${rows.join(', ')}; COMMIT`,
    );
    const first = (last[0]?.sequence ?? 0) + 1;
    return records.map((_, index) => first + index);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
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
