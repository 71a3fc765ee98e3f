import { HttpStatus, Injectable } from '@nestjs/common';
import { generateApiKey, PLATFORM_ADMIN, Principal } from '@lep/auth';
import { ApiError } from '@lep/nest-kit';
import { DataSource, In } from 'typeorm';
import { AgencyAccess } from '../access/agency-access';
import { actor } from '../common/actor';
import { findAgencyOrFail } from '../agencies/agencies.service';
import { selfAndDescendantCodes } from '../agencies/agency-hierarchy';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKey, RevokeApiKeyDto } from './api-key.dto';
import { ApiKeyEntity } from './api-key.entity';

function toView(key: ApiKeyEntity): ApiKeyView {
  return {
    keyId: key.keyId,
    agencyCode: key.agencyCode,
    role: key.role,
    label: key.label,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    revokedBy: key.revokedBy,
    revocationReason: key.revocationReason,
  };
}

/**
 * API keys of agency systems. Agency admins manage the keys of their agency and those below it; only a
 * platform admin may mint a platform-admin key, so no key can reach further than its creator.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AgencyAccess,
  ) {}

  async create(principal: Principal, dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    if (dto.role === PLATFORM_ADMIN && !principal.roles.includes(PLATFORM_ADMIN))
      throw new ApiError(HttpStatus.FORBIDDEN, 'ROLE_FORBIDDEN', '只有平台管理员可以创建平台管理员密钥', [
        { field: 'role', rule: 'notAboveCreator', message: '字段 role 不能超出创建者自身的权限' },
      ]);
    // A platform-admin key reaches every agency, so its agency is only a label and need not be registered
    // (the dev stack mints one before any agency exists); every other key is bound to a registered agency.
    if (dto.role !== PLATFORM_ADMIN) await findAgencyOrFail(this.dataSource.manager, dto.agencyCode);
    await this.access.assertCanManage(principal, dto.agencyCode);
    const generated = generateApiKey();
    const key = await this.dataSource.manager.save(
      this.dataSource.manager.create(ApiKeyEntity, {
        keyId: generated.keyId,
        secretHash: generated.secretHash,
        agencyCode: dto.agencyCode,
        role: dto.role,
        label: dto.label,
        createdBy: actor(principal),
        revokedAt: null,
        revokedBy: null,
        revocationReason: null,
      }),
    );
    return { ...toView(key), key: generated.presented };
  }

  /** Keys of `agencyCode` and, with `includeBelow`, of every agency below it; never their secrets. */
  async list(principal: Principal, agencyCode: string, includeBelow: boolean): Promise<ApiKeyView[]> {
    await this.access.assertCanManage(principal, agencyCode);
    const codes = includeBelow
      ? await selfAndDescendantCodes(this.dataSource.manager, agencyCode)
      : [agencyCode];
    const keys = await this.dataSource.manager.find(ApiKeyEntity, {
      where: { agencyCode: In(codes.length > 0 ? codes : [agencyCode]) },
      order: { createdAt: 'ASC', keyId: 'ASC' },
    });
    return keys.map(toView);
  }

  revoke(principal: Principal, keyId: string, dto: RevokeApiKeyDto): Promise<ApiKeyView> {
    return this.dataSource.transaction(async (manager) => {
      const key = await manager
        .createQueryBuilder(ApiKeyEntity, 'k')
        .setLock('pessimistic_write')
        .where('k.key_id = :keyId', { keyId })
        .getOne();
      if (!key) throw new ApiError(HttpStatus.NOT_FOUND, 'API_KEY_NOT_FOUND', `API 密钥 ${keyId} 不存在`);
      await this.access.assertCanManage(principal, key.agencyCode);
      if (key.revokedAt)
        throw new ApiError(HttpStatus.CONFLICT, 'API_KEY_ALREADY_REVOKED', `API 密钥 ${keyId} 已被吊销`);
      key.revokedAt = new Date();
      key.revokedBy = actor(principal);
      key.revocationReason = dto.reason;
      return toView(await manager.save(key));
    });
  }
}
