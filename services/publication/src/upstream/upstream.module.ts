import { Module } from '@nestjs/common';
import { DisclosuresModule } from '../disclosures/disclosures.module';
import { PublicationAgencyHierarchy } from '../staff/agency-hierarchy';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';
import { ForwardedDisclosures1764300300000 } from './forwarded-disclosures.migration';
import { UpstreamForwarder } from './upstream-forwarder';

export const UPSTREAM_MIGRATIONS = [ForwardedDisclosures1764300300000];

/** Receiving end of the upward feed: every level's deployment accepts forwarded disclosures from below. */
@Module({
  imports: [DisclosuresModule],
  controllers: [FeedController],
  providers: [FeedService, PublicationAgencyHierarchy],
})
export class FeedModule {}

/** Sending end: only a deployment with PUBLICATION_UPSTREAM_URL set forwards its disclosures upward. */
@Module({ providers: [UpstreamForwarder] })
export class UpstreamForwarderModule {}
