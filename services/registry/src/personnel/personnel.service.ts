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
      this.checkDates(dto);
      await this.lockAgencies(manager, [dto.agencyCode]);
      await this.checkCertificateFree(manager, dto.certificateNumber);
      const id = randomUUID();
      return watchReviewerRatio(manager, [dto.agencyCode], async () => {
        const person = await manager.save(manager.create(PersonnelEntity, { id, ...this.fields(dto) }));
        await manager.insert(PersonnelStatusChangeEntity, {
          personnelId: id,
          status: 'active',
          effectiveOn: dto.certificateIssuedOn,
          reason: '发证',
        });
        return this.announce(manager, person);
      });
    });
  }

  update(principal: Principal, id: string, dto: PersonnelDto): Promise<PersonnelView> {
    return this.dataSource.transaction(async (manager) => {
      this.checkDates(dto);
      const current = await findPersonnelOrFail(manager, id);
      await this.access.assertCanManage(principal, current.agencyCode, dto.agencyCode);
      await this.lockAgencies(manager, [current.agencyCode, dto.agencyCode]);
      await this.checkCertificateFree(manager, dto.certificateNumber, id);
      return watchReviewerRatio(manager, [current.agencyCode, dto.agencyCode], async () => {
        // An omitted ID number keeps the stored one: it is never sent back, so clients cannot echo it.
        const { idNumber, ...rest } = this.fields(dto);
        await manager.update(
          PersonnelEntity,
          { id },
          dto.idNumber === undefined ? rest : { ...rest, idNumber },
        );
        return this.announce(manager, await findPersonnelOrFail(manager, id));
      });
    });
  }

  changeStatus(principal: Principal, id: string, dto: StatusChangeDto): Promise<PersonnelView> {
    return this.dataSource.transaction(async (manager) => {
      const person = await findPersonnelOrFail(manager, id);
      await this.access.assertCanManage(principal, person.agencyCode);
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
      certificateNumber: dto.certificateNumber,
      certificateIssuedOn: dto.certificateIssuedOn,
      certificateExpiresOn: dto.certificateExpiresOn,
      qualification: dto.qualification,
      scope: dto.scope,
    };
  }

  private checkDates(dto: PersonnelDto): void {
    if (dto.certificateExpiresOn < dto.certificateIssuedOn)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'CERTIFICATE_DATES_INVALID',
        '执法证有效期不能早于发证日期',
        [
          {
            field: 'certificateExpiresOn',
            rule: 'afterIssue',
            message: '字段 certificateExpiresOn 早于发证日期',
          },
        ],
      );
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

  private async announce(manager: EntityManager, person: PersonnelEntity): Promise<PersonnelView> {
    const view = await this.view(manager, person);
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
      status: shownStatus(
        await certificateStatusOn(manager, person.id, today),
        person.certificateExpiresOn,
        today,
      ),
      qualification: person.qualification,
      scope: person.scope,
      statusHistory: history.map(({ status, effectiveOn, reason }) => ({ status, effectiveOn, reason })),
    };
  }
}
