import {
  EVALUATION_GRADE_NAMES,
  EVALUATION_ITEM_NAMES,
  EVALUATION_ITEM_POINTS,
  type EvaluationGrade,
  type EvaluationItemScore,
} from '@lep/contracts';
import type { EvaluationDrawView, EvaluationState, EvaluationView } from './evaluation.dto';

/** A case_evaluation row as SELECT * returns it. */
export interface EvaluationRow {
  evaluation_id: string;
  draw_id: string;
  bureau_code: string;
  case_id: string;
  agency_code: string;
  case_number: string;
  state: EvaluationState;
  items: EvaluationItemScore[] | null;
  total: number | null;
  grade: EvaluationGrade | null;
  scored_by: string | null;
  returned_at: Date | null;
  answer: string | null;
  rectified: boolean | null;
  answered_by: string | null;
  answered_at: Date | null;
}

/** A case_evaluation_draw row as SELECT * returns it (dates as text: see DRAW_COLUMNS). */
export interface DrawRow {
  draw_id: string;
  bureau_code: string;
  request_id: string;
  title: string;
  agency_codes: string[];
  filed_from: string | null;
  filed_to: string | null;
  sample_size: number;
  seed: string;
  pool: string[];
  pool_hash: string;
  case_ids: string[];
  drawn_by: string;
  drawn_at: Date;
}

/** The draw's columns with its dates as YYYY-MM-DD text (a `date` would come back as a local-midnight Date). */
export const DRAW_COLUMNS = `draw_id, bureau_code, request_id, title, agency_codes, filed_from::text AS filed_from,
  filed_to::text AS filed_to, sample_size, seed, pool, pool_hash, case_ids, drawn_by, drawn_at`;

export function evaluationView(row: EvaluationRow): EvaluationView {
  return {
    evaluationId: row.evaluation_id,
    drawId: row.draw_id,
    bureauCode: row.bureau_code,
    caseId: row.case_id,
    agencyCode: row.agency_code,
    caseNumber: row.case_number,
    state: row.state,
    items:
      row.items?.map((entry) => ({
        ...entry,
        name: EVALUATION_ITEM_NAMES[entry.item],
        points: EVALUATION_ITEM_POINTS[entry.item],
      })) ?? null,
    total: row.total,
    grade: row.grade,
    gradeName: row.grade ? EVALUATION_GRADE_NAMES[row.grade] : null,
    scoredBy: row.scored_by,
    returnedAt: row.returned_at?.toISOString() ?? null,
    answer: row.answer,
    rectified: row.rectified,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at?.toISOString() ?? null,
  };
}

export function drawView(draw: DrawRow, evaluations: EvaluationRow[]): EvaluationDrawView {
  const order = new Map(draw.case_ids.map((caseId, index) => [caseId, index]));
  return {
    drawId: draw.draw_id,
    bureauCode: draw.bureau_code,
    title: draw.title,
    agencyCodes: draw.agency_codes,
    filedFrom: draw.filed_from,
    filedTo: draw.filed_to,
    sampleSize: draw.sample_size,
    seed: draw.seed,
    pool: draw.pool,
    poolHash: draw.pool_hash,
    caseIds: draw.case_ids,
    drawnBy: draw.drawn_by,
    drawnAt: draw.drawn_at.toISOString(),
    evaluations: [...evaluations]
      .sort((a, b) => order.get(a.case_id)! - order.get(b.case_id)!)
      .map(evaluationView),
  };
}
