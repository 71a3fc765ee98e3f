/**
 * 案卷评查 (case-file evaluation, domain.md R7a) events on TOPICS.caseEvaluation, keyed by evaluation id, source
 * CASE_EVENT_SOURCE: case-api writes them into lep_cases' outbox. A justice bureau draws archived cases of the
 * agencies it supervises, scores each against the eight-item checklist and returns the findings to the agency,
 * which answers them. Statistics count both under the evaluated agency.
 */
export const EVALUATION_EVENT_TYPES = {
  findingsReturned: 'cn.lep.case.evaluation.findings-returned.v1',
  answered: 'cn.lep.case.evaluation.answered.v1',
} as const;

/** The checklist's items in order (主体、事实、证据、程序、依据、裁量、文书、归档) and each one's points. */
export const EVALUATION_ITEMS = [
  'subject',
  'facts',
  'evidence',
  'procedure',
  'basis',
  'discretion',
  'documents',
  'filing',
] as const;
export type EvaluationItem = (typeof EVALUATION_ITEMS)[number];

export const EVALUATION_ITEM_NAMES: Record<EvaluationItem, string> = {
  subject: '执法主体',
  facts: '事实认定',
  evidence: '证据收集',
  procedure: '执法程序',
  basis: '法律依据',
  discretion: '裁量基准',
  documents: '执法文书',
  filing: '立卷归档',
};

/** Points per item, 100 together (domain.md R7a, a project choice). */
export const EVALUATION_ITEM_POINTS: Record<EvaluationItem, number> = {
  subject: 10,
  facts: 15,
  evidence: 20,
  procedure: 20,
  basis: 10,
  discretion: 10,
  documents: 10,
  filing: 5,
};

export const EVALUATION_GRADES = ['excellent', 'pass', 'fail'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

export const EVALUATION_GRADE_NAMES: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
};

/** 优秀 from 90 points, 合格 from 60, else 不合格 (domain.md R7a). */
export function evaluationGrade(total: number): EvaluationGrade {
  if (total >= 90) return 'excellent';
  if (total >= 60) return 'pass';
  return 'fail';
}

export interface EvaluationItemScore {
  item: EvaluationItem;
  score: number;
  /** The finding (评查意见) on this item, for the agency. */
  finding: string;
}

export interface EvaluationFindingsReturnedData {
  evaluationId: string;
  drawId: string;
  /** The justice bureau that evaluated. */
  bureauCode: string;
  /** The evaluated agency: the case's. */
  agencyCode: string;
  caseId: string;
  items: EvaluationItemScore[];
  total: number;
  grade: EvaluationGrade;
  /** Items scored below their points (问题项). */
  problemItems: EvaluationItem[];
  returnedAt: string;
}

export interface EvaluationAnsweredData {
  evaluationId: string;
  bureauCode: string;
  agencyCode: string;
  caseId: string;
  /** Whether the agency reports the problems rectified (已整改), or only explains them. */
  rectified: boolean;
  answeredAt: string;
}
