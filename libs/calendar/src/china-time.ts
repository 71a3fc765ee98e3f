// Agencies keep China time (UTC+8 all year, no daylight saving): the civil date of an instant and the instant a
// civil day ends. Pure and deterministic, so workflow code may use them.
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar date in China at an instant (ISO string or epoch milliseconds), YYYY-MM-DD. */
export function chinaDateOf(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China civil date ends: midnight China time after it, ISO. */
export function endOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + DAY_MS).toISOString();
}
