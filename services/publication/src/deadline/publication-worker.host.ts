import path from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { TASK_QUEUES } from '@lep/contracts';
import { HostedWorker, OutboxRelay, temporalTls } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { PublicationConfig } from '../config';
import { DisclosuresService } from '../disclosures/disclosures.service';
import { createDisclosureActivities } from './disclosure-activities';

/**
 * The publication service's own Temporal worker on `lep-publication` (docs/architecture.md): its activities
 * write the publication database and outbox, which only this service owns, so they run here rather than in
 * the shared worker. It loads only the workflows of @lep/workflows/publication (bundled at build time).
 */
@Injectable()
export class PublicationWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker = new HostedWorker(new Logger(PublicationWorkerHost.name));

  constructor(
    @Inject(PublicationConfig) private readonly config: PublicationConfig,
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly disclosures: DisclosuresService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.worker.start({
      address: this.config.TEMPORAL_ADDRESS,
      tls: temporalTls(this.config),
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: TASK_QUEUES.publication,
      workflowBundlePath: path.join(
        path.dirname(require.resolve('@lep/workflows')),
        'bundles',
        'publication.js',
      ),
      activities: createDisclosureActivities({
        dataSource: this.dataSource,
        planDeadline: (category, decidedOn, region) =>
          this.disclosures.planDeadline(category, decidedOn, region),
        afterCommit: () => this.relay.nudge(),
      }),
    });
  }

  state(): string {
    return this.worker.state();
  }

  // Nest runs every beforeApplicationShutdown before any onApplicationShutdown, where TypeORM closes the
  // database and the Kafka and Temporal clients disconnect: work in flight finishes while they are still there.
  beforeApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }
}
