import type { EntityManager } from 'typeorm';
import { versionInForceAt } from '../common/version-in-force';
import { ItemListKind, ItemListVersionEntity } from './item-list-version.entity';

/** The version of an agency's list in force at `at`: the latest published at or before it, if any. */
export function versionInForce(
  manager: EntityManager,
  agencyCode: string,
  kind: ItemListKind,
  at: Date,
): Promise<ItemListVersionEntity | null> {
  return versionInForceAt(manager, ItemListVersionEntity, at, { agencyCode, kind });
}
