import {
  CalendarDataMissingError,
  InvalidHolidayArrangementError,
  UnknownCalendarRegionError,
} from './errors';
import type { CalendarRegion, HolidayArrangement } from './holiday-arrangement';
import { HOLIDAY_ARRANGEMENT_SEED } from './holiday-seed';
import { WorkingDayCalendar } from './working-day-calendar';

function row(
  region: CalendarRegion,
  year: number,
  daysOff: string[],
  makeUpWorkingDays: string[] = [],
): HolidayArrangement {
  return { region, year, daysOff, makeUpWorkingDays, source: '测试通知' };
}

describe('WorkingDayCalendar built from rows', () => {
  it('uses rows from any source, e.g. a year added later by an administrator', () => {
    const calendar = new WorkingDayCalendar([
      ...HOLIDAY_ARRANGEMENT_SEED,
      row('national', 2027, ['2027-01-01'], ['2027-01-02']),
    ]);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-02')).toBe(true);
    expect(calendar.addWorkingDays('2026-12-28', 7)).toBe('2027-01-06');
  });

  it('knows nothing it was not given', () => {
    const calendar = new WorkingDayCalendar([row('national', 2030, [])]);
    expect(calendar.isWorkingDay('2030-01-01')).toBe(true);
    expect(() => calendar.isWorkingDay('2025-03-03')).toThrow(CalendarDataMissingError);
  });

  it('lets a regional day off close a day the national layer marks as a make-up working day', () => {
    const calendar = new WorkingDayCalendar([
      row('national', 2030, [], ['2030-03-02']),
      row('xinjiang', 2030, ['2030-03-02', '2030-03-04']),
    ]);
    expect(calendar.isWorkingDay('2030-03-02')).toBe(true);
    expect(calendar.isWorkingDay('2030-03-02', { region: 'xinjiang' })).toBe(false);
    expect(calendar.isWorkingDay('2030-03-04', { region: 'xinjiang' })).toBe(false);
    expect(calendar.isWorkingDay('2030-03-04')).toBe(true);
  });

  it('keeps the regional layer out of national counting even when it exists alone', () => {
    const calendar = new WorkingDayCalendar([row('xinjiang', 2030, ['2030-03-04'])]);
    expect(() => calendar.isWorkingDay('2030-03-04', { region: 'xinjiang' })).toThrow(
      expect.objectContaining({ year: 2030, region: 'national' }),
    );
  });

  it('rejects a second row for the same layer and year', () => {
    expect(
      () => new WorkingDayCalendar([row('national', 2030, []), row('national', 2030, ['2030-01-01'])]),
    ).toThrow(InvalidHolidayArrangementError);
  });

  it('rejects a date outside the row year', () => {
    expect(() => new WorkingDayCalendar([row('national', 2030, ['2031-01-01'])])).toThrow(
      '2030年全国节假日安排中的日期2031-01-01不属于2030年',
    );
  });

  it('rejects a date listed both as a day off and as a make-up working day', () => {
    expect(() => new WorkingDayCalendar([row('national', 2030, ['2030-01-05'], ['2030-01-05'])])).toThrow(
      InvalidHolidayArrangementError,
    );
  });

  it('rejects malformed dates and unknown regions in rows', () => {
    expect(() => new WorkingDayCalendar([row('national', 2030, ['2030-02-30'])])).toThrow(
      '日期“2030-02-30”无效',
    );
    expect(() => new WorkingDayCalendar([row('tibet' as CalendarRegion, 2030, [])])).toThrow(
      UnknownCalendarRegionError,
    );
  });

  it('rejects an unknown region in a query', () => {
    const calendar = new WorkingDayCalendar(HOLIDAY_ARRANGEMENT_SEED);
    expect(() => calendar.isWorkingDay('2025-03-03', { region: 'XJ' as CalendarRegion })).toThrow(
      '节假日区域“XJ”无效',
    );
  });
});
