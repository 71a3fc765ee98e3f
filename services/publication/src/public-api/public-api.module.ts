import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { PublicDecisionsController } from './public-decisions.controller';
import { PublicDecisionsService } from './public-decisions.service';
import { PublicDocumentService } from './public-document.service';
import { PublicAnnualReportsController } from '../pre-disclosure/public-annual-reports.controller';
import { PublicInspectionsController } from '../pre-disclosure/public-inspections.controller';
import { PublicPreDisclosureController } from '../pre-disclosure/public-pre-disclosure.controller';
import { PublicRecordAnchorsController } from '../record-anchors/public-record-anchors.controller';

/** The unauthenticated, rate-limited public API (per client IP, a fixed window of one minute). */
@Module({})
export class PublicApiModule {
  static register(limitPerMinute: number): DynamicModule {
    return {
      module: PublicApiModule,
      imports: [ThrottlerModule.forRoot([{ name: 'public', ttl: 60_000, limit: limitPerMinute }])],
      controllers: [
        PublicDecisionsController,
        PublicPreDisclosureController,
        PublicInspectionsController,
        PublicAnnualReportsController,
        PublicRecordAnchorsController,
      ],
      providers: [PublicDecisionsService, PublicDocumentService],
    };
  }
}
