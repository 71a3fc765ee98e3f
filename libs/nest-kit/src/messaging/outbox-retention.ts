import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { errorMessage } from './send-failure';

export interface OutboxRetentionOptions {
  /** Published rows older than this many days are removed (OUTBOX_RETENTION_DAYS). */
  retentionDays: number;
  /** Time between two sweeps. */
  intervalMs: number;
  /** Rows removed per statement: each batch is its own short transaction. */
  batchSize: number;
}

const FIRST_SWEEP_DELAY_MS = 60_000;

export const DEFAULT_RETENTION: Omit<OutboxRetentionOptions, 'retentionDays'> = {
  intervalMs: 60 * 60 * 1000,
  batchSize: 5_000,
};

/**
 * Removes published outbox rows once they are older than the retention period. It touches published rows only
 * and the relay unpublished ones, so neither waits for the other; rows still to be sent, dead-lettered or
 * discarded by an operator are never removed here.
 */
@Injectable()
export class OutboxRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRetention.name);
  private timer?: NodeJS.Timeout;
  private sweep?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxRetentionOptions,
  ) {}

  onApplicationBootstrap(): void {
    // Not at once: a service starting up has better things to do with its connections.
    this.schedule(Math.min(FIRST_SWEEP_DELAY_MS, this.options.intervalMs));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sweep;
  }

  /** Removes every published row past the retention, batch by batch; returns how many went. */
  async removeExpired(): Promise<number> {
    let removed = 0;
    while (!this.stopped) {
      const [, count]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM outbox_event WHERE id IN (
           SELECT id FROM outbox_event
            WHERE published_at < now() - make_interval(days => $1::int)
            ORDER BY published_at LIMIT $2)`,
        [this.options.retentionDays, this.options.batchSize],
      );
      removed += count;
      if (count < this.options.batchSize) break;
    }
    return removed;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sweep = this.removeExpired()
        .then((removed) => {
          if (removed > 0) this.logger.log(`removed ${removed} published outbox rows past the retention`);
        })
        .catch((error) => this.logger.error(`outbox retention: ${errorMessage(error)}`))
        .finally(() => this.schedule(this.options.intervalMs));
    }, delayMs);
    this.timer.unref();
  }
}
