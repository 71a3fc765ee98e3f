import type { DynamicModule, Type } from '@nestjs/common';
import { CalendarFromRegistry1765000100000 } from './disclosures/calendar-from-registry.migration';
import { DeadlineWorkerModule } from './deadline/deadline-worker.module';
import {
  DISCLOSURE_ENTITIES,
  DISCLOSURE_MIGRATIONS,
  DisclosuresModule,
} from './disclosures/disclosures.module';
import { IngestModule, KafkaIngestModule } from './ingest/ingest.module';
import { PortalModule } from './portal/portal.module';
import { PRE_DISCLOSURE_ENTITIES, PRE_DISCLOSURE_MIGRATIONS } from './pre-disclosure/pre-disclosure.module';
import { PublicApiModule } from './public-api/public-api.module';
import { RECORD_ANCHOR_ENTITIES, RECORD_ANCHOR_MIGRATIONS } from './record-anchors/record-anchors.module';
import { FeedModule, UPSTREAM_MIGRATIONS, UpstreamForwarderModule } from './upstream/upstream.module';

export const PUBLICATION_ENTITIES = [
  ...DISCLOSURE_ENTITIES,
  ...PRE_DISCLOSURE_ENTITIES,
  ...RECORD_ANCHOR_ENTITIES,
];
export const PUBLICATION_MIGRATIONS = [
  ...DISCLOSURE_MIGRATIONS,
  ...PRE_DISCLOSURE_MIGRATIONS,
  ...UPSTREAM_MIGRATIONS,
  CalendarFromRegistry1765000100000,
  ...RECORD_ANCHOR_MIGRATIONS,
];

export interface PublicationModulesOptions {
  publicRateLimitPerMinute: number;
  /** A 师市 deployment with an upper level forwards its disclosures there. */
  forwardsUpstream: boolean;
}

/** The publication service's bounded contexts: Kafka in, deadline worker, staff routes, public API, portal. */
export function publicationModules(options: PublicationModulesOptions): Array<Type | DynamicModule> {
  return [
    DisclosuresModule,
    IngestModule,
    KafkaIngestModule,
    DeadlineWorkerModule,
    PublicApiModule.register(options.publicRateLimitPerMinute),
    PortalModule,
    FeedModule,
    ...(options.forwardsUpstream ? [UpstreamForwarderModule] : []),
  ];
}
