import { Module } from '@nestjs/common';
import { DisclosureWorkflows } from '../deadline/disclosure-workflows';
import { PublicationAgencyHierarchy } from '../staff/agency-hierarchy';
import { StaffDisclosuresController } from '../staff/staff-disclosures.controller';
import { DisclosureEntity, DisclosureVersionEntity } from './disclosure.entity';
import { DisclosuresService } from './disclosures.service';
import { Disclosures1764300000000 } from './disclosures.migration';

export const DISCLOSURE_ENTITIES = [DisclosureEntity, DisclosureVersionEntity];
export const DISCLOSURE_MIGRATIONS = [Disclosures1764300000000];

/** Disclosures of decisions: storage, masking, staff release, withdrawal and correction. */
@Module({
  controllers: [StaffDisclosuresController],
  providers: [DisclosureWorkflows, DisclosuresService, PublicationAgencyHierarchy],
  exports: [DisclosuresService, DisclosureWorkflows],
})
export class DisclosuresModule {}
