/** Penalty categories from lightest to heaviest, the order statistics templates use (domain.md §3). */
export const PENALTY_KINDS_BY_WEIGHT = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '行政拘留',
  '其他',
] as const;

/**
 * The kind a decision with several sanctions counts under: the heaviest (domain.md §7 (2)). 其他 is last in the
 * template's list but is no measure of weight, so it counts only when nothing listed was imposed; an unknown
 * name counts as 其他.
 */
export function heaviestPenaltyKind(kinds: readonly string[]): string | undefined {
  if (kinds.length === 0) return undefined;
  let heaviest = -1;
  for (const kind of kinds) {
    const weight = PENALTY_KINDS_BY_WEIGHT.indexOf(kind as (typeof PENALTY_KINDS_BY_WEIGHT)[number]);
    if (weight >= 0 && kind !== '其他' && weight > heaviest) heaviest = weight;
  }
  return heaviest >= 0 ? PENALTY_KINDS_BY_WEIGHT[heaviest] : '其他';
}
