import type { DataSource, EntityManager } from 'typeorm';
import { ConsumedEventEntity } from './consumed-event.entity';

/**
 * Runs `handle` for an event at most once per consumer: the consumed mark and the handler's writes commit
 * together, so a redelivery after a crash either finds the mark (and skips) or finds nothing (and redoes).
 * Returns false when the event had already been handled.
 */
export async function consumeOnce(
  dataSource: DataSource,
  consumer: string,
  eventId: string,
  handle: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ConsumedEventEntity)
      .values({ consumer, eventId })
      .orIgnore()
      .returning(['event_id'])
      .execute();
    if (inserted.raw.length === 0) return false;
    await handle(manager);
    return true;
  });
}
