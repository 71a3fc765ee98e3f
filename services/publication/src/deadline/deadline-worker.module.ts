import { Global, Module } from '@nestjs/common';
import { DependencyProbe } from '@lep/nest-kit';
import { DisclosuresModule } from '../disclosures/disclosures.module';
import { PublicationWorkerHost } from './publication-worker.host';

export const PUBLICATION_WORKER_PROBE = 'PUBLICATION_WORKER_PROBE';

/** Hosts the deadline workflows' worker; /health reports it down unless it polls. */
@Global()
@Module({
  imports: [DisclosuresModule],
  providers: [
    PublicationWorkerHost,
    {
      provide: PUBLICATION_WORKER_PROBE,
      useFactory: (host: PublicationWorkerHost): DependencyProbe => ({
        name: 'temporal-worker',
        probe: async () => {
          const state = host.state();
          if (state !== 'RUNNING') throw new Error(`worker is ${state}`);
        },
      }),
      inject: [PublicationWorkerHost],
    },
  ],
  exports: [PUBLICATION_WORKER_PROBE, PublicationWorkerHost],
})
export class DeadlineWorkerModule {}
