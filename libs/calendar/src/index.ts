export * from './errors';
export * from './holiday-arrangement';
export { HOLIDAY_ARRANGEMENT_SEED } from './holiday-seed';
export { WorkingDayCalendar } from './working-day-calendar';
export type { CalendarOptions } from './working-day-calendar';
export {
  seedCalendar,
  isWorkingDay,
  nextWorkingDay,
  addWorkingDays,
  workingDaysBetween,
} from './default-calendar';
export { chinaDateOf, endOfChinaDay } from './china-time';
