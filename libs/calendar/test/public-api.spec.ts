import * as calendar from '@lep/calendar';

// What other packages import: the entry point must expose the seeded functions, the class and the typed errors.
describe('@lep/calendar entry point', () => {
  it('computes a 7-working-day limit from the seeded notices', () => {
    expect(calendar.addWorkingDays('2025-09-30', 7)).toBe('2025-10-16');
    expect(calendar.seedCalendar.addWorkingDays('2025-09-30', 7, { region: 'xinjiang' })).toBe('2025-10-16');
  });

  it('builds a calendar from database-shaped rows', () => {
    const rows: calendar.HolidayArrangement[] = calendar.HOLIDAY_ARRANGEMENT_SEED.map((row) => ({ ...row }));
    expect(new calendar.WorkingDayCalendar(rows).isWorkingDay('2026-02-28')).toBe(true);
  });

  it('throws errors that callers can tell apart and show as they are', () => {
    let caught: unknown;
    try {
      calendar.isWorkingDay('2026-06-01', { region: 'xinjiang' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(calendar.CalendarDataMissingError);
    expect(caught).toBeInstanceOf(calendar.CalendarError);
    expect(caught).toMatchObject({ name: 'CalendarDataMissingError', year: 2026, region: 'xinjiang' });
  });
});
