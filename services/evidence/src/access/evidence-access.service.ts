import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lep/auth';
import { ApiError } from '@lep/nest-kit';
import { EvidenceItemEntity } from '../items/evidence-item.entity';
import { AccessAction, AccessLogEntity } from './access-log.entity';
import { AccessDecision, decideAccess } from './access-policy';

const DENIAL_MESSAGES: Record<Exclude<AccessDecision, { granted: true }>['reason'], string> = {
  OTHER_AGENCY: '无权调阅其他执法主体的证据',
  RESTRICTED_ITEM: '该证据涉及商业秘密或个人隐私，仅限本案承办人员、法制审核人员和机关负责人调阅',
  ROLE_NOT_ALLOWED: '当前角色无权调阅证据',
};

export interface AccessRequest {
  action: AccessAction;
  purpose: string;
  byteRange?: string;
}

/**
 * The single door to an item's content: looks the item up, applies the access policy and writes the access
 * log — granted or denied — before anything is served.
 */
@Injectable()
export class EvidenceAccessService {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string): Promise<EvidenceItemEntity> {
    const item = await this.dataSource.getRepository(EvidenceItemEntity).findOneBy({ id });
    if (!item) throw new ApiError(HttpStatus.NOT_FOUND, 'EVIDENCE_NOT_FOUND', '证据不存在');
    return item;
  }

  /** Returns the item when the principal may open it; logs the attempt either way. */
  async open(principal: Principal, id: string, request: AccessRequest): Promise<EvidenceItemEntity> {
    const item = await this.find(id);
    const decision = decideAccess(principal, item);
    await this.log(principal, item, request, decision.granted ? null : decision.reason);
    if (!decision.granted)
      throw new ApiError(HttpStatus.FORBIDDEN, 'EVIDENCE_ACCESS_DENIED', DENIAL_MESSAGES[decision.reason]);
    return item;
  }

  /** May the principal see that this item exists (lists)? Same rule as opening it, without a log entry. */
  canSee(principal: Principal, item: EvidenceItemEntity): boolean {
    return decideAccess(principal, item).granted;
  }

  async log(
    principal: Principal,
    item: EvidenceItemEntity,
    request: AccessRequest,
    denialReason: string | null,
  ): Promise<void> {
    await this.dataSource.getRepository(AccessLogEntity).insert({
      evidenceId: item.id,
      caseId: item.caseId,
      action: request.action,
      outcome: denialReason ? 'denied' : 'granted',
      reason: denialReason,
      purpose: request.purpose,
      byteRange: request.byteRange ?? null,
      accessor: principal.subject,
      accessorKind: principal.kind,
      accessorAgency: principal.agencyCode ?? null,
      accessorRoles: principal.roles,
    });
  }
}
