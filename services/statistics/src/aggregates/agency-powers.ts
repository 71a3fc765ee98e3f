import type { EnforcementItemListContent, ItemListPublishedData } from '@lep/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** Keeps the categories of an agency's newest enforcement items list; an older version arriving late is ignored. */
export async function storeAgencyPowers(manager: EntityManager, data: ItemListPublishedData): Promise<void> {
  if (data.kind !== 'enforcement-items') return;
  const items = (data.content as EnforcementItemListContent | undefined)?.items ?? [];
  const categories = [...new Set(items.map((item) => item.category))].sort();
  await manager.query(
    `INSERT INTO stat_agency_power (agency_code, list_version, categories) VALUES ($1, $2, $3)
     ON CONFLICT (agency_code) DO UPDATE SET list_version = EXCLUDED.list_version, categories = EXCLUDED.categories
       WHERE stat_agency_power.list_version < EXCLUDED.list_version`,
    [data.agencyCode, data.version, categories],
  );
}

/**
 * The kinds of act any of these agencies has the power for; undefined unless every one of them has published a
 * list, so the report shows numbers rather than claim a duty is missing on partial knowledge.
 */
export async function powersOf(
  dataSource: DataSource,
  agencyCodes: string[],
): Promise<Set<string> | undefined> {
  const rows: Array<{ categories: string[] }> = await dataSource.query(
    `SELECT categories FROM stat_agency_power WHERE agency_code = ANY($1)`,
    [agencyCodes],
  );
  if (rows.length < new Set(agencyCodes).size) return undefined;
  return new Set(rows.flatMap((row) => row.categories));
}
