import { TASK_QUEUES } from '@lep/contracts';
import { HostedWorkerModule, OutboxRelay, temporalConnection, workflowCode } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { PublicationConfig } from '../config';
import { DisclosuresModule } from '../disclosures/disclosures.module';
import { DisclosuresService } from '../disclosures/disclosures.service';
import { EventHandler } from '../ingest/event-handler';
import { IngestModule } from '../ingest/ingest.module';
import { createDisclosureActivities } from './disclosure-activities';

/**
 * The publication service's own Temporal worker on `lep-publication` (docs/architecture.md): its activities
 * write the publication database and outbox, which only this service owns, so they run here rather than in
 * the shared worker. It loads only the workflows of @lep/workflows/publication (bundled at build time).
 */
export const DeadlineWorkerModule = HostedWorkerModule.register({
  name: 'PublicationWorker',
  // The intake stores each decision in its workflow's first activity (EventHandler.receiveDecision).
  imports: [DisclosuresModule, IngestModule],
  inject: [PublicationConfig, DataSource, OutboxRelay, DisclosuresService, EventHandler],
  useFactory: (
    config: PublicationConfig,
    dataSource: DataSource,
    relay: OutboxRelay,
    disclosures: DisclosuresService,
    intake: EventHandler,
  ) => ({
    ...temporalConnection(config),
    taskQueue: TASK_QUEUES.publication,
    workflows: workflowCode(require.resolve('@lep/workflows'), 'publication', 'publication'),
    activities: createDisclosureActivities({
      dataSource,
      receiveDecision: (decision) => intake.receiveDecision(decision),
      planDeadline: (category, decidedOn, region) => disclosures.planDeadline(category, decidedOn, region),
      afterCommit: () => relay.nudge(),
    }),
  }),
});
