import { CalendarLayerRef, layerName } from './calendar-year';

/**
 * A count that met a year whose notice is not loaded. It went on with what is known rather than stop: without
 * the regional notice on the national days alone, without the national notice on weekends alone. The answer is
 * provisional until that year is loaded, and `reason` says so in words staff read.
 */
export interface Provisional {
  missing: CalendarLayerRef[];
  reason: string;
}

/** An answer of the calendar, with why it is provisional when it is. */
export interface Counted<T> {
  value: T;
  provisional: Provisional | null;
}

/** The provisional mark for a count that lacked these layers (repeats are named once); null for none. */
export function provisionalOf(missing: CalendarLayerRef[]): Provisional | null {
  if (missing.length === 0) return null;
  const unique = new Map(missing.map((layer) => [`${layer.region}:${layer.year}`, layer]));
  const ordered = [...unique.values()].sort((a, b) => a.year - b.year || a.region.localeCompare(b.region));
  const parts = ordered.map((layer) =>
    layer.region === 'national'
      ? `缺少${layerName(layer)}节假日安排，暂按周六、周日休息计算`
      : `缺少${layerName(layer)}节假日安排，暂按全国节假日安排计算（未计入该地区的节假日）`,
  );
  return {
    missing: ordered,
    reason: `${parts.join('；')}。结果为暂定，录入该年度放假安排后重新计算`,
  };
}
