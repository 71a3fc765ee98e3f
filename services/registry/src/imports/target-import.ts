import type { EntityManager } from 'typeorm';
import type { TargetImportRow } from './import-rows';
import type { UpsertCounts } from './personnel-import';

/** Upserts target list entries by (agency, code); identical rows are left alone, so re-imports change nothing. */
export async function upsertTargets(manager: EntityManager, rows: TargetImportRow[]): Promise<UpsertCounts> {
  const changed: { inserted: boolean }[] = await manager.query(
    `INSERT INTO inspection_target AS t (agency_code, code, name, category, party_type, active)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[])
     ON CONFLICT (agency_code, code) DO UPDATE SET
       name = EXCLUDED.name, category = EXCLUDED.category, party_type = EXCLUDED.party_type,
       active = EXCLUDED.active
     WHERE (t.name, t.category, t.party_type, t.active)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.category, EXCLUDED.party_type, EXCLUDED.active)
     RETURNING (xmax = 0) AS inserted`,
    [
      rows.map((row) => row.agencyCode),
      rows.map((row) => row.code),
      rows.map((row) => row.name),
      rows.map((row) => row.category),
      rows.map((row) => row.partyType),
      rows.map((row) => row.active),
    ],
  );
  const inserted = changed.filter((row) => row.inserted).length;
  return { inserted, updated: changed.length - inserted, unchanged: rows.length - changed.length };
}
