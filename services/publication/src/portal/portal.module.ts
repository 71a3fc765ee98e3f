import { Module } from '@nestjs/common';
import { PublicDecisionsService } from '../public-api/public-decisions.service';
import { PortalDecisionsController } from './portal-decisions.controller';
import { PortalPreDisclosureController } from './portal-pre-disclosure.controller';
import { PortalController } from './portal.controller';

/** The public portal's pages; they read what the public API reads, through the same masked rows. */
@Module({
  controllers: [PortalController, PortalDecisionsController, PortalPreDisclosureController],
  providers: [PublicDecisionsService],
})
export class PortalModule {}
