import type { EntityManager } from 'typeorm';
import { ItemListKind, ItemListVersionEntity } from './item-list-version.entity';

/** The version of an agency's list in force at `at`: the latest published at or before it, if any. */
export function versionInForce(
  manager: EntityManager,
  agencyCode: string,
  kind: ItemListKind,
  at: Date,
): Promise<ItemListVersionEntity | null> {
  return manager
    .getRepository(ItemListVersionEntity)
    .createQueryBuilder('v')
    .where('v.agency_code = :agencyCode AND v.kind = :kind AND v.published_at <= :at', {
      agencyCode,
      kind,
      at,
    })
    .orderBy('v.version', 'DESC')
    .limit(1)
    .getOne();
}
