import type { CloudEvent } from '@lep/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Events a consumer received before the event they follow (a withdrawal before its decision, a re-decision before
 * the decision it replaces), kept in the consumer's own database until that one arrives. Events of different
 * keys travel on different partitions, and nothing orders partitions against each other, so a consumer must
 * expect this even though each key arrives in order.
 *
 * Use them inside the transaction that marks the event consumed (consumeOnce), so parking is as idempotent as
 * any other effect: a redelivered event finds its consumed mark and parks nothing again. Both sides first take
 * `lockPredecessor`, which makes "is the predecessor there? else park" and "apply the predecessor, then take
 * what waited for it" mutually exclusive, whichever partitions (or consumer replicas) they run on.
 */
export async function lockPredecessor(
  manager: EntityManager,
  consumer: string,
  predecessor: string,
): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `parked-event\n${consumer}\n${predecessor}`,
  ]);
}

/** Keeps `event` until `predecessor` (a name the consumer chooses, e.g. `decision:<id>`) has been applied. */
export async function parkEvent(
  manager: EntityManager,
  consumer: string,
  predecessor: string,
  event: CloudEvent,
): Promise<void> {
  await manager.query(
    `INSERT INTO parked_event (consumer, event_id, waiting_for, event) VALUES ($1, $2, $3, $4)
     ON CONFLICT (consumer, event_id) DO NOTHING`,
    [consumer, event.id, predecessor, JSON.stringify(event)],
  );
}

/**
 * Removes and returns, in the order they arrived, the events that waited for `predecessor`; the caller applies
 * them in the same transaction, right after the predecessor.
 */
export async function takeParkedEvents(
  manager: EntityManager,
  consumer: string,
  predecessor: string,
): Promise<CloudEvent[]> {
  // TypeORM answers a DELETE with [rows, count].
  const [rows]: [Array<{ event: CloudEvent; seq: string }>, number] = await manager.query(
    `DELETE FROM parked_event WHERE consumer = $1 AND waiting_for = $2 RETURNING event, seq`,
    [consumer, predecessor],
  );
  return rows.sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq))).map((row) => row.event);
}
