import type { EntityManager } from 'typeorm';

/**
 * Serialises, per content hash, the writers that decide whether a content object must exist: an upload that
 * finds the bytes already stored and records another item on them, and a deletion that removes the object
 * with its last item. Held until the surrounding transaction ends.
 */
export async function lockContent(manager: EntityManager, sha256: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `evidence-content:${sha256}`,
  ]);
}
