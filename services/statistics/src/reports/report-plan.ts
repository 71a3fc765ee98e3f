import type { Counted, WorkingDayCalendar } from '@lep/calendar';
import type { AnnualReportPlan } from '@lep/workflows';

/** Reminder days in January and their level: the nearer 31 January, the stronger the reminder. */
const REMINDER_DAYS = [
  { day: 20, level: 1 },
  { day: 27, level: 2 },
  { day: 30, level: 3 },
];

const chinaInstant = (date: string, time: string) => new Date(`${date}T${time}+08:00`).toISOString();

/**
 * When the report of `year` is built, reminded and due: built at 09:00 on the first working day of January of
 * the next year (the holiday notice decides, e.g. Sunday 4 January 2026 was a make-up working day), reminders
 * at 09:00 on 20, 27 and 30 January, due at the end of 31 January (domain.md §7), all China time. Without
 * the next year's notice the first working day is provisional (weekends alone), as the calendar check warned.
 */
export function annualReportPlan(year: number, calendar: WorkingDayCalendar): Counted<AnnualReportPlan> {
  const next = year + 1;
  const firstWorkingDay = calendar.nextWorkingDay(`${year}-12-31`);
  return {
    value: {
      buildAt: chinaInstant(firstWorkingDay.value, '09:00:00'),
      reminders: REMINDER_DAYS.map(({ day, level }) => ({
        at: chinaInstant(`${next}-01-${day}`, '09:00:00'),
        level,
      })),
      dueAt: chinaInstant(`${next}-02-01`, '00:00:00'),
    },
    provisional: firstWorkingDay.provisional,
  };
}
