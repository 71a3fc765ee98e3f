import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the case side keeps of each agency the registry announces: its place in the tree and its kind. */
export interface CaseAgency {
  code: string;
  parentCode: string | null;
  /** A justice bureau (司法行政机关): it supervises the enforcement of the agencies of its level (domain.md L9). */
  justiceBureau: boolean;
  /** Removed from the registry: kept, so its past cases keep their supervisors. */
  removed: boolean;
}

/** Queryable by anything that runs SQL on lep_cases: a DataSource, an EntityManager. */
interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Deeper than any real tree (兵团 → 师市 → department → unit); stops a cycle in bad data from looping. */
const MAX_DEPTH = 16;

/**
 * The registry's agency tree as lep_cases keeps it (the worker writes it from the registry's events; case-api
 * reads it to let supervisors in). A later announcement of an agency replaces the earlier one.
 */
export class CaseAgencyTree1765100000000 implements MigrationInterface {
  name = 'CaseAgencyTree1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "case_agency" (
        "code" text NOT NULL,
        "parent_code" text,
        "justice_bureau" boolean NOT NULL DEFAULT false,
        "removed" boolean NOT NULL DEFAULT false,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_agency" PRIMARY KEY ("code")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_case_agency_parent" ON "case_agency" ("parent_code")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_case_agency_parent"`);
    await queryRunner.query(`DROP TABLE "case_agency"`);
  }
}

/** Stores (or replaces) one agency as the registry announced it. */
export async function storeCaseAgency(sql: Sql, agency: CaseAgency): Promise<void> {
  await sql.query(
    `INSERT INTO case_agency (code, parent_code, justice_bureau, removed, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (code) DO UPDATE SET parent_code = EXCLUDED.parent_code,
       justice_bureau = EXCLUDED.justice_bureau, removed = EXCLUDED.removed, updated_at = now()`,
    [agency.code, agency.parentCode, agency.justiceBureau, agency.removed],
  );
}

/**
 * The agencies `supervisor` supervises (domain.md L9): every agency below it, and, when it is a justice bureau,
 * every agency of its level — below the bureau's own parent — whatever their branch. Never the supervisor itself.
 */
export async function supervisedAgencies(sql: Sql, supervisor: string): Promise<string[]> {
  const rows = (await sql.query(
    `WITH RECURSIVE roots(code) AS (
       SELECT $1::text
       UNION
       SELECT parent_code FROM case_agency WHERE code = $1 AND justice_bureau AND parent_code IS NOT NULL
     ), tree(code, depth) AS (
       SELECT code, 0 FROM roots
       UNION
       SELECT a.code, t.depth + 1 FROM case_agency a JOIN tree t ON a.parent_code = t.code
        WHERE t.depth < ${MAX_DEPTH}
     )
     SELECT DISTINCT code FROM tree WHERE code <> $1 ORDER BY code`,
    [supervisor],
  )) as Array<{ code: string }>;
  return rows.map((row) => row.code);
}

/** Whether `supervisor` supervises `agency` (supervisedAgencies, for one agency: walks up from it). */
export async function supervises(sql: Sql, supervisor: string, agency: string): Promise<boolean> {
  if (supervisor === agency) return false;
  const rows = (await sql.query(
    `WITH RECURSIVE chain(code, parent_code, depth) AS (
       SELECT code, parent_code, 0 FROM case_agency WHERE code = $2
       UNION ALL
       SELECT a.code, a.parent_code, c.depth + 1 FROM case_agency a
         JOIN chain c ON a.code = c.parent_code WHERE c.depth < ${MAX_DEPTH}
     )
     SELECT 1 FROM chain
      WHERE code = $1
         OR code = (SELECT parent_code FROM case_agency WHERE code = $1 AND justice_bureau)
      LIMIT 1`,
    [supervisor, agency],
  )) as unknown[];
  return rows.length > 0;
}
