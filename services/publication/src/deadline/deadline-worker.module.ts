import { Global, Module } from '@nestjs/common';
import { hostedWorkerProbe } from '@lep/nest-kit';
import { DisclosuresModule } from '../disclosures/disclosures.module';
import { IngestModule } from '../ingest/ingest.module';
import { PublicationWorkerHost } from './publication-worker.host';

export const PUBLICATION_WORKER_PROBE = 'PUBLICATION_WORKER_PROBE';

/** Hosts the deadline workflows' worker; /health reports it down unless it polls. */
@Global()
@Module({
  // The intake stores each decision in its workflow's first activity (EventHandler.receiveDecision).
  imports: [DisclosuresModule, IngestModule],
  providers: [
    PublicationWorkerHost,
    {
      provide: PUBLICATION_WORKER_PROBE,
      useFactory: (host: PublicationWorkerHost) => hostedWorkerProbe(host),
      inject: [PublicationWorkerHost],
    },
  ],
  exports: [PUBLICATION_WORKER_PROBE, PublicationWorkerHost],
})
export class DeadlineWorkerModule {}
