/** Anything that runs parameterised SQL on a service database: a TypeORM DataSource or EntityManager. */
export interface SqlRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM returns untyped rows
  query(sql: string, params?: unknown[]): Promise<any>;
}

export interface DeadLetteredEvent {
  id: string;
  topic: string;
  messageKey: string;
  deadLetteredAt: Date;
  lastError: string | null;
  /** Rows of the same key held behind it. */
  waitingBehind: number;
}

/** What an operator watches (and alerts on) in one service database. */
export interface OutboxFigures {
  /** Rows still to be sent, dead letters included. */
  pending: number;
  /** Age of the oldest of them; null when there is none. */
  oldestPendingSeconds: number | null;
  /** Rows that can never be sent as they are: each one holds its key. Alert on any. */
  deadLettered: DeadLetteredEvent[];
  /** Consumed events parked until the event they follow arrives, per consumer. */
  parked: Array<{ consumer: string; count: number; oldestSeconds: number }>;
}

export async function outboxFigures(runner: SqlRunner): Promise<OutboxFigures> {
  const [backlog]: Array<{ pending: number; oldest: number | null }> = await runner.query(
    `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::float8 AS oldest
       FROM outbox_event WHERE published_at IS NULL AND discarded_at IS NULL`,
  );
  const dead: Array<{
    id: string;
    topic: string;
    message_key: string;
    dead_lettered_at: Date;
    last_error: string | null;
    waiting_behind: number;
  }> = await runner.query(
    `SELECT d.id, d.topic, d.message_key, d.dead_lettered_at, d.last_error,
            (SELECT count(*)::int FROM outbox_event w
              WHERE w.topic = d.topic AND w.message_key = d.message_key AND w.seq > d.seq
                AND w.published_at IS NULL AND w.discarded_at IS NULL) AS waiting_behind
       FROM outbox_event d
      WHERE d.dead_lettered_at IS NOT NULL AND d.published_at IS NULL AND d.discarded_at IS NULL
      ORDER BY d.seq`,
  );
  const parked: Array<{ consumer: string; count: number; oldest_seconds: number }> = await runner.query(
    `SELECT consumer, count(*)::int AS count, extract(epoch FROM now() - min(parked_at))::float8 AS oldest_seconds
       FROM parked_event GROUP BY consumer ORDER BY consumer`,
  );
  return {
    pending: backlog.pending,
    oldestPendingSeconds: backlog.oldest === null ? null : Math.round(backlog.oldest),
    deadLettered: dead.map((row) => ({
      id: row.id,
      topic: row.topic,
      messageKey: row.message_key,
      deadLetteredAt: new Date(row.dead_lettered_at),
      lastError: row.last_error,
      waitingBehind: row.waiting_behind,
    })),
    parked: parked.map((row) => ({
      consumer: row.consumer,
      count: row.count,
      oldestSeconds: Math.round(row.oldest_seconds),
    })),
  };
}

/**
 * An operator's answer to a dead letter: `retry` sends it again (after the cause was fixed, e.g. the topic's
 * `max.message.bytes`), `discard` gives it up for good — it is never sent, and the rest of its key goes on.
 * Returns false when `eventId` names no dead-lettered row.
 */
export async function releaseDeadLetter(
  runner: SqlRunner,
  eventId: string,
  action: 'retry' | 'discard',
): Promise<boolean> {
  const [, changed]: [unknown, number] = await runner.query(
    action === 'retry'
      ? `UPDATE outbox_event SET dead_lettered_at = NULL, attempts = 0, next_attempt_at = now()
          WHERE id = $1 AND dead_lettered_at IS NOT NULL AND published_at IS NULL AND discarded_at IS NULL`
      : `UPDATE outbox_event SET discarded_at = now()
          WHERE id = $1 AND dead_lettered_at IS NOT NULL AND published_at IS NULL AND discarded_at IS NULL`,
    [eventId],
  );
  return changed === 1;
}
