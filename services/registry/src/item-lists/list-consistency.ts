import { HttpStatus } from '@nestjs/common';
import type { ReviewCatalogCriteria } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';

/** Refuses a list in which two entries share a key (an item code, a party type) with a 400 naming the field. */
export function assertUniqueKeys<T>(
  entries: T[],
  key: (entry: T) => string,
  listField: string,
  keyField: string,
): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const value = key(entry);
    if (seen.has(value)) {
      const field = `${listField}.${index}.${keyField}`;
      throw new ApiError(HttpStatus.BAD_REQUEST, 'DUPLICATE_LIST_ENTRY', `清单中 ${value} 重复`, [
        { field, rule: 'unique', message: `字段 ${field} 与前面的条目重复` },
      ]);
    }
    seen.add(value);
  });
}

/** A review catalogue names each party kind, item and other rule once: a verdict must not depend on entry order. */
export function assertCatalogKeysUnique(catalog: ReviewCatalogCriteria): void {
  assertUniqueKeys(catalog.fineThresholds, (threshold) => threshold.partyType, 'fineThresholds', 'partyType');
  assertUniqueKeys(catalog.items ?? [], (item) => item.itemCode, 'items', 'itemCode');
  assertUniqueKeys(catalog.otherRules ?? [], (rule) => rule.id, 'otherRules', 'id');
}
