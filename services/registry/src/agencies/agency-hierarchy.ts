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
