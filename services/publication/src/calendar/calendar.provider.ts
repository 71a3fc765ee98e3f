import { seedCalendar } from '@lep/calendar';
import type { Provider } from '@nestjs/common';

/** The working-day calendar deadlines are counted on. */
export const WORKING_DAY_CALENDAR = 'WORKING_DAY_CALENDAR';

/** The holiday notices bundled with @lep/calendar (the same data `lep calendar` reads). */
export const seedCalendarProvider: Provider = { provide: WORKING_DAY_CALENDAR, useValue: seedCalendar };
