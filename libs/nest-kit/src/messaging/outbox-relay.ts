import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { CLOUD_EVENT_CONTENT_TYPE } from '@lep/contracts';
import type { Message, Producer } from 'kafkajs';
import type { Client as PgClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { KafkaClient } from '../kafka';
import { OUTBOX_CHANNEL } from './outbox';
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
   * Bytes one round sends. The messages of one partition in a request form one record batch, which Kafka measures
   * against the same limit as a single message; a round under this bound keeps every batch under it.
   */
  maxRequestBytes: number;
}

export const DEFAULT_RELAY_TUNING: OutboxRelayTuning = {
  pollIntervalMs: 200,
  keysPerRound: 500,
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

/** Candidate keys listed per key a round takes (takeKeys). */
const CANDIDATES_PER_KEY = 3;

/** How many of the oldest pending rows a round looks at before visiting every key (dueKeys). */
const SCAN_WINDOW = 2_000;

/** The longest pause between rounds while every pending row is held back (a nudge still wakes the relay). */
const HELD_BACK_POLL_MAX_MS = 2_000;

/** The first and the longest wait before listening again on a lost notification connection. */
const LISTEN_RETRY_MS = { first: 500, max: 30_000 };

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

/** A row with the Kafka message it becomes. */
interface PlannedRow extends PendingRow {
  message: Message;
  bytes: number;
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
 * keys whose oldest pending row is due, each under a transaction-scoped advisory lock that other relays skip, and
 * sends a prefix of each key's rows in order — usually all keys in one request; if that fails, key by key. A failed
 * send stops its key there (the rest of the key waits behind the failed row, which retries with doubling backoff)
 * while the other keys go on; a row Kafka refuses for good is dead-lettered and blocks its key until an operator
 * releases it (outbox-operations.ts). A crash between the broker's ack and the commit re-sends rows with the same
 * event ids, which consumers de-duplicate (at-least-once delivery).
 *
 * A round starts as soon as a transaction that wrote outbox rows commits: the writer's NOTIFY on OUTBOX_CHANNEL
 * (enqueueEvent) reaches the relay on a connection of its own that LISTENs, whichever process wrote, and a writer
 * in this process may also nudge(). The poll every `pollIntervalMs` is the safety net (a notification lost with
 * its connection, a backoff running out), so nothing depends on a notification arriving.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private producer?: Producer;
  private loop?: Promise<void>;
  private stopped = false;
  private wake?: () => void;
  /** A commit was announced since the current round began: the round may not have seen it, so go again. */
  private nudged = false;
  private listener?: PgClient;
  private listenRetry?: NodeJS.Timeout;
  private listenFailures = 0;
  /** The last round found rows to send but none due (keys backing off or dead-lettered, or Kafka away). */
  private heldBack = false;
  private idleMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaClient,
    private readonly tuning: OutboxRelayTuning = DEFAULT_RELAY_TUNING,
  ) {
    this.idleMs = tuning.pollIntervalMs;
  }

  onApplicationBootstrap(): void {
    // Listening first, then the first round: a commit is either seen by that round or announced after it.
    this.loop = this.listen().then(() => this.run());
  }

  // Drains before the connections close (shutdown order: createServiceApp).
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.listenRetry);
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    await this.producer?.disconnect();
  }

  /** Lets a writer skip the poll delay right after it committed new events. */
  nudge(): void {
    this.idleMs = this.tuning.pollIntervalMs;
    this.nudged = true;
    this.wake?.();
  }

  /**
   * LISTENs on OUTBOX_CHANNEL on a connection outside the pool (it stays open, and a pooled one would be lost to
   * the transactions). A failed or lost connection is opened again after a doubling wait; meanwhile the poll
   * relays, and a round after reconnecting picks up what was announced while it was away.
   */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const driver = this.dataSource.driver as PostgresDriver;
    const options = driver.options;
    const client: PgClient = new driver.postgres.Client({
      connectionString: options.url,
      host: options.host,
      port: options.port,
      user: options.username,
      password: options.password,
      database: options.database,
      ssl: options.ssl,
      connectionTimeoutMillis: 5_000,
      application_name: 'lep-outbox-relay',
    });
    let lost = false;
    const relisten = (error?: unknown) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.listenFailures += 1;
      const wait = Math.min(LISTEN_RETRY_MS.max, LISTEN_RETRY_MS.first * 2 ** (this.listenFailures - 1));
      this.logger.warn(
        `outbox relay: not listening for commits (${errorMessage(error ?? 'connection closed')}); polling, listening again in ${wait} ms`,
      );
      this.listenRetry = setTimeout(() => void this.listen(), wait);
    };
    client.on('notification', () => this.nudge());
    client.on('error', relisten);
    client.on('end', () => relisten());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      relisten(error);
      return;
    }
    this.listener = client;
    this.listenFailures = 0;
    // Commits announced while no connection listened are relayed now rather than at the next poll.
    this.nudge();
  }

  /** Runs one round: sends what is due of the keys it could take; returns how many rows were published. */
  async relayBatch(): Promise<number> {
    this.heldBack = false;
    const round = await this.dataSource.transaction(async (manager) => {
      const keys = await this.takeKeys(manager);
      if (keys.length === 0) return { published: 0, failed: false };
      const { toSend, deadLettered } = this.planRound(await this.pendingRows(manager, keys));
      const outcomes = [...deadLettered, ...(await this.send(toSend))];
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
    const wanted = this.tuning.keysPerRound;
    // More candidates than a round takes, so that relays listing the same oldest keys at once still find work.
    const candidates = await this.dueKeys(manager, wanted * CANDIDATES_PER_KEY);
    const taken: Array<{ topic: string; key: string }> = [];
    for (let from = 0; from < candidates.length && taken.length < wanted;) {
      const chunk = candidates.slice(from, from + wanted - taken.length);
      from += chunk.length;
      taken.push(
        ...(await manager.query(
          `SELECT c.topic, c.key FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(topic, key, n)
            WHERE pg_try_advisory_xact_lock(hashtextextended(c.topic || E'\\n' || c.key, 0))
            ORDER BY c.n`,
          [chunk.map((row) => row.topic), chunk.map((row) => row.message_key)],
        )),
      );
    }
    return taken;
  }

  /**
   * Keys whose first pending row is due. The oldest pending rows are looked at first, which is cheap and enough
   * when keys are many and short; when they hold fewer keys than a round takes and more rows lie beyond them (a
   * few long keys, or keys held back by a failure), every key with pending rows is visited once through the key
   * index instead, so a long or blocked key never hides the others.
   */
  private async dueKeys(
    manager: EntityManager,
    wanted: number,
  ): Promise<Array<{ topic: string; message_key: string }>> {
    const oldest: Array<{ topic: string; message_key: string }> = await manager.query(
      `WITH oldest AS (
         SELECT e.topic, e.message_key, e.seq, e.dead_lettered_at, e.next_attempt_at FROM outbox_event e
          WHERE ${pending('e')} ORDER BY e.seq LIMIT $2)
       SELECT o.topic, o.message_key FROM oldest o
        WHERE o.dead_lettered_at IS NULL AND o.next_attempt_at <= now()
          AND NOT EXISTS (SELECT 1 FROM outbox_event p
                           WHERE p.topic = o.topic AND p.message_key = o.message_key AND p.seq < o.seq
                             AND ${pending('p')})
        ORDER BY o.seq LIMIT $1`,
      [wanted, SCAN_WINDOW],
    );
    if (oldest.length >= wanted) return oldest;
    const [{ looked }]: Array<{ looked: number }> = await manager.query(
      `SELECT count(*)::int AS looked FROM (SELECT 1 FROM outbox_event e WHERE ${pending('e')} ORDER BY e.seq LIMIT $1) w`,
      [SCAN_WINDOW + 1],
    );
    this.heldBack = looked > 0 && oldest.length === 0;
    if (looked <= SCAN_WINDOW) return oldest;
    const everyKey: Array<{ topic: string; message_key: string }> = await manager.query(
      `WITH RECURSIVE keys AS (
         (SELECT e.topic, e.message_key FROM outbox_event e WHERE ${pending('e')}
           ORDER BY e.topic, e.message_key, e.seq LIMIT 1)
         UNION ALL
         SELECT n.topic, n.message_key FROM keys k, LATERAL (
           SELECT e.topic, e.message_key FROM outbox_event e
            WHERE ${pending('e')} AND (e.topic, e.message_key) > (k.topic, k.message_key)
            ORDER BY e.topic, e.message_key, e.seq LIMIT 1) n)
       SELECT first.topic, first.message_key FROM keys k CROSS JOIN LATERAL (
         SELECT e.topic, e.message_key, e.seq, e.dead_lettered_at, e.next_attempt_at FROM outbox_event e
          WHERE e.topic = k.topic AND e.message_key = k.message_key AND ${pending('e')}
          ORDER BY e.seq LIMIT 1) first
        WHERE first.dead_lettered_at IS NULL AND first.next_attempt_at <= now()
        ORDER BY first.seq LIMIT $1`,
      [wanted],
    );
    this.heldBack = everyKey.length === 0;
    return everyKey;
  }

  /**
   * The pending rows of the taken keys, read after taking them (so what another relay committed meanwhile is
   * seen), in `seq` order and at most `batchSize` of them.
   */
  private async pendingRows(
    manager: EntityManager,
    keys: Array<{ topic: string; key: string }>,
  ): Promise<PendingRow[]> {
    // Each key's first rows through the key index, then the round's share of them in write order.
    return manager.query(
      `SELECT e.id, e.topic, e.message_key, e.event, e.attempts,
              e.next_attempt_at <= now() AS due, e.dead_lettered_at IS NOT NULL AS dead
         FROM (SELECT r.id, r.seq FROM unnest($1::text[], $2::text[]) AS k(topic, key)
                 CROSS JOIN LATERAL (
                   SELECT p.id, p.seq FROM outbox_event p
                    WHERE p.topic = k.topic AND p.message_key = k.key AND ${pending('p')}
                    ORDER BY p.seq LIMIT $3) r
                ORDER BY r.seq LIMIT $3) chosen
         JOIN outbox_event e ON e.id = chosen.id
        ORDER BY chosen.seq`,
      [keys.map((key) => key.topic), keys.map((key) => key.key), this.tuning.batchSize],
    );
  }

  /**
   * What the round sends of each key: a prefix of its rows, all of the round within `maxRequestBytes` (so that no
   * partition's record batch can exceed it), cut before any event larger than `maxMessageBytes` — which, first
   * in its key, is dead-lettered instead.
   */
  private planRound(rows: PendingRow[]): { toSend: PlannedRow[][]; deadLettered: KeyOutcome[] } {
    const byKey = new Map<string, PlannedRow[]>();
    const closed = new Set<string>();
    const deadLettered: KeyOutcome[] = [];
    let bytes = 0;
    for (const row of rows) {
      const key = `${row.topic}\n${row.message_key}`;
      if (closed.has(key)) continue;
      const keyRows = byKey.get(key);
      // Another relay may have postponed or dead-lettered a key's first row since it was listed.
      if (!keyRows && (!row.due || row.dead)) {
        closed.add(key);
        continue;
      }
      const planned = { ...row, ...messageOf(row) };
      const size = planned.bytes;
      if (size > this.tuning.maxMessageBytes) {
        closed.add(key);
        if (!keyRows) {
          const error = `the event is ${size} bytes, more than the ${this.tuning.maxMessageBytes} bytes Kafka takes`;
          deadLettered.push({ published: [], deadLettered: { row, error } });
        }
        continue;
      }
      if (bytes > 0 && bytes + size > this.tuning.maxRequestBytes) break;
      bytes += size;
      if (keyRows) keyRows.push(planned);
      else byKey.set(key, [planned]);
    }
    return { toSend: [...byKey.values()], deadLettered };
  }

  /** Sends what the round planned; a Kafka it cannot reach holds every key back. */
  private async send(toSend: PlannedRow[][]): Promise<KeyOutcome[]> {
    if (toSend.length === 0) return [];
    let producer: Producer;
    try {
      producer = await this.connectedProducer();
    } catch (error) {
      return toSend.map((rows) => ({
        published: [],
        postponed: { row: rows[0], error: errorMessage(error) },
      }));
    }
    // Keys that failed before go one by one, so that one bad key does not fail the batch of the others again.
    const fresh = toSend.filter((rows) => rows[0].attempts === 0);
    const retrying = toSend.filter((rows) => rows[0].attempts > 0);
    return [
      ...(await this.sendTogether(producer, fresh)),
      ...(await Promise.all(retrying.map((rows) => this.sendKey(producer, rows)))),
    ];
  }

  /**
   * Sends several keys in one request (the usual case: fast). If it fails, each key is sent alone, so that a
   * failure stays with its key; a key the failed request did write is then written again, still in order, and
   * consumers drop the copies by event id.
   */
  private async sendTogether(producer: Producer, keys: PlannedRow[][]): Promise<KeyOutcome[]> {
    if (keys.length === 0) return [];
    try {
      const byTopic = new Map<string, Message[]>();
      for (const row of keys.flat()) {
        const messages = byTopic.get(row.topic);
        if (messages) messages.push(row.message);
        else byTopic.set(row.topic, [row.message]);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      return keys.map((rows) => ({ published: rows.map((row) => row.id) }));
    } catch {
      return Promise.all(keys.map((rows) => this.sendKey(producer, rows)));
    }
  }

  /** Sends one key's rows (one partition, so one record batch) in order. */
  private async sendKey(producer: Producer, rows: PlannedRow[]): Promise<KeyOutcome> {
    try {
      await producer.send({ topic: rows[0].topic, acks: -1, messages: rows.map((row) => row.message) });
      return { published: rows.map((row) => row.id) };
    } catch (error) {
      return this.afterFailure(producer, rows[0], rows.length > 1, error);
    }
  }

  /** What a failed send means for its key: retried later, dead-lettered, or (a refused batch) its first row alone. */
  private async afterFailure(
    producer: Producer,
    row: PlannedRow,
    batched: boolean,
    error: unknown,
  ): Promise<KeyOutcome> {
    if (!refusedForGood(error)) return { published: [], postponed: { row, error: errorMessage(error) } };
    if (!batched) return { published: [], deadLettered: { row, error: errorMessage(error) } };
    // Refused as a whole: the first row alone tells whether it is the row or the batch.
    try {
      await producer.send({ topic: row.topic, acks: -1, messages: [row.message] });
      return { published: [row.id] };
    } catch (alone) {
      return this.afterFailure(producer, row, false, alone);
    }
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
    if (postponed.length > 0)
      await manager.query(
        `UPDATE outbox_event o
            SET attempts = u.attempts, last_error = u.error,
                next_attempt_at = now() + make_interval(secs => u.delay)
           FROM unnest($1::text[], $2::int[], $3::text[], $4::float8[]) AS u(id, attempts, error, delay)
          WHERE o.id = u.id`,
        [
          postponed.map(({ row }) => row.id),
          postponed.map(({ row }) => row.attempts + 1),
          postponed.map(({ error }) => error.slice(0, 2_000)),
          postponed.map(({ row }) => backoffMs(row.attempts + 1, this.tuning) / 1000),
        ],
      );
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
      this.nudged = false;
      try {
        published = await this.relayBatch();
      } catch (error) {
        this.logger.error(`outbox relay: ${errorMessage(error)}`);
      }
      // While everything waiting is held back, looking again soon finds nothing new: poll less, up to a limit.
      this.idleMs =
        published === 0 && this.heldBack
          ? Math.min(this.idleMs * 2, HELD_BACK_POLL_MAX_MS)
          : this.tuning.pollIntervalMs;
      if (published === 0 && !this.stopped && !this.nudged) await this.sleep(this.idleMs);
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
function messageOf(row: PendingRow): { message: Message; bytes: number } {
  const value = JSON.stringify(row.event);
  const headers = { 'content-type': CLOUD_EVENT_CONTENT_TYPE, ce_id: row.id };
  const bytes =
    Buffer.byteLength(value) +
    Buffer.byteLength(row.message_key) +
    Object.entries(headers).reduce((sum, [name, text]) => sum + name.length + Buffer.byteLength(text), 0);
  return { message: { key: row.message_key, value, headers }, bytes };
}
