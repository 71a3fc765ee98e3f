import { HttpStatus, Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { ReviewCatalogCriteria } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { versionInForceAt } from '../common/version-in-force';
import type { PlatformCatalogVersionView } from './platform-catalog.dto';
import { PlatformCatalogVersionEntity } from './platform-catalog-version.entity';

function toView(version: PlatformCatalogVersionEntity): PlatformCatalogVersionView {
  return {
    version: version.version,
    publishedAt: version.publishedAt.toISOString(),
    publishedBy: version.publishedBy,
    content: version.content,
  };
}

/** The platform default review catalogue (domain.md L3c): its versions, and the one in force at an instant. */
@Injectable()
export class PlatformCatalogService {
  constructor(private readonly dataSource: DataSource) {}

  async inForce(asOf?: string): Promise<PlatformCatalogVersionView> {
    const at = asOf ? new Date(asOf) : new Date();
    const version = await versionInForceAt(this.dataSource.manager, PlatformCatalogVersionEntity, at);
    if (!version)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'ITEM_LIST_NOT_FOUND',
        `${at.toISOString()} 尚无施行的平台默认重大执法决定法制审核目录`,
      );
    return toView(version);
  }

  async versions(): Promise<PlatformCatalogVersionView[]> {
    const versions = await this.dataSource
      .getRepository(PlatformCatalogVersionEntity)
      .find({ order: { version: 'ASC' } });
    return versions.map(toView);
  }

  /**
   * Publishes the next version, in force from now; content equal to the newest version publishes nothing (a
   * retried request is not a new version). The table lock orders concurrent publishers.
   */
  async publish(
    content: ReviewCatalogCriteria,
    publishedBy: string,
  ): Promise<{ view: PlatformCatalogVersionView; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE platform_catalog_version IN EXCLUSIVE MODE');
      const latest = await manager.findOne(PlatformCatalogVersionEntity, {
        where: {},
        order: { version: 'DESC' },
      });
      // Through JSON, as stored: an absent optional list and undefined compare equal.
      if (latest && isDeepStrictEqual(latest.content, JSON.parse(JSON.stringify(content))))
        return { view: toView(latest), created: false };
      const saved = await manager.save(
        manager.create(PlatformCatalogVersionEntity, {
          version: (latest?.version ?? 0) + 1,
          publishedAt: new Date(),
          publishedBy,
          content,
        }),
      );
      return { view: toView(saved), created: true };
    });
  }
}
