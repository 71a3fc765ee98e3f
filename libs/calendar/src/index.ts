export * from './errors';
export * from './calendar-year';
export * from './provisional';
export { WorkingDayCalendar, calendarYearProblems } from './working-day-calendar';
export type { CalendarOptions, CalendarYearProblem } from './working-day-calendar';
export { CalendarClient, CALENDAR_ROUTE } from './calendar-client';
export type { CalendarClientOptions } from './calendar-client';
export { chinaDateOf, endOfChinaDay } from './china-time';
