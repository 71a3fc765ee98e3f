import { HttpStatus, Injectable } from '@nestjs/common';
import { AgencyChangedData, REGISTRY_EVENT_TYPES } from '@lep/contracts';
import { isValidUscc } from '@lep/masking';
import { ApiError } from '@lep/nest-kit';
import { DataSource, EntityManager, In } from 'typeorm';
import { emitRegistryEvent } from '../disclosure/registry-events';
import { AgencyView, CreateAgencyDto, UpdateAgencyDto } from './agency.dto';
import { AgencyEntity } from './agency.entity';
import { selfAndDescendantCodes, supervisingJusticeBureau } from './agency-hierarchy';

export function toAgencyView(agency: AgencyEntity): AgencyView {
  return {
    code: agency.code,
    name: agency.name,
    level: agency.level,
    parentCode: agency.parentCode,
    unifiedSocialCreditCode: agency.unifiedSocialCreditCode,
    legalBasis: agency.legalBasis,
    dutiesAndPowers: agency.dutiesAndPowers,
    region: agency.region,
    legalReviewBody: { name: agency.legalReviewBodyName, agencyCode: agency.legalReviewBodyAgencyCode },
    justiceBureau: agency.justiceBureau,
    remedyChannels: agency.remedyChannels,
    supervisionMethods: agency.supervisionMethods,
    complaintChannels: agency.complaintChannels,
  };
}

/** The public channels fields (救济渠道, 监督方式, 投诉举报) a body sets: absent keeps `stored`, null or '' clears. */
const PUBLIC_CHANNELS = ['remedyChannels', 'supervisionMethods', 'complaintChannels'] as const;

function channelsOf(dto: UpdateAgencyDto, stored: AgencyEntity | null) {
  return Object.fromEntries(
    PUBLIC_CHANNELS.map((field) => {
      const given = dto[field];
      return [field, given === undefined ? (stored?.[field] ?? null) : given?.trim() || null];
    }),
  ) as Pick<AgencyEntity, (typeof PUBLIC_CHANNELS)[number]>;
}

export async function findAgencyOrFail(manager: EntityManager, code: string): Promise<AgencyEntity> {
  const agency = await manager.findOneBy(AgencyEntity, { code });
  if (!agency) throw new ApiError(HttpStatus.NOT_FOUND, 'AGENCY_NOT_FOUND', `执法主体 ${code} 不存在`);
  return agency;
}

/** True when `dto` would store exactly what `stored` holds (a dto that leaves out an optional field keeps it). */
function sameEntry(stored: AgencyView, dto: CreateAgencyDto): boolean {
  if (dto.justiceBureau !== undefined && dto.justiceBureau !== stored.justiceBureau) return false;
  for (const field of PUBLIC_CHANNELS) {
    const given = dto[field];
    if (given !== undefined && (given?.trim() || null) !== stored[field]) return false;
  }
  const entry = (agency: AgencyView | CreateAgencyDto) => [
    agency.code,
    agency.name,
    agency.level,
    agency.parentCode ?? null,
    agency.unifiedSocialCreditCode,
    agency.legalBasis,
    agency.dutiesAndPowers,
    agency.region,
    agency.legalReviewBody.name,
    agency.legalReviewBody.agencyCode,
  ];
  return JSON.stringify(entry(stored)) === JSON.stringify(entry(dto));
}

/** Agencies (执法主体): registration, hierarchy and their pre-disclosure events. */
@Injectable()
export class AgenciesService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<AgencyView[]> {
    return this.dataSource.manager
      .find(AgencyEntity, { order: { code: 'ASC' } })
      .then((agencies) => agencies.map(toAgencyView));
  }

  async get(code: string): Promise<AgencyView> {
    return toAgencyView(await findAgencyOrFail(this.dataSource.manager, code));
  }

  async descendants(code: string): Promise<AgencyView[]> {
    const manager = this.dataSource.manager;
    await findAgencyOrFail(manager, code);
    const codes = (await selfAndDescendantCodes(manager, code)).filter((found) => found !== code);
    const agencies = await manager.find(AgencyEntity, { where: { code: In(codes) }, order: { code: 'ASC' } });
    return agencies.map(toAgencyView);
  }

  /** The justice bureau that records `code`'s document formats (domain.md R2); 404 when the tree has none. */
  async justiceBureau(code: string): Promise<AgencyView> {
    const manager = this.dataSource.manager;
    await findAgencyOrFail(manager, code);
    const bureau = await supervisingJusticeBureau(manager, code);
    if (!bureau)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'JUSTICE_BUREAU_NOT_FOUND',
        `执法主体 ${code} 的上级各层级均未登记司法行政机关`,
      );
    return toAgencyView(await findAgencyOrFail(manager, bureau));
  }

  create(dto: CreateAgencyDto): Promise<AgencyView> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(AgencyEntity, { code: dto.code }))
        throw new ApiError(HttpStatus.CONFLICT, 'AGENCY_EXISTS', `执法主体代码 ${dto.code} 已存在`);
      return this.save(manager, dto.code, dto);
    });
  }

  update(code: string, dto: UpdateAgencyDto): Promise<AgencyView> {
    return this.dataSource.transaction(async (manager) => {
      await findAgencyOrFail(manager, code);
      if (dto.parentCode && (await selfAndDescendantCodes(manager, code)).includes(dto.parentCode))
        throw new ApiError(HttpStatus.BAD_REQUEST, 'AGENCY_CYCLE', '上级执法主体不能是其自身或其下级');
      return this.save(manager, code, dto);
    });
  }

  /**
   * Creates or updates `dto.code` inside the caller's transaction, with the checks of create and update; an
   * agency identical to what is stored is left alone and not announced again (bulk import re-runs).
   */
  async upsertIn(
    manager: EntityManager,
    dto: CreateAgencyDto,
  ): Promise<'inserted' | 'updated' | 'unchanged'> {
    const current = await manager.findOneBy(AgencyEntity, { code: dto.code });
    if (current && sameEntry(toAgencyView(current), dto)) return 'unchanged';
    if (
      current &&
      dto.parentCode &&
      (await selfAndDescendantCodes(manager, dto.code)).includes(dto.parentCode)
    )
      throw new ApiError(HttpStatus.BAD_REQUEST, 'AGENCY_CYCLE', '上级执法主体不能是其自身或其下级');
    await this.save(manager, dto.code, dto);
    return current ? 'updated' : 'inserted';
  }

  remove(code: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const agency = await findAgencyOrFail(manager, code);
      if (await manager.existsBy(AgencyEntity, { parentCode: code }))
        throw new ApiError(HttpStatus.CONFLICT, 'AGENCY_HAS_CHILDREN', '该执法主体仍有下级单位，不能删除');
      const staff: { count: string }[] = await manager.query(
        'SELECT count(*) AS count FROM personnel WHERE agency_code = $1',
        [code],
      );
      if (Number(staff[0].count) > 0)
        throw new ApiError(HttpStatus.CONFLICT, 'AGENCY_HAS_PERSONNEL', '该执法主体仍有执法人员，不能删除');
      await manager.delete(AgencyEntity, { code });
      await this.announce(manager, agency, true);
    });
  }

  private async save(manager: EntityManager, code: string, dto: UpdateAgencyDto): Promise<AgencyView> {
    if (!isValidUscc(dto.unifiedSocialCreditCode))
      throw new ApiError(HttpStatus.BAD_REQUEST, 'INVALID_USCC', '统一社会信用代码校验失败', [
        {
          field: 'unifiedSocialCreditCode',
          rule: 'uscc',
          message: '字段 unifiedSocialCreditCode 不是有效的统一社会信用代码',
        },
      ]);
    if ((dto.level === 'corps') !== !dto.parentCode)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'AGENCY_PARENT_INVALID',
        '兵团级执法主体不设上级，其他层级必须指定上级',
        [{ field: 'parentCode', rule: 'hierarchy', message: '字段 parentCode 与层级不符' }],
      );
    const holder = await manager.findOneBy(AgencyEntity, {
      unifiedSocialCreditCode: dto.unifiedSocialCreditCode,
    });
    if (holder && holder.code !== code)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'USCC_TAKEN',
        `统一社会信用代码已登记给执法主体 ${holder.code}`,
      );
    if (dto.parentCode) await findAgencyOrFail(manager, dto.parentCode);
    if (dto.legalReviewBody.agencyCode !== code)
      await findAgencyOrFail(manager, dto.legalReviewBody.agencyCode);
    const stored = await manager.findOneBy(AgencyEntity, { code });
    const agency = await manager.save(
      manager.create(AgencyEntity, {
        code,
        name: dto.name,
        level: dto.level,
        parentCode: dto.parentCode ?? null,
        unifiedSocialCreditCode: dto.unifiedSocialCreditCode,
        legalBasis: dto.legalBasis,
        dutiesAndPowers: dto.dutiesAndPowers,
        region: dto.region,
        legalReviewBodyName: dto.legalReviewBody.name,
        legalReviewBodyAgencyCode: dto.legalReviewBody.agencyCode,
        justiceBureau: dto.justiceBureau ?? stored?.justiceBureau ?? false,
        ...channelsOf(dto, stored),
      }),
    );
    await this.announce(manager, agency, false);
    return toAgencyView(agency);
  }

  private async announce(manager: EntityManager, agency: AgencyEntity, removed: boolean): Promise<void> {
    const data: AgencyChangedData = { ...toAgencyView(agency), removed };
    await emitRegistryEvent(
      manager,
      REGISTRY_EVENT_TYPES.agencyChanged,
      agency.code,
      `agency/${agency.code}`,
      data,
    );
  }
}
