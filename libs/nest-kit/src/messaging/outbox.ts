import type { CloudEvent, TopicSpec } from '@lep/contracts';
import type { EntityManager } from 'typeorm';
import { withTraceContext } from '../tracing/trace-context';

/**
 * The channel on which a transaction that wrote outbox rows notifies at its commit (PostgreSQL delivers a
 * NOTIFY only then, and never for a rollback): every relay of the database listens and sends at once instead of
 * at its next poll, whichever process wrote the rows. Notifications of one transaction collapse into one.
 */
export const OUTBOX_CHANNEL = 'lep_outbox';

/**
 * Records `event` for publication on `topic`, inside the caller's transaction: the event exists if and only
 * if the state change it describes was committed. Writing the same event id twice keeps the first. Inside a
 * recorded trace the event carries it (`traceparent`), and its consumers continue it.
 */
export async function enqueueEvent(
  manager: EntityManager,
  topic: TopicSpec,
  messageKey: string,
  event: CloudEvent,
): Promise<void> {
  await manager.query(
    `WITH inserted AS (
       INSERT INTO outbox_event (id, topic, message_key, event) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING)
     SELECT pg_notify('${OUTBOX_CHANNEL}', '')`,
    [event.id, topic.name, messageKey, JSON.stringify(withTraceContext(event))],
  );
}

/**
 * Many events in one statement, for bulk changes (e.g. a registry import of thousands of personnel rows) where
 * one INSERT per event would dominate the transaction. Same semantics as enqueueEvent for each entry.
 */
export async function enqueueEvents(
  manager: EntityManager,
  entries: { topic: TopicSpec; messageKey: string; event: CloudEvent }[],
): Promise<void> {
  if (entries.length === 0) return;
  await manager.query(
    `WITH inserted AS (
       INSERT INTO outbox_event (id, topic, message_key, event)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
       ON CONFLICT (id) DO NOTHING)
     SELECT pg_notify('${OUTBOX_CHANNEL}', '')`,
    [
      entries.map((entry) => entry.event.id),
      entries.map((entry) => entry.topic.name),
      entries.map((entry) => entry.messageKey),
      entries.map((entry) => JSON.stringify(withTraceContext(entry.event))),
    ],
  );
}
