import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lep/auth';
import { ApiError } from '@lep/nest-kit';
import { EvidenceAccessService } from '../access/evidence-access.service';
import { lockContent } from '../storage/content-lock';
import { ContentStore } from '../storage/content-store';
import { EvidenceItemEntity } from './evidence-item.entity';
import { EvidenceView, toEvidenceView } from './evidence.dto';

/** Listing a case's items and removing an item once its retention has ended. */
@Injectable()
export class EvidenceItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: EvidenceAccessService,
    private readonly store: ContentStore,
  ) {}

  /** The case's items the principal may open, oldest first; items it may not open are not mentioned. */
  async list(principal: Principal, caseId: string): Promise<EvidenceView[]> {
    const items = await this.dataSource
      .getRepository(EvidenceItemEntity)
      .find({ where: { caseId }, order: { storedAt: 'ASC', id: 'ASC' } });
    return items.filter((item) => this.access.canSee(principal, item)).map(toEvidenceView);
  }

  /**
   * Deletes an item whose retention has ended (logged like any access). The stored object goes only when no
   * other item points at it (items of the same bytes share one object, see EvidenceUploadService). On the real stack the bucket's object lock refuses the deletion of an
   * object still under retention as well, so this check is not the only guard.
   */
  async remove(principal: Principal, id: string, purpose: string): Promise<void> {
    const now = new Date();
    const item = await this.access.open(principal, id, { action: 'delete', purpose }, (found) =>
      found.retainUntil === null || found.retainUntil > now
        ? { reason: 'RETENTION_ACTIVE', error: retentionActive(found.retainUntil) }
        : undefined,
    );
    await this.dataSource.transaction(async (manager) => {
      await lockContent(manager, item.sha256);
      await manager.delete(EvidenceItemEntity, { id });
      // Removed inside the transaction: if the store refuses (object lock), the row stays too.
      // An object holds the bytes of one SHA-256 only: the content's lock covers it, and the sha256 index finds
      // the items that may point at it.
      const shared = { sha256: item.sha256, objectKey: item.objectKey };
      if (!(await manager.exists(EvidenceItemEntity, { where: shared })))
        await this.store.remove(item.objectKey);
    });
  }
}

function retentionActive(retainUntil: Date | null): ApiError {
  return new ApiError(
    HttpStatus.CONFLICT,
    'RETENTION_ACTIVE',
    retainUntil === null
      ? '该证据为永久保存，不得删除'
      : `该证据保存期限至 ${retainUntil.toISOString().slice(0, 10)} 届满，届满前不得删除`,
  );
}
