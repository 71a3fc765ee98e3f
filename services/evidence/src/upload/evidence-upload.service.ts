import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@lep/auth';
import {
  createCloudEvent,
  EVIDENCE_EVENT_SOURCE,
  EVIDENCE_EVENT_TYPES,
  EvidenceStoredData,
  isCaseIdOfAgency,
  TOPICS,
} from '@lep/contracts';
import { ApiError, enqueueEvent } from '@lep/nest-kit';
import { EvidenceConfig } from '../config';
import { EvidenceItemEntity } from '../items/evidence-item.entity';
import { EvidenceView, toEvidenceView } from '../items/evidence.dto';
import { ContentStore, contentKey } from '../storage/content-store';
import { lockContent } from '../storage/content-lock';
import {
  EvidenceMetadataDto,
  parseEvidenceMetadata,
  retentionEnd,
  sanitizeFileName,
} from './evidence-metadata';
import { ReceivedUpload, receiveUpload } from './multipart-upload';
import { uploadErrors } from './upload-errors';

/**
 * Takes one evidence upload from request to record: stream to storage checking the client's hash, then the row,
 * the `evidence.stored` event and the sealing of the bytes (or their dedup onto an object already kept) in one
 * transaction. A failure at any step leaves no row, and bytes not kept are abandoned whatever happens.
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
    // The case id names the agency that filed it; evidence goes only into the uploader's own agency's cases.
    if (!isCaseIdOfAgency(caseId, agencyCode))
      throw new ApiError(HttpStatus.FORBIDDEN, 'CASE_OF_OTHER_AGENCY', '只能为本执法主体立案的案件上传证据');
    const maxBytes = this.config.EVIDENCE_MAX_FILE_BYTES;
    const received = await receiveUpload(
      request,
      {
        parseMetadata: parseEvidenceMetadata,
        stage: (file, metadata) => this.store.stage(file, maxBytes, metadata.sha256),
        discard: (content) => this.store.discard(content),
      },
      { maxFileBytes: maxBytes, idleMs: this.config.EVIDENCE_UPLOAD_IDLE_SECONDS * 1000 },
    );
    try {
      return await this.record(principal, agencyCode, caseId, received);
    } finally {
      await this.store.discard(received.staged);
    }
  }

  /**
   * Writes the row and the event, then seals the bytes unless an object already holds them, all under the
   * content's lock: a deletion of the last item on that object cannot remove it between the lookup and the
   * commit, and an upload of the same bytes finishing meanwhile waits, then finds this one's object and abandons
   * its own unsealed copy.
   */
  private record(
    principal: Principal,
    agencyCode: string,
    caseId: string,
    { metadata, staged, fileName, mimeType }: ReceivedUpload<EvidenceMetadataDto>,
  ): Promise<EvidenceView> {
    return this.dataSource.transaction(async (manager) => {
      const earlier = metadata.requestId
        ? await this.earlierAttempt(manager, agencyCode, metadata.requestId)
        : null;
      if (earlier) {
        if (earlier.caseId !== caseId || earlier.sha256 !== staged.sha256)
          throw uploadErrors.requestIdReused(metadata.requestId!);
        return toEvidenceView(earlier);
      }
      await lockContent(manager, staged.sha256);
      const kept = await this.keptObject(manager, staged.sha256);
      const objectKey = kept ?? this.store.keyOf(staged);
      const storedAt = new Date();
      const item: EvidenceItemEntity = {
        id: randomUUID(),
        caseId,
        // The uploader's own agency: a case belongs to the agency whose staff handle it.
        agencyCode,
        stage: metadata.stage,
        kind: metadata.kind,
        capturedAt: new Date(metadata.capturedAt),
        recordingEndedAt: metadata.recordingEndedAt ? new Date(metadata.recordingEndedAt) : null,
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
        requestId: metadata.requestId ?? null,
      };
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
        confidentiality: item.confidentiality,
        capturedAt: item.capturedAt.toISOString(),
        ...(item.recordingEndedAt ? { recordingEndedAt: item.recordingEndedAt.toISOString() } : {}),
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
      // Sealed last, once the row is written: if sealing fails, the transaction rolls back and nothing shows.
      if (kept === undefined) await this.store.keep(staged);
      return toEvidenceView(item);
    });
  }

  /**
   * The object already holding bytes of this SHA-256, if any: an earlier item's object, or `sha256/<hex>` written
   * by an upload whose row never committed. Only an object still in the store counts: a lost one is not reused
   * (`lep evidence verify` reports its items), so the bytes may come to be held by more than one object — dedup
   * saves storage, it is not a rule.
   */
  private async keptObject(manager: EntityManager, sha256: string): Promise<string | undefined> {
    const rows: Array<{ object_key: string }> = await manager.query(
      `SELECT object_key FROM evidence_item WHERE sha256 = $1 GROUP BY object_key ORDER BY min(stored_at)`,
      [sha256],
    );
    const candidates = [...new Set([...rows.map((row) => row.object_key), contentKey(sha256)])];
    for (const key of candidates) if (await this.store.exists(key)) return key;
    return undefined;
  }

  /**
   * The item an earlier attempt of this request stored, if any. Attempts of one request id are serialised, so
   * two retries racing each other store one item between them.
   */
  private async earlierAttempt(
    manager: EntityManager,
    agencyCode: string,
    requestId: string,
  ): Promise<EvidenceItemEntity | null> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `evidence-request:${agencyCode}:${requestId}`,
    ]);
    return manager.getRepository(EvidenceItemEntity).findOneBy({ agencyCode, requestId });
  }
}
