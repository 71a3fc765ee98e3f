import { HttpStatus, Injectable } from '@nestjs/common';
import { ItemListPublishedData, ItemListReview, REGISTRY_EVENT_TYPES } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { findAgencyOrFail } from '../agencies/agencies.service';
import { AgencyEntity } from '../agencies/agency.entity';
import { emitRegistryEvent } from '../disclosure/registry-events';
import { ItemListVersionView } from './item-list.dto';
import { ItemListKind, ItemListVersionEntity } from './item-list-version.entity';
import { versionInForce } from './item-list-versions';

export const LIST_NAMES: Record<ItemListKind, string> = {
  'enforcement-items': '行政执法事项清单',
  'av-recording': '音像记录事项清单',
  'review-catalog': '重大执法决定法制审核目录清单',
};

export function toVersionView(version: ItemListVersionEntity): ItemListVersionView {
  return {
    agencyCode: version.agencyCode,
    kind: version.kind,
    version: version.version,
    publishedAt: version.publishedAt.toISOString(),
    content: version.content,
    ...(version.review ? { review: version.review } : {}),
  };
}

/**
 * Locks the agency for list publishing: one publisher per agency at a time, so version numbers and publication
 * times rise together and a merge reads the version it builds on.
 */
export async function lockListsOf(manager: EntityManager, agencyCode: string): Promise<void> {
  await manager
    .createQueryBuilder(AgencyEntity, 'a')
    .setLock('pessimistic_write')
    .where('a.code = :agencyCode', { agencyCode })
    .getOne();
}

/** The agency's newest version of the list (what the next version is built on), if any. */
export function latestVersion(
  manager: EntityManager,
  agencyCode: string,
  kind: ItemListKind,
): Promise<ItemListVersionEntity | null> {
  return manager.findOne(ItemListVersionEntity, {
    where: { agencyCode, kind },
    order: { version: 'DESC' },
  });
}

/**
 * Inserts `content` as the agency's next version of the list and announces it (事前公开), inside the caller's
 * transaction: the one path by which lists are published (directly for the AV list and the review catalogue,
 * after the legal review for the enforcement item list). Times are kept to the millisecond so the publishedAt a
 * client reads back is an exact asOf for that version.
 */
export async function publishVersion(
  manager: EntityManager,
  agencyCode: string,
  kind: ItemListKind,
  content: object,
  review: ItemListReview | null = null,
): Promise<ItemListVersionView> {
  await lockListsOf(manager, agencyCode);
  const latest: { version: number | null }[] = await manager.query(
    'SELECT max(version) AS version FROM item_list_version WHERE agency_code = $1 AND kind = $2',
    [agencyCode, kind],
  );
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(ItemListVersionEntity)
    .values({
      agencyCode,
      kind,
      version: (latest[0]!.version ?? 0) + 1,
      content,
      review,
      publishedAt: () => `date_trunc('milliseconds', clock_timestamp())`,
    })
    .execute();
  const saved = await manager.findOneByOrFail(ItemListVersionEntity, {
    id: (inserted.identifiers[0] as { id: string }).id,
  });
  const view = toVersionView(saved);
  const data: ItemListPublishedData = view;
  await emitRegistryEvent(
    manager,
    REGISTRY_EVENT_TYPES.itemListPublished,
    agencyCode,
    `agency/${agencyCode}/${kind}`,
    data,
  );
  return view;
}

/** Publishes immutable list versions and answers which version was in force at an instant. */
@Injectable()
export class ItemListsService {
  constructor(private readonly dataSource: DataSource) {}

  async inForce(agencyCode: string, kind: ItemListKind, asOf?: string): Promise<ItemListVersionView> {
    const manager = this.dataSource.manager;
    await findAgencyOrFail(manager, agencyCode);
    const at = asOf ? new Date(asOf) : new Date();
    const version = await versionInForce(manager, agencyCode, kind, at);
    if (!version)
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'ITEM_LIST_NOT_FOUND',
        `执法主体 ${agencyCode} 在 ${at.toISOString()} 尚无施行的${LIST_NAMES[kind]}`,
      );
    return toVersionView(version);
  }

  /**
   * Publishes `content` as the next version; earlier versions stay untouched for the cases judged by them. Only
   * for lists published without review (see LISTS_UNDER_REVIEW).
   */
  publish(agencyCode: string, kind: ItemListKind, content: object): Promise<ItemListVersionView> {
    return this.dataSource.transaction(async (manager) => {
      await findAgencyOrFail(manager, agencyCode);
      return publishVersion(manager, agencyCode, kind, content);
    });
  }
}
