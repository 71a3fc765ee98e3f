import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { CLOUD_EVENT_CONTENT_TYPE } from '@lep/contracts';
import type { Producer } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { KafkaClient } from '../kafka';
import { OutboxEventEntity } from './outbox-event.entity';

export interface OutboxRelayTuning {
  pollIntervalMs: number;
  batchSize: number;
  firstBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RELAY_TUNING: OutboxRelayTuning = {
  pollIntervalMs: 200,
  batchSize: 200,
  firstBackoffMs: 500,
  maxBackoffMs: 30_000,
};

/** Delay before the next attempt after `attempts` failures: doubling, capped, never giving up. */
export function backoffMs(attempts: number, tuning: OutboxRelayTuning): number {
  return Math.min(tuning.maxBackoffMs, tuning.firstBackoffMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Publishes due outbox rows to Kafka. Rows are claimed with FOR UPDATE SKIP LOCKED, so several replicas of a
 * service share the work without sending a row twice in the normal case; a crash between the broker's ack and
 * the commit re-sends the row with the same event id, which consumers de-duplicate (at-least-once delivery).
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

  /** Publishes one batch of due events; returns how many were published. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .getRepository(OutboxEventEntity)
        .createQueryBuilder('e')
        .where('e.published_at IS NULL AND e.next_attempt_at <= now()')
        .orderBy('e.created_at', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .limit(this.tuning.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length === 0) return 0;
      try {
        await this.send(due);
      } catch (error) {
        await this.postpone(manager, due, error);
        return 0;
      }
      await manager
        .createQueryBuilder()
        .update(OutboxEventEntity)
        .set({ publishedAt: () => 'now()', lastError: null })
        .whereInIds(due.map((row) => row.id))
        .execute();
      return due.length;
    });
  }

  private async send(rows: OutboxEventEntity[]): Promise<void> {
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, OutboxEventEntity[]>();
    for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, topicRows]) => ({
        topic,
        messages: topicRows.map((row) => ({
          key: row.messageKey,
          value: JSON.stringify(row.event),
          headers: { 'content-type': CLOUD_EVENT_CONTENT_TYPE, ce_id: row.id },
        })),
      })),
    });
  }

  private async postpone(manager: EntityManager, rows: OutboxEventEntity[], error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const attempts = rows[0].attempts + 1;
    this.logger.warn(`relaying ${rows.length} events failed (attempt ${attempts}): ${message}`);
    await manager
      .createQueryBuilder()
      .update(OutboxEventEntity)
      .set({
        attempts: () => 'attempts + 1',
        nextAttemptAt: () => `now() + make_interval(secs => ${backoffMs(attempts, this.tuning) / 1000})`,
        lastError: message.slice(0, 2_000),
      })
      .whereInIds(rows.map((row) => row.id))
      .execute();
    // A failed producer may hold a dead connection; the next attempt starts from a fresh one.
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 2 } });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let published = 0;
      try {
        published = await this.relayBatch();
      } catch (error) {
        this.logger.error(`outbox relay: ${error instanceof Error ? error.message : String(error)}`);
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
