import { Module } from '@nestjs/common';
import { AccessLogEntity } from './access/access-log.entity';
import { EvidenceAccessController } from './access/evidence-access.controller';
import { EvidenceAccessService } from './access/evidence-access.service';
import { AvStatusController } from './av-status/av-status.controller';
import { AvStatusService } from './av-status/av-status.service';
import { EvidenceItemEntity } from './items/evidence-item.entity';
import { EvidenceCaseIds1764900000000 } from './items/evidence-case-ids.migration';
import { EvidenceItems1764300000000 } from './items/evidence-items.migration';
import { EvidenceRecordingEnd1765500000000 } from './items/evidence-recording-end.migration';
import { EvidenceRequestIds1764900000001 } from './items/evidence-request-ids.migration';
import { EvidenceItemsService } from './items/evidence-items.service';
import { EvidenceController } from './items/evidence.controller';
import { StorageModule } from './storage/storage.module';
import { EvidenceUploadService } from './upload/evidence-upload.service';
import { UploadTimeouts } from './upload/upload-timeouts';

/** Upload, listing, access and AV status over one set of tables and one bucket. */
@Module({
  imports: [StorageModule],
  controllers: [EvidenceController, EvidenceAccessController, AvStatusController],
  providers: [
    UploadTimeouts,
    EvidenceUploadService,
    EvidenceItemsService,
    EvidenceAccessService,
    AvStatusService,
  ],
})
export class EvidenceDomainModule {}

export const EVIDENCE_ENTITIES = [EvidenceItemEntity, AccessLogEntity];
export const EVIDENCE_MIGRATIONS = [
  EvidenceItems1764300000000,
  EvidenceCaseIds1764900000000,
  EvidenceRequestIds1764900000001,
  EvidenceRecordingEnd1765500000000,
];
