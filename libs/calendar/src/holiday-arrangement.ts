export type CalendarRegion = 'national' | 'xinjiang';

export const CALENDAR_REGIONS: readonly CalendarRegion[] = ['national', 'xinjiang'];

/** Region names as they appear in Chinese messages. */
export const REGION_LABELS: Record<CalendarRegion, string> = {
  national: '全国',
  xinjiang: '新疆维吾尔自治区',
};

/**
 * One year's holiday notice for one layer, shaped like the database row it will be seeded into.
 * Dates are civil dates 'YYYY-MM-DD' inside `year`.
 */
export interface HolidayArrangement {
  region: CalendarRegion;
  year: number;
  /** Weekdays (Mon–Fri) on which offices are closed. */
  daysOff: readonly string[];
  /** Weekend days worked to make up for a bridged holiday (调休上班). */
  makeUpWorkingDays: readonly string[];
  /** The notice the dates were read from. */
  source: string;
}
