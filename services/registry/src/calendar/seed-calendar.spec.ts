import {
  CalendarOptions,
  Counted,
  InvalidCivilDateError,
  InvalidWorkingDayCountError,
  WorkingDayCalendar,
} from '@lep/calendar';
import { SEED_NOTICES } from './seed-notices';

// The seeded notices (docs/domain.md §6) as every service counts on them until an admin loads more years.
const seeded = new WorkingDayCalendar(SEED_NOTICES);
const certain = <T>(answer: Counted<T>): T => {
  expect(answer.provisional).toBeNull();
  return answer.value;
};
const isWorkingDay = (date: string, options?: CalendarOptions) => certain(seeded.isWorkingDay(date, options));
const addWorkingDays = (date: string, n: number, options?: CalendarOptions) =>
  certain(seeded.addWorkingDays(date, n, options));
const nextWorkingDay = (date: string) => certain(seeded.nextWorkingDay(date));
const workingDaysBetween = (from: string, to: string) => certain(seeded.workingDaysBetween(from, to));
/** The layers a provisional answer names as missing, as `region:year`. */
const missingOf = <T>(answer: Counted<T>): string[] =>
  (answer.provisional?.missing ?? []).map(({ region, year }) => `${region}:${year}`);

describe('national calendar 2025', () => {
  it.each([
    // New Year, no swap
    ['2024-12-31', null],
    ['2025-01-01', false],
    ['2025-01-02', true],
    // Spring Festival 28 Jan – 4 Feb, make-up Sun 26 Jan and Sat 8 Feb
    ['2025-01-25', false],
    ['2025-01-26', true],
    ['2025-01-27', true],
    ['2025-01-28', false],
    ['2025-01-31', false],
    ['2025-02-01', false],
    ['2025-02-02', false],
    ['2025-02-03', false],
    ['2025-02-04', false],
    ['2025-02-05', true],
    ['2025-02-08', true],
    ['2025-02-09', false],
    // 清明 4–6 Apr
    ['2025-04-03', true],
    ['2025-04-04', false],
    ['2025-04-07', true],
    // Labour Day 1–5 May, make-up Sun 27 Apr
    ['2025-04-27', true],
    ['2025-04-30', true],
    ['2025-05-01', false],
    ['2025-05-02', false],
    ['2025-05-05', false],
    ['2025-05-06', true],
    // 端午 31 May – 2 Jun
    ['2025-05-30', true],
    ['2025-06-02', false],
    ['2025-06-03', true],
    // National Day + Mid-Autumn 1–8 Oct, make-up Sun 28 Sep and Sat 11 Oct
    ['2025-09-27', false],
    ['2025-09-28', true],
    ['2025-09-30', true],
    ['2025-10-01', false],
    ['2025-10-04', false],
    ['2025-10-05', false],
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true],
    ['2025-10-12', false],
    // ordinary weeks
    ['2025-03-01', false],
    ['2025-03-02', false],
    ['2025-03-03', true],
    ['2025-12-31', true],
  ])('%s is a working day: %s (null: no 2024 data, provisional)', (date, expected) => {
    if (expected === null) {
      expect(missingOf(seeded.isWorkingDay(date))).toEqual(['national:2024']);
    } else {
      expect(isWorkingDay(date)).toBe(expected);
    }
  });

  it('closes every day of the eight-day National Day break', () => {
    const days = ['01', '02', '03', '04', '05', '06', '07', '08'].map((day) =>
      isWorkingDay(`2025-10-${day}`),
    );
    expect(days).toEqual(Array(8).fill(false));
  });
});

describe('national calendar 2026', () => {
  it.each([
    // New Year 1–3 Jan, make-up Sun 4 Jan
    ['2026-01-01', false],
    ['2026-01-02', false],
    ['2026-01-03', false],
    ['2026-01-04', true],
    ['2026-01-05', true],
    // Spring Festival 15–23 Feb, make-up Sat 14 Feb and Sat 28 Feb
    ['2026-02-13', true],
    ['2026-02-14', true],
    ['2026-02-15', false],
    ['2026-02-16', false],
    ['2026-02-20', false],
    ['2026-02-21', false],
    ['2026-02-22', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true],
    ['2026-03-01', false],
    // 清明 4–6 Apr
    ['2026-04-03', true],
    ['2026-04-04', false],
    ['2026-04-06', false],
    ['2026-04-07', true],
    // Labour Day 1–5 May, make-up Sat 9 May
    ['2026-05-01', false],
    ['2026-05-04', false],
    ['2026-05-05', false],
    ['2026-05-06', true],
    ['2026-05-09', true],
    ['2026-05-10', false],
    // 端午 19–21 Jun
    ['2026-06-18', true],
    ['2026-06-19', false],
    ['2026-06-22', true],
    // Mid-Autumn 25–27 Sep, make-up Sun 20 Sep
    ['2026-09-20', true],
    ['2026-09-25', false],
    ['2026-09-28', true],
    // National Day 1–7 Oct, make-up Sat 10 Oct
    ['2026-09-30', true],
    ['2026-10-01', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
    ['2026-12-31', true],
  ])('%s is a working day: %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('closes all nine days of the Spring Festival break', () => {
    const days = ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((day) =>
      isWorkingDay(`2026-02-${day}`),
    );
    expect(days).toEqual(Array(9).fill(false));
  });
});

describe('addWorkingDays (decision day not counted, day 1 = next working day)', () => {
  it.each([
    // 7 and 20 working days across National Day 2025 (make-up 28 Sep and 11 Oct count)
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-26', 7, '2025-10-13'],
    ['2025-09-26', 20, '2025-10-30'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 7, '2025-10-16'],
    ['2025-09-30', 20, '2025-11-04'],
    // a decision on a holiday: counting starts the next working day
    ['2025-10-03', 1, '2025-10-09'],
    // across Spring Festival 2026 (make-up Saturdays 14 and 28 Feb count)
    ['2026-02-12', 1, '2026-02-13'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-13', 7, '2026-03-02'],
    ['2026-02-12', 20, '2026-03-18'],
    // across Spring Festival 2025
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 7, '2025-02-10'],
    // plain weeks
    ['2025-03-07', 1, '2025-03-10'],
    ['2025-03-03', 5, '2025-03-10'],
    ['2025-03-03', 0, '2025-03-03'],
    // year boundary 2025 → 2026 (1–3 Jan off, Sun 4 Jan worked)
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-26', 7, '2026-01-07'],
    // starting on the last day before the data: 2024 itself is never examined
    ['2024-12-31', 1, '2025-01-02'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('counts into a year without data on weekends alone, naming the year and layer', () => {
    expect(addWorkingDays('2026-12-28', 3)).toBe('2026-12-31');
    const answer = seeded.addWorkingDays('2026-12-28', 7);
    // 29–31 Dec, then 1 (no 2027 notice: not known to be a holiday), 4, 5, 6 Jan 2027.
    expect(answer.value).toBe('2027-01-06');
    expect(missingOf(answer)).toEqual(['national:2027']);
    expect(answer.provisional?.reason).toBe(
      '缺少2027年全国节假日安排，暂按周六、周日休息计算。结果为暂定，录入该年度放假安排后重新计算',
    );
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the count %p', (n) => {
    expect(() => addWorkingDays('2025-03-03', n)).toThrow(InvalidWorkingDayCountError);
  });

  it('rejects an invalid date before looking at any data', () => {
    expect(() => addWorkingDays('2025-02-29', 1)).toThrow(InvalidCivilDateError);
    expect(() => addWorkingDays('2031-02-30', 0)).toThrow(InvalidCivilDateError);
  });

  it('nextWorkingDay is the first working day after the date', () => {
    expect(nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(nextWorkingDay('2025-10-10')).toBe('2025-10-11');
    expect(nextWorkingDay('2026-02-27')).toBe('2026-02-28');
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-13')).toBe(4);
    expect(workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(workingDaysBetween('2025-12-31', '2026-01-04')).toBe(1);
  });

  it('is negative when the second date comes first', () => {
    expect(workingDaysBetween('2025-10-13', '2025-09-30')).toBe(-4);
  });

  it.each([
    ['2025-09-26', 20],
    ['2026-02-12', 20],
    ['2025-12-26', 7],
    ['2025-06-05', 90],
  ])('inverts addWorkingDays from %s over %i days', (date, n) => {
    expect(workingDaysBetween(date, addWorkingDays(date, n))).toBe(n);
  });

  it('is provisional when the range reaches a year without data', () => {
    expect(missingOf(seeded.workingDaysBetween('2026-12-30', '2027-01-05'))).toEqual(['national:2027']);
    expect(missingOf(seeded.workingDaysBetween('2025-01-02', '2024-12-30'))).toEqual(['national:2024']);
  });
});

describe('Xinjiang layer', () => {
  const xinjiang = { region: 'xinjiang' } as const;

  it.each([
    // 肉孜节 29–31 Mar 2025 (Sat–Mon)
    ['2025-03-28', true, true],
    ['2025-03-29', false, false],
    ['2025-03-31', false, true],
    ['2025-04-01', true, true],
    // 古尔邦节 6–10 Jun 2025 (Fri–Tue)
    ['2025-06-05', true, true],
    ['2025-06-06', false, true],
    ['2025-06-09', false, true],
    ['2025-06-10', false, true],
    ['2025-06-11', true, true],
    // national holidays and make-up days still apply
    ['2025-06-02', false, false],
    ['2025-10-01', false, false],
    ['2025-09-28', true, true],
  ])('%s: Xinjiang working %s, national working %s', (date, inXinjiang, nationally) => {
    expect(isWorkingDay(date, xinjiang)).toBe(inXinjiang);
    expect(isWorkingDay(date, { region: 'national' })).toBe(nationally);
    expect(isWorkingDay(date)).toBe(nationally);
  });

  it.each([
    ['2025-03-28', 1, '2025-04-01', '2025-03-31'],
    ['2025-06-05', 1, '2025-06-11', '2025-06-06'],
    ['2025-05-30', 7, '2025-06-16', '2025-06-11'],
    ['2025-05-30', 20, '2025-07-03', '2025-06-30'],
  ])('%s + %i working days = %s in Xinjiang, %s nationally', (date, n, inXinjiang, nationally) => {
    expect(addWorkingDays(date, n, xinjiang)).toBe(inXinjiang);
    expect(addWorkingDays(date, n)).toBe(nationally);
  });

  it('counts 2026 in Xinjiang on the national notice alone, provisionally: no regional notice is loaded', () => {
    expect(isWorkingDay('2026-03-20')).toBe(true);
    const answer = seeded.isWorkingDay('2026-03-20', xinjiang);
    expect(answer.value).toBe(true);
    expect(missingOf(answer)).toEqual(['xinjiang:2026']);
    expect(answer.provisional?.reason).toContain(
      '缺少2026年新疆维吾尔自治区节假日安排，暂按全国节假日安排计算',
    );
  });

  it('counts from late 2025 into 2026 in Xinjiang with the national 2026 days, provisionally', () => {
    expect(addWorkingDays('2025-12-29', 2, xinjiang)).toBe('2025-12-31');
    const answer = seeded.addWorkingDays('2025-12-29', 3, xinjiang);
    expect(answer.value).toBe('2026-01-04');
    expect(missingOf(answer)).toEqual(['xinjiang:2026']);
    expect(addWorkingDays('2025-12-29', 3)).toBe('2026-01-04');
  });

  it('names both layers when neither has the year', () => {
    expect(missingOf(seeded.isWorkingDay('2027-03-01', xinjiang))).toEqual([
      'national:2027',
      'xinjiang:2027',
    ]);
  });
});
