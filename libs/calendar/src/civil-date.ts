import { InvalidCivilDateError } from './errors';

/**
 * A civil date ('YYYY-MM-DD', no time zone) as a count of days since 1970-01-01. Day numbers make
 * "next day" and "day of week" plain integer arithmetic; UTC is used only as a zone-free proleptic calendar.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const CIVIL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCivilDate(date: string): DayNumber {
  const match = typeof date === 'string' ? CIVIL_DATE_PATTERN.exec(date) : null;
  if (!match) throw new InvalidCivilDateError(date);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC maps years 0–99 to 1900–1999, so set the full year explicitly.
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  // Date rolls 2025-02-30 over to 2025-03-02; a round trip exposes such non-existent dates.
  if (
    instant.getUTCFullYear() !== year ||
    instant.getUTCMonth() !== month - 1 ||
    instant.getUTCDate() !== day
  ) {
    throw new InvalidCivilDateError(date);
  }
  return Math.round(instant.getTime() / MS_PER_DAY);
}

export function formatCivilDate(dayNumber: DayNumber): string {
  const instant = new Date(dayNumber * MS_PER_DAY);
  const year = String(instant.getUTCFullYear()).padStart(4, '0');
  const month = String(instant.getUTCMonth() + 1).padStart(2, '0');
  const day = String(instant.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

export function yearOf(dayNumber: DayNumber): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/** Saturday or Sunday (1970-01-01, day 0, was a Thursday). */
export function isWeekend(dayNumber: DayNumber): boolean {
  const dayOfWeek = (((dayNumber + 4) % 7) + 7) % 7; // 0 = Sunday
  return dayOfWeek === 0 || dayOfWeek === 6;
}
