import path from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { TASK_QUEUES } from '@lep/contracts';
import { OutboxRelay } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { PublicationConfig } from '../config';
import { CalendarStore } from '../calendar/calendar-store';
import { createDisclosureActivities } from './disclosure-activities';

/**
 * The publication service's own Temporal worker on `lep-publication` (docs/architecture.md): its activities
 * write the publication database and outbox, which only this service owns, so they run here rather than in
 * the shared worker. It bundles only the workflows of @lep/workflows/publication.
 */
@Injectable()
export class PublicationWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PublicationWorkerHost.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(PublicationConfig) private readonly config: PublicationConfig,
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly calendars: CalendarStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: TASK_QUEUES.publication,
      workflowsPath: path.join(path.dirname(require.resolve('@lep/workflows')), 'publication'),
      activities: createDisclosureActivities({
        dataSource: this.dataSource,
        calendar: () => this.calendars.current(),
        afterCommit: () => this.relay.nudge(),
      }),
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error(`Temporal worker stopped: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.logger.log(`polling task queue ${TASK_QUEUES.publication}`);
  }

  /** RUNNING while the worker polls; anything else means /health must report it down. */
  state(): string {
    return this.worker?.getState() ?? 'INITIALIZED';
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
