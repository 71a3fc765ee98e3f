import type { ItemCategory } from '@lep/contracts';
import type { CalendarRegion, Provisional, WorkingDayCalendar } from '@lep/calendar';

/** domain.md P7: licensing and penalty decisions within 7 working days, every other decision within 20. */
export function disclosureWorkingDays(category: ItemCategory): number {
  return category === 'licensing' || category === 'penalty' ? 7 : 20;
}

/** domain.md P9 (APL art. 48/85): a withdrawn decision leaves the portal within 3 working days. */
export const WITHDRAWAL_WORKING_DAYS = 3;

/** Offices in 兵团 keep Beijing time; a civil date's deadline ends at midnight there. */
const BEIJING_OFFSET = '+08:00';

export interface DeadlinePlan {
  /** Last day to publish, YYYY-MM-DD (counting starts the day after the decision). */
  deadlineOn: string;
  /** Start of the working day before the deadline day: the warning goes out then if still unpublished. */
  warnAt: string;
  /** End of the deadline day (midnight Beijing time): unpublished after this is overdue. */
  overdueAt: string;
  /** Set when the count met a year whose notice the calendar lacks (domain.md §6). */
  provisional: Provisional | null;
}

export function planDeadline(
  calendar: WorkingDayCalendar,
  category: ItemCategory,
  decidedOn: string,
  region: CalendarRegion,
): DeadlinePlan {
  const days = disclosureWorkingDays(category);
  const deadline = calendar.addWorkingDays(decidedOn, days, { region });
  const warningDay = calendar.addWorkingDays(decidedOn, days - 1, { region }).value;
  const dayAfterDeadline = new Date(Date.parse(`${deadline.value}T00:00:00${BEIJING_OFFSET}`) + 86_400_000);
  return {
    deadlineOn: deadline.value,
    warnAt: new Date(`${warningDay}T00:00:00${BEIJING_OFFSET}`).toISOString(),
    overdueAt: dayAfterDeadline.toISOString(),
    provisional: deadline.provisional,
  };
}

/** Adds whole calendar months to a civil date, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
