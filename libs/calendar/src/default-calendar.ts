import { HOLIDAY_ARRANGEMENT_SEED } from './holiday-seed';
import { CalendarOptions, WorkingDayCalendar } from './working-day-calendar';

/** The calendar of the notices bundled with this library, for callers without a database copy. */
export const seedCalendar = new WorkingDayCalendar(HOLIDAY_ARRANGEMENT_SEED);

export const isWorkingDay = (date: string, options?: CalendarOptions): boolean =>
  seedCalendar.isWorkingDay(date, options);

export const nextWorkingDay = (date: string, options?: CalendarOptions): string =>
  seedCalendar.nextWorkingDay(date, options);

export const addWorkingDays = (date: string, n: number, options?: CalendarOptions): string =>
  seedCalendar.addWorkingDays(date, n, options);

export const workingDaysBetween = (from: string, to: string, options?: CalendarOptions): number =>
  seedCalendar.workingDaysBetween(from, to, options);
