// Date arithmetic on instants, pure and deterministic (safe in workflow code). Agencies keep China time.
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in China (UTC+8) at an instant, YYYY-MM-DD. */
export function chinaDate(instant: string): string {
  return new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The instant a period of `days` calendar days counted from `date` ends: midnight China time after its last
 * day. The day of `date` itself is not counted (a 90-day limit from filing ends at the end of day 90 after).
 */
export function endOfPeriod(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + (days + 1) * DAY_MS).toISOString();
}

/** An instant moved by whole days (negative for earlier). */
export function shiftDays(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * DAY_MS).toISOString();
}
