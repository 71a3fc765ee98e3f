import {
  LessThanOrEqual,
  type EntityManager,
  type EntityTarget,
  type FindOptionsOrder,
  type FindOptionsWhere,
} from 'typeorm';

/** A row of a versioned, published list: versions only grow, and each is in force from its publication. */
export interface PublishedVersion {
  version: number;
  publishedAt: Date;
}

/**
 * The version in force at `at` among those `scope` selects (an agency's list of one kind, or the platform
 * catalogue): the latest published at or before it, if any (domain.md L3, L3c). One rule for every versioned list,
 * so a case is judged by the same version whichever list it reads.
 */
export function versionInForceAt<T extends PublishedVersion>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  at: Date,
  scope: FindOptionsWhere<T> = {},
): Promise<T | null> {
  return manager.findOne(entity, {
    where: { ...scope, publishedAt: LessThanOrEqual(at) } as FindOptionsWhere<T>,
    order: { version: 'DESC' } as FindOptionsOrder<T>,
  });
}
