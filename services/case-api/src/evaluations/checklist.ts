import { HttpStatus } from '@nestjs/common';
import {
  EVALUATION_ITEM_POINTS,
  EVALUATION_ITEMS,
  evaluationGrade,
  type EvaluationGrade,
  type EvaluationItem,
  type EvaluationItemScore,
} from '@lep/contracts';
import { ApiError, FieldViolation } from '@lep/nest-kit';

export interface ScoredChecklist {
  /** The items in checklist order. */
  items: EvaluationItemScore[];
  total: number;
  grade: EvaluationGrade;
  /** Items scored below their points (问题项). */
  problemItems: EvaluationItem[];
}

/**
 * Checks a scored checklist (domain.md R7a): each of the eight items exactly once, its score an integer from 0 to
 * the item's points, and adds it up. 400 VALIDATION_FAILED naming the field otherwise.
 */
export function scoreChecklist(items: readonly EvaluationItemScore[]): ScoredChecklist {
  const violations: FieldViolation[] = [];
  items.forEach((entry, index) => {
    if (items.findIndex((other) => other.item === entry.item) !== index)
      violations.push({
        field: `items.${index}.item`,
        rule: 'uniqueItem',
        message: `评查项目 ${entry.item} 重复`,
      });
    const points = EVALUATION_ITEM_POINTS[entry.item];
    if (entry.score > points)
      violations.push({
        field: `items.${index}.score`,
        rule: 'maxPoints',
        message: `评查项目 ${entry.item} 的得分不能超过该项分值 ${points} 分`,
      });
  });
  const missing = EVALUATION_ITEMS.filter((item) => !items.some((entry) => entry.item === item));
  if (missing.length > 0)
    violations.push({
      field: 'items',
      rule: 'allItems',
      message: `缺少评查项目：${missing.join('、')}（主体、事实、证据、程序、依据、裁量、文书、归档各一项）`,
    });
  if (violations.length > 0)
    throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '评查结果不符合评查标准', violations);
  const ordered = EVALUATION_ITEMS.map((item) => {
    const entry = items.find((candidate) => candidate.item === item)!;
    return { item, score: entry.score, finding: entry.finding };
  });
  const total = ordered.reduce((sum, entry) => sum + entry.score, 0);
  return {
    items: ordered,
    total,
    grade: evaluationGrade(total),
    problemItems: ordered
      .filter((entry) => entry.score < EVALUATION_ITEM_POINTS[entry.item])
      .map((entry) => entry.item),
  };
}
