import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@lep/auth';
import { supervisedAgencies } from '@lep/case-store';
import { canonicalJson, drawSample } from '@lep/hash-chain';
import { DataSource, EntityManager } from 'typeorm';
import type {
  CreateEvaluationDrawDto,
  EvaluationDrawsPageView,
  EvaluationDrawsQuery,
  EvaluationDrawVerificationView,
  EvaluationDrawView,
} from './evaluation.dto';
import { evaluationErrors } from './evaluation-errors';
import { DRAW_COLUMNS, DrawRow, drawView, EvaluationRow } from './evaluation-rows';

/** SHA-256 (hex) of the canonical JSON of the sorted pool: recorded with the draw, checked on replay. */
export function poolHash(pool: readonly string[]): string {
  return createHash('sha256')
    .update(canonicalJson([...pool].sort()))
    .digest('hex');
}

/** Whether the caller's agency is a justice bureau (司法局) in lep_cases' copy of the registry's tree. */
export async function isJusticeBureau(sql: DataSource | EntityManager, agencyCode: string): Promise<boolean> {
  const rows: unknown[] = await sql.query(
    `SELECT 1 FROM case_agency WHERE code = $1 AND justice_bureau AND NOT removed`,
    [agencyCode],
  );
  return rows.length > 0;
}

/**
 * 案卷评查抽取 (domain.md R7a): a justice bureau draws archived cases of the agencies it supervises with the
 * seeded draw the 双随机 inspections use (@lep/hash-chain drawSample). The seed, the pool and its hash are
 * recorded and shown at once — an archived case cannot be warned — so anyone can replay the draw. A case is
 * drawn at most once by one bureau: later pools leave out the cases it already evaluates.
 */
@Injectable()
export class EvaluationDrawsService {
  constructor(private readonly dataSource: DataSource) {}

  draw(principal: Principal, dto: CreateEvaluationDrawDto): Promise<EvaluationDrawView> {
    const bureau = principal.agencyCode ?? '';
    if (dto.filedFrom && dto.filedTo && dto.filedTo < dto.filedFrom) throw evaluationErrors.filedRange();
    return this.dataSource.transaction(async (manager) => {
      if (!(await isJusticeBureau(manager, bureau))) throw evaluationErrors.notJusticeBureau();
      // One draw of a bureau at a time: two at once would both see a case as not yet drawn.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('case-evaluation-draw'), hashtext($1))`, [
        bureau,
      ]);
      const earlier = await this.findByRequest(manager, bureau, dto.requestId);
      if (earlier) return this.replayRequest(manager, earlier, dto);

      const supervised = await supervisedAgencies(manager, bureau);
      const wanted = dto.agencyCodes ?? supervised;
      const outside = wanted.filter((code) => !supervised.includes(code));
      if (outside.length > 0) throw evaluationErrors.notSupervised(outside);
      const pool = await this.poolOf(manager, bureau, wanted, dto);
      if (pool.length < dto.sampleSize) throw evaluationErrors.poolTooSmall(pool.length, dto.sampleSize);

      const seed = randomBytes(32).toString('hex');
      const caseIds = drawSample(seed, pool, dto.sampleSize);
      const drawId = randomUUID();
      await manager.query(
        `INSERT INTO case_evaluation_draw (draw_id, bureau_code, request_id, title, agency_codes, filed_from,
           filed_to, sample_size, seed, pool, pool_hash, case_ids, drawn_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          drawId,
          bureau,
          dto.requestId,
          dto.title,
          [...wanted].sort(),
          dto.filedFrom ?? null,
          dto.filedTo ?? null,
          dto.sampleSize,
          seed,
          JSON.stringify(pool),
          poolHash(pool),
          caseIds,
          principal.subject,
        ],
      );
      await manager.query(
        `INSERT INTO case_evaluation (evaluation_id, draw_id, bureau_code, case_id, agency_code, case_number, state)
         SELECT gen_random_uuid()::text, $1, $2, f.case_id, f.agency_code, f.case_number, 'drawn'
           FROM case_file f WHERE f.case_id = ANY($3)`,
        [drawId, bureau, caseIds],
      );
      return this.viewOf(manager, drawId);
    });
  }

  /** The bureau's draws, newest first, each with how far its evaluations have come (platform admins: all). */
  async list(principal: Principal, query: EvaluationDrawsQuery): Promise<EvaluationDrawsPageView> {
    const params = [principal.agencyCode ?? '', principal.roles.includes('platform-admin')];
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total FROM case_evaluation_draw d WHERE $2 OR d.bureau_code = $1`,
      params,
    );
    const rows: Array<{
      draw_id: string;
      bureau_code: string;
      title: string;
      sample_size: number;
      drawn_by: string;
      drawn_at: Date;
      drawn: string;
      returned: string;
      answered: string;
    }> = await this.dataSource.query(
      `SELECT d.draw_id, d.bureau_code, d.title, d.sample_size, d.drawn_by, d.drawn_at,
              count(*) FILTER (WHERE e.state = 'drawn') AS drawn,
              count(*) FILTER (WHERE e.state = 'returned') AS returned,
              count(*) FILTER (WHERE e.state = 'answered') AS answered
         FROM case_evaluation_draw d JOIN case_evaluation e ON e.draw_id = d.draw_id
        WHERE $2 OR d.bureau_code = $1
        GROUP BY d.draw_id ORDER BY d.drawn_at DESC, d.draw_id LIMIT $3 OFFSET $4`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      items: rows.map((row) => ({
        drawId: row.draw_id,
        bureauCode: row.bureau_code,
        title: row.title,
        sampleSize: row.sample_size,
        drawnBy: row.drawn_by,
        drawnAt: row.drawn_at.toISOString(),
        drawn: Number(row.drawn),
        returned: Number(row.returned),
        answered: Number(row.answered),
      })),
      total: Number(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async find(principal: Principal, drawId: string): Promise<EvaluationDrawView> {
    const draw = await this.readableDraw(principal, drawId);
    return this.viewOf(this.dataSource.manager, draw.draw_id);
  }

  /** Re-runs a recorded draw from its seed and pool: what anyone holding the draw's record can do. */
  async verify(principal: Principal, drawId: string): Promise<EvaluationDrawVerificationView> {
    const draw = await this.readableDraw(principal, drawId);
    const caseIds = drawSample(draw.seed, draw.pool, draw.sample_size);
    return {
      poolHashMatches: poolHash(draw.pool) === draw.pool_hash,
      reproduced: isDeepStrictEqual(caseIds, draw.case_ids),
      caseIds,
    };
  }

  /**
   * The pool: archived cases of `agencies`, filed within the window (China dates), that this bureau has not
   * drawn before. Sorted, so the recorded pool is canonical.
   */
  private async poolOf(
    manager: EntityManager,
    bureau: string,
    agencies: string[],
    dto: CreateEvaluationDrawDto,
  ): Promise<string[]> {
    const rows: { case_id: string }[] = await manager.query(
      `SELECT f.case_id FROM case_file f
        WHERE f.stage = 'archived' AND f.agency_code = ANY($1)
          AND ($2::date IS NULL OR (f.filed_at AT TIME ZONE 'Asia/Shanghai')::date >= $2::date)
          AND ($3::date IS NULL OR (f.filed_at AT TIME ZONE 'Asia/Shanghai')::date <= $3::date)
          AND NOT EXISTS (SELECT 1 FROM case_evaluation e WHERE e.bureau_code = $4 AND e.case_id = f.case_id)
        ORDER BY f.case_id`,
      [agencies, dto.filedFrom ?? null, dto.filedTo ?? null, bureau],
    );
    return rows.map((row) => row.case_id);
  }

  /** A retried request answers the draw it made; the same request id for another draw is refused. */
  private async replayRequest(
    manager: EntityManager,
    earlier: DrawRow,
    dto: CreateEvaluationDrawDto,
  ): Promise<EvaluationDrawView> {
    const same =
      earlier.title === dto.title &&
      earlier.sample_size === dto.sampleSize &&
      earlier.filed_from === (dto.filedFrom ?? null) &&
      earlier.filed_to === (dto.filedTo ?? null) &&
      (dto.agencyCodes === undefined || isDeepStrictEqual([...dto.agencyCodes].sort(), earlier.agency_codes));
    if (!same) throw evaluationErrors.requestReused();
    return this.viewOf(manager, earlier.draw_id);
  }

  private async findByRequest(
    manager: EntityManager,
    bureau: string,
    requestId: string,
  ): Promise<DrawRow | undefined> {
    const rows: DrawRow[] = await manager.query(
      `SELECT ${DRAW_COLUMNS} FROM case_evaluation_draw WHERE bureau_code = $1 AND request_id = $2`,
      [bureau, requestId],
    );
    return rows[0];
  }

  /** The draw, for the bureau that made it (and platform admins); 404 for anyone else, as if it did not exist. */
  private async readableDraw(principal: Principal, drawId: string): Promise<DrawRow> {
    const rows: DrawRow[] = await this.dataSource.query(
      `SELECT ${DRAW_COLUMNS} FROM case_evaluation_draw WHERE draw_id = $1`,
      [drawId],
    );
    const draw = rows[0];
    const admin = principal.roles.includes('platform-admin');
    if (!draw || (!admin && draw.bureau_code !== principal.agencyCode))
      throw evaluationErrors.drawNotFound(drawId);
    return draw;
  }

  private async viewOf(manager: EntityManager, drawId: string): Promise<EvaluationDrawView> {
    const [draw]: DrawRow[] = await manager.query(
      `SELECT ${DRAW_COLUMNS} FROM case_evaluation_draw WHERE draw_id = $1`,
      [drawId],
    );
    const evaluations: EvaluationRow[] = await manager.query(
      `SELECT * FROM case_evaluation WHERE draw_id = $1`,
      [drawId],
    );
    return drawView(draw!, evaluations);
  }
}
