import { formatCivilDate, isWeekend, parseCivilDate, yearOf } from './civil-date';
import { InvalidCivilDateError } from './errors';

describe('civil dates', () => {
  it.each(['1970-01-01', '2024-02-29', '2025-12-31', '2026-02-28', '0099-06-15', '9999-12-31'])(
    'round-trips %s',
    (date) => {
      expect(formatCivilDate(parseCivilDate(date))).toBe(date);
    },
  );

  it('counts consecutive days across month and year ends', () => {
    expect(parseCivilDate('2026-01-01') - parseCivilDate('2025-12-31')).toBe(1);
    expect(parseCivilDate('2025-03-01') - parseCivilDate('2025-02-28')).toBe(1);
    expect(parseCivilDate('2026-01-01') - parseCivilDate('2025-01-01')).toBe(365);
  });

  it.each([
    '2025-02-29',
    '2025-02-30',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-1',
    '20250101',
    '2025/01/01',
    '2025-01-01T00:00:00Z',
    ' 2025-01-01',
    '',
  ])('rejects %j', (input) => {
    expect(() => parseCivilDate(input)).toThrow(InvalidCivilDateError);
  });

  it('rejects a non-string and names the input in Chinese', () => {
    expect(() => parseCivilDate(20250101 as unknown as string)).toThrow('日期“20250101”无效');
  });

  it.each([
    ['2025-09-27', true], // Saturday
    ['2025-09-28', true], // Sunday
    ['2025-09-29', false], // Monday
    ['2025-10-03', false], // Friday
    ['1969-12-27', true], // Saturday before day 0: negative day numbers
    ['1969-12-29', false],
  ])('%s is a weekend day: %s', (date, weekend) => {
    expect(isWeekend(parseCivilDate(date))).toBe(weekend);
  });

  it('reads the year of a day number', () => {
    expect(yearOf(parseCivilDate('2026-12-31'))).toBe(2026);
    expect(yearOf(parseCivilDate('2027-01-01'))).toBe(2027);
  });
});
