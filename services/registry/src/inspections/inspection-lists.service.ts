import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '@lep/auth';
import { isValidResidentId } from '@lep/masking';
import { ApiError, FieldViolation } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { AgencyAccess } from '../access/agency-access';
import { actor } from '../common/actor';
import { findAgencyOrFail } from '../agencies/agencies.service';
import { findPersonnelOrFail } from '../personnel/personnel.service';
import {
  InspectionRelationDto,
  InspectionRelationView,
  InspectionTargetsDto,
  InspectionTargetView,
} from './inspection.dto';
import { InspectionRelationEntity, InspectionTargetEntity } from './inspection.entities';

/**
 * The violation for a target code that is a resident ID number: codes are revealed with the draw's pools when
 * the results are published, so a natural person must be listed under another code.
 */
export function targetCodeIsPersonalId(field: string): FieldViolation {
  return { field, rule: 'notResidentId', message: `字段 ${field} 是居民身份证号码，不能作为检查对象编码` };
}

/** An agency's inspection target list (检查对象名录) and the officer–target relations that require recusal. */
@Injectable()
export class InspectionListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AgencyAccess,
  ) {}

  /** Adds or updates the given entries (others stay as they are); `active: false` takes one off the list. */
  async upsertTargets(
    principal: Principal,
    agencyCode: string,
    dto: InspectionTargetsDto,
  ): Promise<InspectionTargetView[]> {
    await this.access.assertCanManage(principal, agencyCode);
    await findAgencyOrFail(this.dataSource.manager, agencyCode);
    const codes = dto.targets.map((target) => target.code);
    const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
    if (duplicate)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'DUPLICATE_TARGET', `检查对象 ${duplicate} 重复出现`, [
        { field: 'targets', rule: 'uniqueCode', message: `字段 targets 中检查对象编码 ${duplicate} 重复` },
      ]);
    const personalIds = dto.targets.flatMap((target, index) =>
      isValidResidentId(target.code) ? [targetCodeIsPersonalId(`targets.${index}.code`)] : [],
    );
    if (personalIds.length > 0)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'TARGET_CODE_IS_PERSONAL_ID',
        '检查对象编码不能使用居民身份证号码（抽查结果公开时编码随抽取池一并公开）',
        personalIds,
      );
    await this.dataSource.manager.upsert(
      InspectionTargetEntity,
      dto.targets.map((target) => ({
        agencyCode,
        ...target,
        partyType: target.partyType ?? null,
        active: target.active ?? true,
      })),
      ['agencyCode', 'code'],
    );
    return this.listTargets(principal, agencyCode);
  }

  async listTargets(principal: Principal, agencyCode: string): Promise<InspectionTargetView[]> {
    await this.access.assertCanManage(principal, agencyCode);
    const targets = await this.dataSource.manager.find(InspectionTargetEntity, {
      where: { agencyCode },
      order: { code: 'ASC' },
    });
    return targets.map(({ code, name, category, partyType, active }) => ({
      code,
      name,
      category,
      partyType,
      active,
    }));
  }

  async recordRelation(
    principal: Principal,
    agencyCode: string,
    dto: InspectionRelationDto,
  ): Promise<InspectionRelationView> {
    await this.access.assertCanManage(principal, agencyCode);
    const manager = this.dataSource.manager;
    const person = await findPersonnelOrFail(manager, dto.personnelId);
    if (person.agencyCode !== agencyCode)
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'PERSONNEL_OF_OTHER_AGENCY',
        `执法人员 ${dto.personnelId} 不属于执法主体 ${agencyCode}`,
      );
    if (!(await manager.existsBy(InspectionTargetEntity, { agencyCode, code: dto.targetCode })))
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'INSPECTION_TARGET_NOT_FOUND',
        `检查对象 ${dto.targetCode} 不在执法主体 ${agencyCode} 的名录中`,
      );
    const saved = await manager.save(
      manager.create(InspectionRelationEntity, { agencyCode, ...dto, recordedBy: actor(principal) }),
    );
    return this.relationView(saved);
  }

  async listRelations(principal: Principal, agencyCode: string): Promise<InspectionRelationView[]> {
    await this.access.assertCanManage(principal, agencyCode);
    const relations = await this.dataSource.manager.find(InspectionRelationEntity, {
      where: { agencyCode },
      order: { id: 'ASC' },
    });
    return relations.map((relation) => this.relationView(relation));
  }

  private relationView(relation: InspectionRelationEntity): InspectionRelationView {
    return {
      personnelId: relation.personnelId,
      targetCode: relation.targetCode,
      relation: relation.relation,
      recordedBy: relation.recordedBy,
      recordedAt: relation.recordedAt.toISOString(),
    };
  }
}
