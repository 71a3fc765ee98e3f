import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lep/auth';
import {
  createCloudEvent,
  EVIDENCE_EVENT_SOURCE,
  EVIDENCE_EVENT_TYPES,
  EvidenceStoredData,
  TOPICS,
} from '@lep/contracts';
import { ApiError, enqueueEvent } from '@lep/nest-kit';
import { EvidenceConfig } from '../config';
import { EvidenceItemEntity } from '../items/evidence-item.entity';
import { EvidenceView, toEvidenceView } from '../items/evidence.dto';
import { ContentStore, StagedContent } from '../storage/content-store';
import { parseEvidenceMetadata, retentionEnd, sanitizeFileName } from './evidence-metadata';
import { receiveUpload } from './multipart-upload';
import { uploadErrors } from './upload-errors';

/**
 * Takes one evidence upload from request to record: stream to staging, check the client's hash, promote to the
 * content address, then the row and the `evidence.stored` event in one transaction. A failure at any step
 * before the commit leaves no row; the staged bytes are removed.
 */
@Injectable()
export class EvidenceUploadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ContentStore,
    private readonly config: EvidenceConfig,
  ) {}

  async upload(principal: Principal, caseId: string, request: IncomingMessage): Promise<EvidenceView> {
    const agencyCode = principal.agencyCode;
    if (!agencyCode)
      throw new ApiError(HttpStatus.FORBIDDEN, 'AGENCY_REQUIRED', '只有所属执法主体明确的账号可以上传证据');
    const maxBytes = this.config.EVIDENCE_MAX_FILE_BYTES;
    const { metadata, staged, fileName, mimeType } = await receiveUpload(
      request,
      {
        parseMetadata: parseEvidenceMetadata,
        stage: (file) => this.store.stage(file, maxBytes),
        discard: (content) => this.store.discard(content.stagingKey),
      },
      maxBytes,
    );
    const objectKey = await this.keep(staged, metadata.sha256);
    const storedAt = new Date();
    const item: EvidenceItemEntity = {
      id: randomUUID(),
      caseId,
      // The uploader's own agency: a case belongs to the agency whose staff handle it.
      agencyCode,
      stage: metadata.stage,
      kind: metadata.kind,
      capturedAt: new Date(metadata.capturedAt),
      capturedBy: metadata.capturedBy,
      device: metadata.device ?? null,
      place: metadata.place ?? null,
      description: metadata.description ?? null,
      confidentiality: metadata.confidentiality,
      originalName: sanitizeFileName(fileName),
      contentType: mimeType || 'application/octet-stream',
      sha256: staged.sha256,
      size: staged.size,
      objectKey,
      retainUntil: retentionEnd(metadata.retention ?? this.config.EVIDENCE_DEFAULT_RETENTION, storedAt),
      storedAt,
      uploadedBy: principal.subject,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(EvidenceItemEntity, item);
      const data: EvidenceStoredData = {
        evidenceId: item.id,
        caseId: item.caseId,
        agencyCode: item.agencyCode,
        stage: item.stage,
        kind: item.kind,
        sha256: item.sha256,
        size: item.size,
        storedAt: storedAt.toISOString(),
        capturedBy: item.capturedBy,
      };
      await enqueueEvent(
        manager,
        TOPICS.evidenceStored,
        item.caseId,
        createCloudEvent({
          id: item.id,
          source: EVIDENCE_EVENT_SOURCE,
          type: EVIDENCE_EVENT_TYPES.stored,
          subject: item.caseId,
          time: storedAt,
          data,
        }),
      );
    });
    return toEvidenceView(item);
  }

  /** Checks the client's hash, then moves the bytes to their content address. Nothing stays on refusal. */
  private async keep(staged: StagedContent, claimedSha256: string | undefined): Promise<string> {
    if (claimedSha256 && claimedSha256.toLowerCase() !== staged.sha256) {
      await this.store.discard(staged.stagingKey);
      throw uploadErrors.sha256Mismatch();
    }
    try {
      return await this.store.promote(staged);
    } catch (error) {
      await this.store.discard(staged.stagingKey);
      throw error;
    }
  }
}
