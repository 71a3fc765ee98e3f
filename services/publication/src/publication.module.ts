import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@lep/auth';
import {
  CalendarClientModule,
  dependencyModules,
  HOSTED_WORKER_PROBE,
  ServiceConfigModule,
} from '@lep/nest-kit';
import { PublicationConfig } from './config';
import { PublicationClockModule } from './disclosures/publication-clock';
import { PUBLICATION_ENTITIES, PUBLICATION_MIGRATIONS, publicationModules } from './publication-domain';
import { SERVICE } from './service';

@Module({})
export class PublicationModule {
  static forRoot(config: PublicationConfig): DynamicModule {
    return {
      module: PublicationModule,
      imports: [
        AuthModule.forRoot(authOptionsFromEnv(config)),
        ServiceConfigModule.forValue(PublicationConfig, config),
        CalendarClientModule.forRoot(config),
        PublicationClockModule.forValue(),
        ...dependencyModules({
          serviceName: SERVICE.name,
          outbox: true, // disclosure events
          config,
          database: { entities: PUBLICATION_ENTITIES, migrations: PUBLICATION_MIGRATIONS },
          extraProbes: [HOSTED_WORKER_PROBE],
        }),
        ...publicationModules({
          publicRateLimitPerMinute: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
          forwardsUpstream: Boolean(config.PUBLICATION_UPSTREAM_URL),
        }),
      ],
    };
  }
}
