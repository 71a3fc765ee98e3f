import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { PersonnelChangedData, REGISTRY_EVENT_TYPES } from '@lep/contracts';
import { isValidResidentId } from '@lep/masking';
import { ApiError } from '@lep/nest-kit';
import type { Principal } from '@lep/auth';
import { AgencyAccess } from '../access/agency-access';
import { DataSource, EntityManager, Not } from 'typeorm';
import { findAgencyOrFail } from '../agencies/agencies.service';
import { AgencyEntity } from '../agencies/agency.entity';
import { chinaDate } from '../common/dates';
import { emitRegistryEvent } from '../disclosure/registry-events';
import { watchReviewerRatio } from '../reviewer-ratio/reviewer-ratio-watch';
import { certificateStatusOn, shownStatus } from './certificate-status';
import { PersonnelDto, PersonnelView, StatusChangeDto } from './personnel.dto';
import { PersonnelEntity } from './personnel.entity';
import { PersonnelStatusChangeEntity } from './personnel-status-change.entity';

export async function findPersonnelOrFail(manager: EntityManager, id: string): Promise<PersonnelEntity> {
  const person = await manager.findOneBy(PersonnelEntity, { id });
  if (!person) throw new ApiError(HttpStatus.NOT_FOUND, 'PERSONNEL_NOT_FOUND', `执法人员 ${id} 不存在`);
  return person;
}

/** Enforcement officers, their certificates and certificate status timeline; every change is disclosed. */
@Injectable()
export class PersonnelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AgencyAccess,
  ) {}

  async list(agencyCode: string): Promise<PersonnelView[]> {
    const manager = this.dataSource.manager;
    await findAgencyOrFail(manager, agencyCode);
    const people = await manager.find(PersonnelEntity, {
      where: { agencyCode },
      order: { name: 'ASC', id: 'ASC' },
    });
    return Promise.all(people.map((person) => this.view(manager, person)));
  }

  async get(id: string): Promise<PersonnelView> {
    const manager = this.dataSource.manager;
    return this.view(manager, await findPersonnelOrFail(manager, id));
  }

  async create(principal: Principal, dto: PersonnelDto): Promise<PersonnelView> {
    await this.access.assertCanManage(principal, dto.agencyCode);
    return this.dataSource.transaction(async (manager) => {
      const certificate = checkedCertificate(dto);
      await this.lockAgencies(manager, [dto.agencyCode]);
      if (certificate) await this.checkCertificateFree(manager, certificate.number);
      await this.checkPrincipalLeaderFree(manager, dto);
      const id = randomUUID();
      return watchReviewerRatio(manager, [dto.agencyCode], async () => {
        const person = await manager.save(manager.create(PersonnelEntity, { id, ...this.fields(dto) }));
        if (certificate) await this.issue(manager, id, certificate.issuedOn);
        return this.announce(manager, person);
      });
    });
  }

  update(principal: Principal, id: string, dto: PersonnelDto): Promise<PersonnelView> {
    return this.dataSource.transaction(async (manager) => {
      const certificate = checkedCertificate(dto);
      const current = await findPersonnelOrFail(manager, id);
      await this.access.assertCanManage(principal, current.agencyCode, dto.agencyCode);
      if (current.certificateNumber !== null && !certificate)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'CERTIFICATE_NOT_REMOVABLE',
          `${current.name} 的执法证 ${current.certificateNumber} 已登记，不能删除；执法证以暂扣、吊销或到期终止`,
          [{ field: 'certificateNumber', rule: 'notRemovable', message: '字段 certificateNumber 不能删除' }],
        );
      await this.lockAgencies(manager, [current.agencyCode, dto.agencyCode]);
      if (certificate) await this.checkCertificateFree(manager, certificate.number, id);
      await this.checkPrincipalLeaderFree(manager, dto, id);
      return watchReviewerRatio(manager, [current.agencyCode, dto.agencyCode], async () => {
        // An omitted ID number keeps the stored one: it is never sent back, so clients cannot echo it.
        const { idNumber, ...rest } = this.fields(dto);
        await manager.update(
          PersonnelEntity,
          { id },
          dto.idNumber === undefined ? rest : { ...rest, idNumber },
        );
        // A legal reviewer who now registers an enforcement certificate: its timeline starts at its issue.
        if (certificate && current.certificateNumber === null)
          await this.issue(manager, id, certificate.issuedOn);
        return this.announce(manager, await findPersonnelOrFail(manager, id));
      });
    });
  }

  changeStatus(principal: Principal, id: string, dto: StatusChangeDto): Promise<PersonnelView> {
    return this.dataSource.transaction(async (manager) => {
      const person = await findPersonnelOrFail(manager, id);
      await this.access.assertCanManage(principal, person.agencyCode);
      if (person.certificateNumber === null)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'NO_CERTIFICATE',
          `${person.name} 未持有执法证，没有可变更状态的证件`,
        );
      await this.lockAgencies(manager, [person.agencyCode]);
      return watchReviewerRatio(manager, [person.agencyCode], async () => {
        await manager.insert(PersonnelStatusChangeEntity, { personnelId: id, ...dto });
        return this.announce(manager, person);
      });
    });
  }

  private fields(dto: PersonnelDto): Omit<PersonnelEntity, 'id' | 'createdAt' | 'updatedAt'> {
    if (dto.idNumber !== undefined && !isValidResidentId(dto.idNumber))
      throw new ApiError(HttpStatus.BAD_REQUEST, 'INVALID_ID_NUMBER', '居民身份证号码校验失败', [
        { field: 'idNumber', rule: 'residentId', message: '字段 idNumber 不是有效的居民身份证号码' },
      ]);
    return {
      agencyCode: dto.agencyCode,
      name: dto.name,
      idNumber: dto.idNumber ?? null,
      roles: dto.roles,
      certificateNumber: dto.certificateNumber ?? null,
      certificateIssuedOn: dto.certificateIssuedOn ?? null,
      certificateExpiresOn: dto.certificateExpiresOn ?? null,
      qualification: dto.qualification ?? null,
      scope: dto.scope ?? null,
      legalStanding: (dto.legalStanding ?? []).map(({ kind, certificateNumber }) => ({
        kind,
        certificateNumber: certificateNumber ?? null,
      })),
      principalLeader: dto.principalLeader ?? false,
    };
  }

  /** The certificate's timeline starts active on its issue date. */
  private async issue(manager: EntityManager, personnelId: string, issuedOn: string): Promise<void> {
    await manager.insert(PersonnelStatusChangeEntity, {
      personnelId,
      status: 'active',
      effectiveOn: issuedOn,
      reason: '发证',
    });
  }

  private async checkCertificateFree(
    manager: EntityManager,
    certificateNumber: string,
    ownId?: string,
  ): Promise<void> {
    const taken = await manager.existsBy(PersonnelEntity, {
      certificateNumber,
      ...(ownId ? { id: Not(ownId) } : {}),
    });
    if (taken)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'CERTIFICATE_NUMBER_TAKEN',
        `执法证号 ${certificateNumber} 已被登记`,
      );
  }

  /** One principal leader per agency (the agency is locked, so two requests cannot both pass). */
  private async checkPrincipalLeaderFree(
    manager: EntityManager,
    dto: PersonnelDto,
    ownId?: string,
  ): Promise<void> {
    if (!dto.principalLeader) return;
    const holder = await manager.findOneBy(PersonnelEntity, {
      agencyCode: dto.agencyCode,
      principalLeader: true,
      ...(ownId ? { id: Not(ownId) } : {}),
    });
    if (holder)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'PRINCIPAL_LEADER_TAKEN',
        `执法主体 ${dto.agencyCode} 已登记主要负责人 ${holder.name}，须先取消其标记`,
        [{ field: 'principalLeader', rule: 'onePerAgency', message: '每个执法主体只能登记一名主要负责人' }],
      );
  }

  /** Serialises personnel changes per agency so the reviewer-ratio check before and after is not raced. */
  private async lockAgencies(manager: EntityManager, codes: string[]): Promise<void> {
    for (const code of [...new Set(codes)].sort()) {
      await findAgencyOrFail(manager, code);
      await manager
        .createQueryBuilder(AgencyEntity, 'a')
        .setLock('pessimistic_write')
        .where('a.code = :code', { code })
        .getOne();
    }
  }

  /**
   * Discloses the change of an enforcement officer (the public 执法人员 list, certificate warnings). A legal
   * reviewer without an enforcement certificate is no enforcement officer and is not on that list; a certificate
   * once registered is never removed, so nobody disclosed drops out of the feed silently.
   */
  private async announce(manager: EntityManager, person: PersonnelEntity): Promise<PersonnelView> {
    const view = await this.view(manager, person);
    if (
      view.certificateNumber === null ||
      view.certificateIssuedOn === null ||
      view.certificateExpiresOn === null ||
      view.scope === null
    )
      return view;
    const data: PersonnelChangedData = {
      personnelId: view.id,
      name: view.name,
      agencyCode: view.agencyCode,
      certificateNumber: view.certificateNumber,
      certificateIssuedOn: view.certificateIssuedOn,
      certificateExpiresOn: view.certificateExpiresOn,
      status: view.status ?? 'not-yet-valid',
      scope: view.scope,
    };
    await emitRegistryEvent(
      manager,
      REGISTRY_EVENT_TYPES.personnelChanged,
      view.agencyCode,
      `personnel/${view.id}`,
      data,
    );
    return view;
  }

  private async view(manager: EntityManager, person: PersonnelEntity): Promise<PersonnelView> {
    const today = chinaDate();
    const history = await manager.find(PersonnelStatusChangeEntity, {
      where: { personnelId: person.id },
      order: { effectiveOn: 'ASC', id: 'ASC' },
    });
    return {
      id: person.id,
      agencyCode: person.agencyCode,
      name: person.name,
      roles: person.roles,
      certificateNumber: person.certificateNumber,
      certificateIssuedOn: person.certificateIssuedOn,
      certificateExpiresOn: person.certificateExpiresOn,
      status:
        person.certificateExpiresOn === null
          ? null
          : shownStatus(
              await certificateStatusOn(manager, person.id, today),
              person.certificateExpiresOn,
              today,
            ),
      qualification: person.qualification,
      scope: person.scope,
      statusHistory: history.map(({ status, effectiveOn, reason }) => ({ status, effectiveOn, reason })),
      legalStanding: person.legalStanding,
      principalLeader: person.principalLeader,
    };
  }
}

const CERTIFICATE_FIELDS = [
  'certificateNumber',
  'certificateIssuedOn',
  'certificateExpiresOn',
  'qualification',
  'scope',
] as const;

function badPerson(code: string, message: string, field: string, rule: string, detail: string): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, code, message, [{ field, rule, message: detail }]);
}

/**
 * The person's enforcement certificate, or null for a legal reviewer who holds none (domain.md L2a):
 * - a certificate is given whole or not at all (CERTIFICATE_INCOMPLETE);
 * - everyone but a person who is only a legal reviewer needs one: handlers act in the field, leaders decide, and
 *   admins and auditors are registered as the agency's enforcement staff (CERTIFICATE_REQUIRED);
 * - a legal reviewer without one qualifies by legal standing (LEGAL_STANDING_REQUIRED);
 * - 法律职业资格 is recorded with its certificate number; each kind of standing is listed once.
 */
function checkedCertificate(dto: PersonnelDto): { number: string; issuedOn: string } | null {
  const standing = dto.legalStanding ?? [];
  standing.forEach((entry, index) => {
    if (entry.kind === 'legal-profession' && entry.certificateNumber === undefined)
      throw badPerson(
        'LEGAL_PROFESSION_NUMBER_REQUIRED',
        '法律职业资格须登记证书编号',
        `legalStanding.${index}.certificateNumber`,
        'requiredForLegalProfession',
        `字段 legalStanding.${index}.certificateNumber 必填：法律职业资格须登记证书编号`,
      );
    if (standing.findIndex((other) => other.kind === entry.kind) !== index)
      throw badPerson(
        'LEGAL_STANDING_DUPLICATE',
        `法律身份 ${entry.kind} 重复登记`,
        `legalStanding.${index}.kind`,
        'unique',
        `字段 legalStanding.${index}.kind 与前项重复`,
      );
  });
  if (dto.principalLeader && !dto.roles.includes('leader'))
    throw badPerson(
      'PRINCIPAL_LEADER_NOT_LEADER',
      '主要负责人须具有负责人（leader）角色',
      'principalLeader',
      'requiresLeaderRole',
      '字段 principalLeader 仅可对具有 leader 角色的人员设为 true',
    );
  const given = CERTIFICATE_FIELDS.filter((field) => dto[field] !== undefined);
  if (given.length === 0) {
    if (dto.roles.some((role) => role !== 'legal-reviewer'))
      throw badPerson(
        'CERTIFICATE_REQUIRED',
        '除仅担任法制审核人员者外，执法人员须登记执法证',
        'certificateNumber',
        'requiredForEnforcementRoles',
        `字段 certificateNumber 必填：角色 ${dto.roles.filter((role) => role !== 'legal-reviewer').join('、')} 须持执法证`,
      );
    if (standing.length === 0)
      throw badPerson(
        'LEGAL_STANDING_REQUIRED',
        '未持执法证的法制审核人员须具有法律职业资格、公职律师或法律顾问身份',
        'legalStanding',
        'requiredWithoutCertificate',
        '字段 legalStanding 必填：未持执法证时须登记法律职业资格、公职律师或法律顾问身份',
      );
    return null;
  }
  const missing = CERTIFICATE_FIELDS.find((field) => dto[field] === undefined);
  if (missing)
    throw badPerson(
      'CERTIFICATE_INCOMPLETE',
      '执法证各项须一并登记',
      missing,
      'certificateComplete',
      `字段 ${missing} 必填：已填写执法证的其他项目`,
    );
  const { certificateNumber, certificateIssuedOn, certificateExpiresOn } = dto as Required<PersonnelDto>;
  if (certificateExpiresOn < certificateIssuedOn)
    throw badPerson(
      'CERTIFICATE_DATES_INVALID',
      '执法证有效期不能早于发证日期',
      'certificateExpiresOn',
      'afterIssue',
      '字段 certificateExpiresOn 早于发证日期',
    );
  return { number: certificateNumber, issuedOn: certificateIssuedOn };
}
