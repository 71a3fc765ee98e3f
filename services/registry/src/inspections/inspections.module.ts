import { Module } from '@nestjs/common';
import { INSPECTION_ENTITIES } from './inspection.entities';
import { InspectionDrawsService } from './inspection-draws.service';
import { InspectionListsController } from './inspection-lists.controller';
import { InspectionListsService } from './inspection-lists.service';
import { InspectionPlansController } from './inspection-plans.controller';
import { InspectionPlansService } from './inspection-plans.service';
import { InspectionTargetPartyType1765300200000 } from './inspection-target-party.migration';
import { Inspections1764205000000 } from './inspections.migration';

export { INSPECTION_ENTITIES };
export const INSPECTION_MIGRATIONS = [Inspections1764205000000, InspectionTargetPartyType1765300200000];

@Module({
  controllers: [InspectionListsController, InspectionPlansController],
  providers: [InspectionListsService, InspectionPlansService, InspectionDrawsService],
})
export class InspectionsModule {}
