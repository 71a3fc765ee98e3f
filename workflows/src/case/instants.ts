// Date arithmetic on instants, pure and deterministic (safe in workflow code). Agencies keep China time.
import { endOfChinaDay } from '@lep/calendar';

const DAY_MS = 86_400_000;

/**
 * The instant a period of `days` calendar days counted from `date` ends: midnight China time after its last
 * day. The day of `date` itself is not counted (a 90-day limit from filing ends at the end of day 90 after).
 */
export function endOfPeriod(date: string, days: number): string {
  return shiftDays(endOfChinaDay(date), days);
}

/** An instant moved by whole days (negative for earlier). */
export function shiftDays(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * DAY_MS).toISOString();
}
