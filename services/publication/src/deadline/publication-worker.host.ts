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
import { EventHandler } from '../ingest/event-handler';
import { createDisclosureActivities } from './disclosure-activities';

/**
 * The publication service's own Temporal worker on `lep-publication` (docs/architecture.md): its activities
 * write the publication database and outbox, which only this service owns, so they run here rather than in
 * the shared worker. It bundles only the workflows of @lep/workflows/publication.
 */
@Injectable()
export class PublicationWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker = new HostedWorker(new Logger(PublicationWorkerHost.name));

  constructor(
    @Inject(PublicationConfig) private readonly config: PublicationConfig,
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly disclosures: DisclosuresService,
    private readonly intake: EventHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.worker.start({
      address: this.config.TEMPORAL_ADDRESS,
      tls: temporalTls(this.config),
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: TASK_QUEUES.publication,
      workflowsPath: path.join(path.dirname(require.resolve('@lep/workflows')), 'publication'),
      activities: createDisclosureActivities({
        dataSource: this.dataSource,
        receiveDecision: (decision) => this.intake.receiveDecision(decision),
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
