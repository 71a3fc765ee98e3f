import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { withTimeout } from '../health/with-timeout';
import type { KafkaClient } from '../kafka';
import type { ServiceMetrics } from './service-metrics';

/** A scrape reads each figure within this, so a hung database or broker cannot hang /metrics. */
const SCRAPE_TIMEOUT_MS = 3_000;

interface OutboxFigures {
  pending: number;
  oldestAgeSeconds: number;
  deadLettered: number;
  setAside: Array<{ consumer: string; count: number }>;
}

/**
 * The outbox and dead-letter figures of a service with the messaging tables, read from its database at scrape
 * time: pending rows (written, not yet relayed), the age of the oldest, rows the relay dead-lettered (their key
 * waits for an operator), and messages each consumer set aside in `dead_letter_event`.
 */
export function registerOutboxMetrics(metrics: ServiceMetrics, dataSource: DataSource, logger: Logger): void {
  // One read shared by the gauges of a scrape (prom-client collects them one after another), fresh each scrape.
  let read: Promise<OutboxFigures | undefined> | undefined;
  metrics.onScrape(() => (read = undefined));
  const figures = () =>
    (read ??= withTimeout(readOutboxFigures(dataSource), SCRAPE_TIMEOUT_MS, 'the outbox figures').catch(
      (error: unknown) => {
        logger.warn(`metrics: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      },
    ));
  metrics.gauge(
    'lep_outbox_pending_events',
    'Outbox rows written and not yet relayed to Kafka',
    [],
    async (g) => {
      const read = await figures();
      if (read) g.set(read.pending);
      else g.reset();
    },
  );
  metrics.gauge(
    'lep_outbox_oldest_pending_age_seconds',
    'Age of the oldest outbox row not yet relayed (0 when none is pending)',
    [],
    async (g) => {
      const read = await figures();
      if (read) g.set(read.oldestAgeSeconds);
      else g.reset();
    },
  );
  metrics.gauge(
    'lep_outbox_dead_lettered_events',
    'Outbox rows Kafka refused for good; each blocks its key until an operator releases or discards it',
    [],
    async (g) => {
      const read = await figures();
      if (read) g.set(read.deadLettered);
      else g.reset();
    },
  );
  metrics.gauge(
    'lep_consumer_dead_letter_events',
    'Messages a consumer could never process, kept in dead_letter_event for an operator',
    ['consumer'],
    async (g) => {
      const read = await figures();
      g.reset();
      for (const { consumer, count } of read?.setAside ?? []) g.set({ consumer }, count);
    },
  );
  metrics.gauge(
    'lep_metrics_scrape_failures',
    '1 when this scrape could not read the outbox figures (the database did not answer in time)',
    [],
    async (g) => g.set((await figures()) ? 0 : 1),
  );
}

async function readOutboxFigures(dataSource: DataSource): Promise<OutboxFigures> {
  const [outbox]: Array<{ pending: number; oldest_age: number | null; dead: number }> =
    await dataSource.query(
      `SELECT count(*)::int AS pending,
            extract(epoch FROM now() - min(created_at))::float8 AS oldest_age,
            (count(*) FILTER (WHERE dead_lettered_at IS NOT NULL))::int AS dead
       FROM outbox_event WHERE published_at IS NULL AND discarded_at IS NULL`,
    );
  const setAside: Array<{ consumer: string; count: number }> = await dataSource.query(
    `SELECT consumer, count(*)::int AS count FROM dead_letter_event GROUP BY consumer`,
  );
  return {
    pending: outbox.pending,
    oldestAgeSeconds: Math.max(0, outbox.oldest_age ?? 0),
    deadLettered: outbox.dead,
    setAside,
  };
}

/**
 * How far each consumer group of the process is behind, per topic: the sum over partitions of the latest offset
 * minus the group's committed offset (a partition it never committed counts from the earliest offset kept).
 */
export function registerConsumerLagMetrics(
  metrics: ServiceMetrics,
  kafka: KafkaClient,
  logger: Logger,
): void {
  metrics.gauge(
    'lep_kafka_consumer_lag',
    'Messages on the topic not yet processed by the consumer group (latest offset minus committed), summed over partitions',
    ['group', 'topic'],
    async (g) => {
      g.reset();
      if (kafka.consumerGroups.size === 0) return;
      try {
        const lags = await withTimeout(readLags(kafka), SCRAPE_TIMEOUT_MS, 'Kafka offsets');
        for (const lag of lags) g.set({ group: lag.group, topic: lag.topic }, lag.lag);
      } catch (error) {
        logger.warn(`metrics: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  );
}

async function readLags(kafka: KafkaClient): Promise<Array<{ group: string; topic: string; lag: number }>> {
  const admin = await kafka.admin();
  const lags: Array<{ group: string; topic: string; lag: number }> = [];
  const ends = new Map<string, Map<number, { low: number; high: number }>>();
  for (const group of kafka.consumerGroups) {
    const committed = await admin.fetchOffsets({ groupId: group });
    for (const { topic, partitions } of committed) {
      let topicEnds = ends.get(topic);
      if (!topicEnds) {
        const offsets = await admin.fetchTopicOffsets(topic);
        topicEnds = new Map(offsets.map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }]));
        ends.set(topic, topicEnds);
      }
      let lag = 0;
      for (const { partition, offset } of partitions) {
        const end = topicEnds.get(partition);
        if (!end) continue;
        const from = Number(offset) < 0 ? end.low : Number(offset);
        lag += Math.max(0, end.high - from);
      }
      lags.push({ group, topic, lag });
    }
  }
  return lags;
}
