import type { DataSource } from 'typeorm';

/**
 * Thrown by an event handler when the event itself is wrong (it breaks its contract) and no retry can ever
 * handle it. The consumer sets it aside in `dead_letter_event` and moves on, instead of stalling every later
 * event on its partition; transient failures (a dependency down) must throw anything else, to be redelivered.
 */
export class UnprocessableEventError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'UnprocessableEventError';
  }
}

export interface SetAsideMessage {
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  /** Undefined when the message was not even a CloudEvent. */
  eventId?: string;
  payload: string;
  reason: string;
}

/** Keeps a message no handler can process, for an operator to fix and re-send; a redelivery is recorded once. */
export async function setAsideMessage(dataSource: DataSource, message: SetAsideMessage): Promise<void> {
  await dataSource.query(
    `INSERT INTO dead_letter_event (consumer, topic, "partition", "offset", event_id, payload, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (consumer, topic, "partition", "offset") DO NOTHING`,
    [
      message.consumer,
      message.topic,
      message.partition,
      message.offset,
      message.eventId ?? null,
      message.payload,
      message.reason,
    ],
  );
}
