import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { chinaDateOf } from '@lep/calendar';
import { anchorRecordHeads, sealRecordAnchorDays } from '@lep/case-store';
import { DataSource } from 'typeorm';

/** Hourly: a record head is anchored within the hour it moved, and every China day has its anchors. */
const ANCHOR_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Anchors every case record's head outside the record, once at start and then hourly (domain.md R6):
 * `case_record_anchor` keeps per case and China day the last head seen, so a record later cut short no longer
 * reaches its anchor and the exported 案卷 says so. Each run also seals the China days gone by: their anchors
 * under one tree head, published through the outbox to the publication service, outside this database. Replicas
 * may run it at once: anchoring and sealing share one advisory lock, and a sealed day takes no more anchors.
 */
@Injectable()
export class RecordAnchorJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RecordAnchorJob.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.run();
    this.timer = setInterval(() => this.run(), ANCHOR_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops before the database closes, letting a run in progress finish. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private run(): void {
    this.running = this.running.then(async () => {
      try {
        const today = chinaDateOf(Date.now());
        const anchored = await anchorRecordHeads(this.dataSource, today);
        if (anchored > 0) this.logger.log(`anchored the record heads of ${anchored} cases`);
        for (const day of await sealRecordAnchorDays(this.dataSource, today))
          this.logger.log(`sealed the ${day.caseCount} record anchors of ${day.anchorDate}: ${day.root}`);
      } catch (error) {
        // The next run anchors what this one missed: heads only grow, and each run takes them all.
        this.logger.warn(`record anchoring failed: ${(error as Error).message}`);
      }
    });
  }
}
