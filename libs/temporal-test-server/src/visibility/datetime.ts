/**
 * Parses a datetime literal the way Temporal does (Go's time.Parse with time.RFC3339Nano) into
 * nanoseconds since the Unix epoch. Nanoseconds, not a Date, because a literal may carry up to nine
 * fractional digits and Date would silently round them to milliseconds.
 */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

const NANOS_PER_MILLI = 1_000_000n;
const NANOS_PER_MINUTE = 60_000_000_000n;

export function parseRfc3339Nanos(text: string): bigint | undefined {
  const match = RFC3339.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', offsetSign, offsetHour, offsetMinute] =
    match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;

  let offsetMinutes = 0;
  if (offsetSign !== undefined) {
    const [oh, om] = [Number(offsetHour), Number(offsetMinute)];
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (offsetSign === '-' ? -1 : 1) * (oh * 60 + om);
  }

  // Date.UTC maps years 0–99 to 1900–1999, so the year is set separately.
  const wallClock = new Date(0);
  wallClock.setUTCFullYear(y, mo - 1, d);
  wallClock.setUTCHours(h, mi, s, 0);
  const fractionNanos = BigInt(fraction.padEnd(9, '0'));
  return (
    BigInt(wallClock.getTime()) * NANOS_PER_MILLI + fractionNanos - BigInt(offsetMinutes) * NANOS_PER_MINUTE
  );
}

export function dateToNanos(date: Date): bigint | undefined {
  const millis = date.getTime();
  return Number.isNaN(millis) ? undefined : BigInt(millis) * NANOS_PER_MILLI;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
