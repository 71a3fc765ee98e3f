/** Statistics count in China time: a decision at 23:30 UTC on 31 December belongs to January. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface Period {
  year: number;
  month: number;
}

/** An event whose dates cannot be read: it can never be counted, however often it is retried. */
export class MalformedEventError extends Error {
  override name = 'MalformedEventError';
}

/** The year and month of a YYYY-MM-DD date or an ISO instant, in China time. */
export function periodOf(value: string): Period {
  if (typeof value !== 'string') throw new MalformedEventError(`not a date: ${String(value)}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) };
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new MalformedEventError(`not a date: ${value}`);
  const china = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return { year: china.getUTCFullYear(), month: china.getUTCMonth() + 1 };
}
