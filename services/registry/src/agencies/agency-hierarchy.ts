import type { EntityManager } from 'typeorm';

/** Codes of `code` and every agency below it, found with one recursive query. */
export async function selfAndDescendantCodes(manager: EntityManager, code: string): Promise<string[]> {
  const rows: { code: string }[] = await manager.query(
    `WITH RECURSIVE tree AS (
       SELECT code FROM agency WHERE code = $1
       UNION ALL
       SELECT child.code FROM agency child JOIN tree ON child.parent_code = tree.code
     )
     SELECT code FROM tree`,
    [code],
  );
  return rows.map((row) => row.code);
}

/**
 * The justice bureau (司法行政机关) that supervises `code` and records its document formats (domain.md R2): the
 * bureau among the children of its parent (兵团-level agencies: the 兵团司法局; a 师市 department: the 师市's own
 * bureau), else among the children of the next ancestor up, and so on. An agency is never its own supervisor: a
 * bureau's own formats go to the bureau of the level above. Two bureaus at one level: the lowest code, so the
 * answer does not depend on the order rows come back in. Null when no level above has one.
 */
export async function supervisingJusticeBureau(manager: EntityManager, code: string): Promise<string | null> {
  const rows: { code: string }[] = await manager.query(
    `WITH RECURSIVE ancestors AS (
       SELECT parent_code AS code, 1 AS depth FROM agency WHERE code = $1 AND parent_code IS NOT NULL
       UNION ALL
       SELECT agency.parent_code, ancestors.depth + 1
         FROM agency JOIN ancestors ON agency.code = ancestors.code
        WHERE agency.parent_code IS NOT NULL
     )
     SELECT bureau.code
       FROM ancestors
       JOIN agency bureau ON bureau.parent_code = ancestors.code
      WHERE bureau.justice_bureau AND bureau.code <> $1
      ORDER BY ancestors.depth, bureau.code
      LIMIT 1`,
    [code],
  );
  return rows[0]?.code ?? null;
}
