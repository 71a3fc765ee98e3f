import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@lep/auth';
import {
  CASE_EVENT_SOURCE,
  createCloudEvent,
  EVALUATION_EVENT_TYPES,
  type EvaluationAnsweredData,
  type EvaluationFindingsReturnedData,
  TOPICS,
} from '@lep/contracts';
import { enqueueEvent } from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { scoreChecklist } from './checklist';
import type {
  EvaluationAnswerDto,
  EvaluationFindingsDto,
  EvaluationsPageView,
  EvaluationsQuery,
  EvaluationView,
} from './evaluation.dto';
import { evaluationErrors } from './evaluation-errors';
import { EvaluationRow, evaluationView } from './evaluation-rows';

/**
 * Who sees an evaluation: the bureau that drew it, from the draw on; the evaluated agency once the findings are
 * returned to it (a case drawn but not yet scored is the bureau's business); platform admins. $1 is the caller's
 * agency, $2 whether it is a platform admin.
 */
const VISIBLE = `($2 OR e.bureau_code = $1 OR (e.agency_code = $1 AND e.state <> 'drawn'))`;

/**
 * 案卷评查 (domain.md R7a): the bureau scores a drawn case against the checklist and returns the findings to the
 * agency, which answers them. Each change writes its event into lep_cases' outbox in the same transaction, with
 * an id derived from the evaluation and the step, so statistics count each step once.
 */
@Injectable()
export class EvaluationsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(principal: Principal, query: EvaluationsQuery): Promise<EvaluationsPageView> {
    const filters = `${VISIBLE} AND ($3::text IS NULL OR e.draw_id = $3) AND ($4::text IS NULL OR e.agency_code = $4)
      AND ($5::text IS NULL OR e.state = $5)`;
    const params = [
      principal.agencyCode ?? '',
      principal.roles.includes('platform-admin'),
      query.drawId ?? null,
      query.agency ?? null,
      query.state ?? null,
    ];
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total FROM case_evaluation e WHERE ${filters}`,
      params,
    );
    const rows: EvaluationRow[] = await this.dataSource.query(
      `SELECT e.* FROM case_evaluation e WHERE ${filters}
        ORDER BY e.returned_at DESC NULLS LAST, e.case_id LIMIT $6 OFFSET $7`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      items: rows.map(evaluationView),
      total: Number(total),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async find(principal: Principal, evaluationId: string): Promise<EvaluationView> {
    return evaluationView(await this.visible(this.dataSource.manager, principal, evaluationId));
  }

  /** 评查结果反馈: scored once by the drawing bureau; the same findings sent again answer the same. */
  returnFindings(
    principal: Principal,
    evaluationId: string,
    dto: EvaluationFindingsDto,
  ): Promise<EvaluationView> {
    const scored = scoreChecklist(dto.items);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockVisible(manager, principal, evaluationId);
      if (row.bureau_code !== principal.agencyCode) throw evaluationErrors.notEvaluator();
      if (row.state !== 'drawn') {
        if (isDeepStrictEqual(row.items, scored.items)) return evaluationView(row);
        throw evaluationErrors.alreadyReturned();
      }
      const [updated]: [EvaluationRow[]] = await manager.query(
        `UPDATE case_evaluation SET state = 'returned', items = $2, total = $3, grade = $4, scored_by = $5,
           returned_at = now()
         WHERE evaluation_id = $1 RETURNING *`,
        [evaluationId, JSON.stringify(scored.items), scored.total, scored.grade, principal.subject],
      );
      const saved = updated[0]!;
      const data: EvaluationFindingsReturnedData = {
        evaluationId,
        drawId: saved.draw_id,
        bureauCode: saved.bureau_code,
        agencyCode: saved.agency_code,
        caseId: saved.case_id,
        items: scored.items,
        total: scored.total,
        grade: scored.grade,
        problemItems: scored.problemItems,
        returnedAt: saved.returned_at!.toISOString(),
      };
      await emit(manager, EVALUATION_EVENT_TYPES.findingsReturned, `${evaluationId}:findings-returned`, data);
      return evaluationView(saved);
    });
  }

  /** 整改反馈: the evaluated agency answers the returned findings, once. */
  answer(principal: Principal, evaluationId: string, dto: EvaluationAnswerDto): Promise<EvaluationView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockVisible(manager, principal, evaluationId);
      if (row.agency_code !== principal.agencyCode) throw evaluationErrors.notEvaluatedAgency();
      if (row.state === 'drawn') throw evaluationErrors.notReturned();
      if (row.state === 'answered') {
        if (row.answer === dto.answer && row.rectified === dto.rectified) return evaluationView(row);
        throw evaluationErrors.alreadyAnswered();
      }
      const [updated]: [EvaluationRow[]] = await manager.query(
        `UPDATE case_evaluation SET state = 'answered', answer = $2, rectified = $3, answered_by = $4,
           answered_at = now()
         WHERE evaluation_id = $1 RETURNING *`,
        [evaluationId, dto.answer, dto.rectified, principal.subject],
      );
      const saved = updated[0]!;
      const data: EvaluationAnsweredData = {
        evaluationId,
        bureauCode: saved.bureau_code,
        agencyCode: saved.agency_code,
        caseId: saved.case_id,
        rectified: dto.rectified,
        answeredAt: saved.answered_at!.toISOString(),
      };
      await emit(manager, EVALUATION_EVENT_TYPES.answered, `${evaluationId}:answered`, data);
      return evaluationView(saved);
    });
  }

  private async visible(manager: EntityManager, principal: Principal, evaluationId: string, lock = '') {
    const rows: EvaluationRow[] = await manager.query(
      `SELECT e.* FROM case_evaluation e WHERE e.evaluation_id = $3 AND ${VISIBLE} ${lock}`,
      [principal.agencyCode ?? '', principal.roles.includes('platform-admin'), evaluationId],
    );
    // Not visible reads as not found: an agency learns nothing of the bureau's pending work.
    if (!rows[0]) throw evaluationErrors.notFound(evaluationId);
    return rows[0];
  }

  private lockVisible(manager: EntityManager, principal: Principal, evaluationId: string) {
    return this.visible(manager, principal, evaluationId, 'FOR UPDATE');
  }
}

async function emit(manager: EntityManager, type: string, id: string, data: { evaluationId: string }) {
  const event = createCloudEvent({
    id,
    source: CASE_EVENT_SOURCE,
    type,
    subject: `case-evaluation/${data.evaluationId}`,
    data,
  });
  await enqueueEvent(manager, TOPICS.caseEvaluation, data.evaluationId, event);
}
