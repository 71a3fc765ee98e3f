import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { CLOUD_EVENT_CONTENT_TYPE } from '@lep/contracts';
import type { Message, Producer } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { KafkaClient } from '../kafka';
import { errorMessage, refusedForGood } from './send-failure';

export interface OutboxRelayTuning {
  pollIntervalMs: number;
  /** Keys (topic + message key) one round takes on. */
  keysPerRound: number;
  /** Rows one round sends, across its keys. */
  batchSize: number;
  firstBackoffMs: number;
  maxBackoffMs: number;
  /**
   * The largest event the relay sends; a larger one can never be sent (Kafka's `message.max.bytes` is 1 MiB by
   * default) and is dead-lettered at once.
   */
  maxMessageBytes: number;
  /**
   * Bytes of one key per produce request. A key's messages go to one partition as one record batch, which Kafka
   * measures against the same limit as a single message.
   */
  maxRequestBytes: number;
}

export const DEFAULT_RELAY_TUNING: OutboxRelayTuning = {
  pollIntervalMs: 200,
  keysPerRound: 100,
  batchSize: 500,
  firstBackoffMs: 500,
  maxBackoffMs: 30_000,
  maxMessageBytes: 1_000_000,
  maxRequestBytes: 512 * 1024,
};

/** Delay before the next attempt after `attempts` failures: doubling, capped, never giving up. */
export function backoffMs(attempts: number, tuning: OutboxRelayTuning): number {
  return Math.min(tuning.maxBackoffMs, tuning.firstBackoffMs * 2 ** Math.max(0, attempts - 1));
}

/** SQL condition: the row of `alias` is still to be sent (neither published nor discarded by an operator). */
const pending = (alias: string) => `${alias}.published_at IS NULL AND ${alias}.discarded_at IS NULL`;

interface PendingRow {
  id: string;
  topic: string;
  message_key: string;
  event: Record<string, unknown>;
  attempts: number;
  /** Its backoff has run out (only the key's first row carries one). */
  due: boolean;
  dead: boolean;
}

interface KeyOutcome {
  published: string[];
  /** The key's first unsent row, after a failure that may pass: tried again after a backoff. */
  postponed?: { row: PendingRow; error: string };
  /** The key's first unsent row, which Kafka or the size limit refuses for good: the key waits for an operator. */
  deadLettered?: { row: PendingRow; error: string };
}

/**
 * Publishes outbox rows to Kafka, each key (topic + message key) in `seq` order: a row leaves only after every
 * earlier row of its key has. Several relays (one per service replica) share the work by key: a round takes the
 * keys whose oldest pending row is due, each under a transaction-scoped advisory lock that other relays skip,
 * and sends each key's rows in order, in one produce request per chunk. A failed send stops its key there (the
 * rest of the key waits behind the failed row, which retries with doubling backoff) while the other keys go on;
 * a row Kafka refuses for good is dead-lettered and blocks its key until an operator releases it
 * (outbox-operations.ts). A crash between the broker's ack and the commit re-sends rows with the same event ids,
 * which consumers de-duplicate (at-least-once delivery).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private producer?: Producer;
  private loop?: Promise<void>;
  private stopped = false;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaClient,
    private readonly tuning: OutboxRelayTuning = DEFAULT_RELAY_TUNING,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  // Nest runs every beforeApplicationShutdown before any onApplicationShutdown, where TypeORM closes the
  // database and the Kafka and Temporal clients disconnect: work in flight finishes while they are still there.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect();
  }

  /** Lets a writer skip the poll delay right after it committed new events. */
  nudge(): void {
    this.wake?.();
  }

  /** Runs one round: sends what is due of the keys it could take; returns how many rows were published. */
  async relayBatch(): Promise<number> {
    const round = await this.dataSource.transaction(async (manager) => {
      const keys = await this.takeKeys(manager);
      if (keys.length === 0) return { published: 0, failed: false };
      const rowsByKey = await this.pendingRows(manager, keys);
      const outcomes = await Promise.all([...rowsByKey.values()].map((rows) => this.sendKey(rows)));
      const failed = outcomes.some((outcome) => outcome.postponed !== undefined);
      return { published: await this.record(manager, outcomes), failed };
    });
    // A failed producer may hold a dead connection; the next attempt starts from a fresh one.
    if (round.failed) await this.dropProducer();
    return round.published;
  }

  /**
   * The keys this round works on: those whose oldest pending row is due and not dead-lettered, oldest first,
   * that no other relay holds. The advisory locks last until the round's transaction ends.
   */
  private async takeKeys(manager: EntityManager): Promise<Array<{ topic: string; key: string }>> {
    const candidates: Array<{ topic: string; message_key: string }> = await manager.query(
      `SELECT e.topic, e.message_key FROM outbox_event e
        WHERE ${pending('e')} AND e.dead_lettered_at IS NULL AND e.next_attempt_at <= now()
          AND NOT EXISTS (SELECT 1 FROM outbox_event p
                           WHERE p.topic = e.topic AND p.message_key = e.message_key AND p.seq < e.seq
                             AND ${pending('p')})
        ORDER BY e.seq LIMIT $1`,
      [this.tuning.keysPerRound],
    );
    if (candidates.length === 0) return [];
    const taken: Array<{ topic: string; key: string }> = await manager.query(
      `SELECT c.topic, c.key FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(topic, key, n)
        WHERE pg_try_advisory_xact_lock(hashtextextended(c.topic || E'\\n' || c.key, 0))
        ORDER BY c.n`,
      [candidates.map((row) => row.topic), candidates.map((row) => row.message_key)],
    );
    return taken;
  }

  /**
   * The pending rows of the taken keys, read after taking them (so what another relay committed meanwhile is
   * seen), in `seq` order and at most `batchSize` of them: each key gets a prefix of its rows.
   */
  private async pendingRows(
    manager: EntityManager,
    keys: Array<{ topic: string; key: string }>,
  ): Promise<Map<string, PendingRow[]>> {
    const rows: PendingRow[] = await manager.query(
      `SELECT e.id, e.topic, e.message_key, e.event, e.attempts,
              e.next_attempt_at <= now() AS due, e.dead_lettered_at IS NOT NULL AS dead
         FROM outbox_event e JOIN unnest($1::text[], $2::text[]) AS k(topic, key)
           ON e.topic = k.topic AND e.message_key = k.key
        WHERE ${pending('e')}
        ORDER BY e.seq LIMIT $3`,
      [keys.map((key) => key.topic), keys.map((key) => key.key), this.tuning.batchSize],
    );
    const byKey = new Map<string, PendingRow[]>();
    for (const row of rows) {
      const key = `${row.topic}\n${row.message_key}`;
      const keyRows = byKey.get(key);
      if (keyRows) keyRows.push(row);
      else byKey.set(key, [row]);
    }
    // Another relay may have postponed or dead-lettered a key's first row since it was listed.
    for (const [key, keyRows] of byKey) if (!keyRows[0].due || keyRows[0].dead) byKey.delete(key);
    return byKey;
  }

  /** Sends one key's rows in order, in chunks, stopping at the first failure. */
  private async sendKey(rows: PendingRow[]): Promise<KeyOutcome> {
    const published: string[] = [];
    const messages = rows.map(toMessage);
    let next = 0;
    while (next < rows.length) {
      if (messages[next].bytes > this.tuning.maxMessageBytes) {
        const error = `the event is ${messages[next].bytes} bytes, more than the ${this.tuning.maxMessageBytes} bytes Kafka takes`;
        return { published, deadLettered: { row: rows[next], error } };
      }
      let end = next + 1;
      let bytes = messages[next].bytes;
      while (
        end < rows.length &&
        messages[end].bytes <= this.tuning.maxMessageBytes &&
        bytes + messages[end].bytes <= this.tuning.maxRequestBytes
      ) {
        bytes += messages[end].bytes;
        end += 1;
      }
      try {
        await this.produce(rows[next].topic, messages.slice(next, end));
      } catch (error) {
        return this.afterFailure(rows[next], messages[next], end - next > 1, error, published);
      }
      for (let index = next; index < end; index += 1) published.push(rows[index].id);
      next = end;
    }
    return { published };
  }

  /** What a failed send means for its key: retried later, dead-lettered, or (a refused batch) its first row alone. */
  private async afterFailure(
    row: PendingRow,
    message: { message: Message },
    batched: boolean,
    error: unknown,
    published: string[],
  ): Promise<KeyOutcome> {
    if (!refusedForGood(error)) return { published, postponed: { row, error: errorMessage(error) } };
    if (!batched) return { published, deadLettered: { row, error: errorMessage(error) } };
    // Refused as a whole: the first row alone tells whether it is the row or the batch.
    try {
      await this.produce(row.topic, [message]);
      return { published: [...published, row.id] };
    } catch (alone) {
      return this.afterFailure(row, message, false, alone, published);
    }
  }

  private async produce(topic: string, messages: Array<{ message: Message }>): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.send({ topic, acks: -1, messages: messages.map((entry) => entry.message) });
  }

  /** Writes what the round did; returns how many rows were published. */
  private async record(manager: EntityManager, outcomes: KeyOutcome[]): Promise<number> {
    const published = outcomes.flatMap((outcome) => outcome.published);
    if (published.length > 0)
      await manager.query(
        `UPDATE outbox_event SET published_at = now(), last_error = NULL WHERE id = ANY($1::text[])`,
        [published],
      );
    const postponed = outcomes.flatMap((outcome) => (outcome.postponed ? [outcome.postponed] : []));
    for (const { row, error } of postponed) {
      const attempts = row.attempts + 1;
      await manager.query(
        `UPDATE outbox_event SET attempts = $2, last_error = $3,
                next_attempt_at = now() + make_interval(secs => $4::double precision)
          WHERE id = $1`,
        [row.id, attempts, error.slice(0, 2_000), backoffMs(attempts, this.tuning) / 1000],
      );
    }
    if (postponed.length > 0)
      this.logger.warn(
        `relaying ${postponed.length} keys failed, retried after a backoff (first: ${postponed[0].row.topic}/${postponed[0].row.message_key} attempt ${postponed[0].row.attempts + 1}: ${postponed[0].error})`,
      );
    for (const { row, error } of outcomes.flatMap((outcome) =>
      outcome.deadLettered ? [outcome.deadLettered] : [],
    )) {
      await manager.query(
        `UPDATE outbox_event SET dead_lettered_at = now(), attempts = attempts + 1, last_error = $2 WHERE id = $1`,
        [row.id, error.slice(0, 2_000)],
      );
      this.logger.error(
        `event ${row.id} on ${row.topic} can never be sent (${error}); key ${row.message_key} waits until an operator releases it (lep outbox release)`,
      );
    }
    return published.length;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 2 } });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let published = 0;
      try {
        published = await this.relayBatch();
      } catch (error) {
        this.logger.error(`outbox relay: ${errorMessage(error)}`);
      }
      if (published === 0 && !this.stopped) await this.sleep(this.tuning.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** The Kafka message of a row, and its size as Kafka counts it near enough (value, key, headers). */
function toMessage(row: PendingRow): { message: Message; bytes: number } {
  const value = JSON.stringify(row.event);
  const headers = { 'content-type': CLOUD_EVENT_CONTENT_TYPE, ce_id: row.id };
  const bytes =
    Buffer.byteLength(value) +
    Buffer.byteLength(row.message_key) +
    Object.entries(headers).reduce((sum, [name, text]) => sum + name.length + Buffer.byteLength(text), 0);
  return { message: { key: row.message_key, value, headers }, bytes };
}
