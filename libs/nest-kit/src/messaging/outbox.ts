import type { CloudEvent, TopicSpec } from '@lep/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Records `event` for publication on `topic`, inside the caller's transaction: the event exists if and only
 * if the state change it describes was committed. Writing the same event id twice keeps the first.
 */
export async function enqueueEvent(
  manager: EntityManager,
  topic: TopicSpec,
  messageKey: string,
  event: CloudEvent,
): Promise<void> {
  await manager.query(
    `INSERT INTO outbox_event (id, topic, message_key, event) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
    [event.id, topic.name, messageKey, JSON.stringify(event)],
  );
}
