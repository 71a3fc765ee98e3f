import { Injectable } from '@nestjs/common';
import type { AgencyHierarchy } from '@lep/auth';
import type { AgencyChangedData } from '@lep/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** Deeper than any real tree (兵团 → 师市 → department → unit); stops a cycle in bad data from looping. */
const MAX_DEPTH = 16;

/** Keeps the registry's agency tree current; a removed agency stays so its past figures still roll up. */
export async function storeAgency(manager: EntityManager, data: AgencyChangedData): Promise<void> {
  await manager.query(
    `INSERT INTO stat_agency (code, name, level, parent_code, removed, region)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
       parent_code = EXCLUDED.parent_code, removed = EXCLUDED.removed, region = EXCLUDED.region`,
    [data.code, data.name, data.level, data.parentCode, data.removed, data.region],
  );
}

/** The 兵团 → 师市 → department tree, for roll-ups and for scoping staff to their agency and below. */
@Injectable()
export class AgencyTree implements AgencyHierarchy {
  constructor(private readonly dataSource: DataSource) {}

  /** The agency and every agency below it. */
  async withDescendants(agencyCode: string): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `WITH RECURSIVE tree(code, depth) AS (
         SELECT $1::text, 0
         UNION
         SELECT a.code, t.depth + 1 FROM stat_agency a JOIN tree t ON a.parent_code = t.code
          WHERE t.depth < ${MAX_DEPTH}
       ) SELECT DISTINCT code FROM tree`,
      [agencyCode],
    );
    return rows.map((row) => row.code);
  }

  async isSameOrDescendant(ancestorCode: string, agencyCode: string): Promise<boolean> {
    if (ancestorCode === agencyCode) return true;
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `WITH RECURSIVE chain(code, parent_code, depth) AS (
         SELECT code, parent_code, 0 FROM stat_agency WHERE code = $1
         UNION ALL
         SELECT a.code, a.parent_code, c.depth + 1 FROM stat_agency a
           JOIN chain c ON a.code = c.parent_code WHERE c.depth < ${MAX_DEPTH}
       ) SELECT code FROM chain WHERE code = $2`,
      [agencyCode, ancestorCode],
    );
    return rows.length > 0;
  }

  async name(agencyCode: string): Promise<string | undefined> {
    const rows: Array<{ name: string }> = await this.dataSource.query(
      `SELECT name FROM stat_agency WHERE code = $1`,
      [agencyCode],
    );
    return rows[0]?.name;
  }
}
