import type { CalendarRegion, CalendarYear } from './calendar-year';
import { InvalidCalendarYearError, InvalidWorkingDayCountError, UnknownCalendarRegionError } from './errors';
import { calendarYearProblems, WorkingDayCalendar } from './working-day-calendar';

function year(
  region: CalendarRegion,
  number: number,
  daysOff: string[],
  makeUpWorkingDays: string[] = [],
): CalendarYear {
  return {
    region,
    year: number,
    daysOff,
    makeUpWorkingDays,
    source: { title: '测试通知', number: null, issuedOn: null, confidence: 'official' },
  };
}

// 2030: New Year's Day (Tue) off, Sat 5 Jan worked; Xinjiang closes Mon 4 Mar.
const NATIONAL_2030 = year('national', 2030, ['2030-01-01'], ['2030-01-05']);
const XINJIANG_2030 = year('xinjiang', 2030, ['2030-03-04']);

describe('WorkingDayCalendar counts on the loaded years', () => {
  const calendar = new WorkingDayCalendar([NATIONAL_2030, XINJIANG_2030]);

  it('applies days off and make-up working days, the decision day not counted', () => {
    expect(calendar.isWorkingDay('2030-01-01')).toEqual({ value: false, provisional: null });
    expect(calendar.isWorkingDay('2030-01-05')).toEqual({ value: true, provisional: null });
    // 31 Dec 2029 is not examined: counting starts the day after.
    expect(calendar.addWorkingDays('2029-12-31', 1).value).toBe('2030-01-02');
    expect(calendar.addWorkingDays('2030-01-03', 2)).toEqual({ value: '2030-01-05', provisional: null });
    expect(calendar.addWorkingDays('2030-01-03', 0).value).toBe('2030-01-03');
    expect(calendar.nextWorkingDay('2030-01-04').value).toBe('2030-01-05');
  });

  it('adds the regional layer on top of the national one for that region only', () => {
    expect(calendar.isWorkingDay('2030-03-04', { region: 'xinjiang' }).value).toBe(false);
    expect(calendar.isWorkingDay('2030-03-04').value).toBe(true);
    expect(calendar.addWorkingDays('2030-03-01', 1, { region: 'xinjiang' }).value).toBe('2030-03-05');
  });

  it('lets a regional day off close a national make-up working day', () => {
    const closed = new WorkingDayCalendar([
      year('national', 2031, [], ['2031-03-01']),
      year('xinjiang', 2031, ['2031-03-01']),
    ]);
    expect(closed.isWorkingDay('2031-03-01').value).toBe(true);
    expect(closed.isWorkingDay('2031-03-01', { region: 'xinjiang' }).value).toBe(false);
  });

  it('counts working days between two dates, inverse of addWorkingDays, negative backwards', () => {
    expect(calendar.workingDaysBetween('2029-12-31', '2030-01-07').value).toBe(5);
    expect(calendar.workingDaysBetween('2030-01-07', '2029-12-31').value).toBe(-5);
    const end = calendar.addWorkingDays('2030-02-20', 20, { region: 'xinjiang' }).value;
    expect(calendar.workingDaysBetween('2030-02-20', end, { region: 'xinjiang' }).value).toBe(20);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the count %p', (n) => {
    expect(() => calendar.addWorkingDays('2030-03-03', n)).toThrow(InvalidWorkingDayCountError);
  });

  it('refuses an unknown region and an invalid date', () => {
    expect(() => calendar.isWorkingDay('2030-03-04', { region: 'XJ' as CalendarRegion })).toThrow(
      '节假日区域“XJ”无效',
    );
    expect(() => calendar.addWorkingDays('2030-02-30', 1)).toThrow('日期“2030-02-30”无效');
  });
});

describe('a year that is not loaded: never a hang, never a guess', () => {
  const calendar = new WorkingDayCalendar([NATIONAL_2030]);

  it('counts a missing regional year on the national days and says so', () => {
    const answer = calendar.addWorkingDays('2030-03-01', 1, { region: 'xinjiang' });
    expect(answer.value).toBe('2030-03-04');
    expect(answer.provisional).toEqual({
      missing: [{ region: 'xinjiang', year: 2030 }],
      reason:
        '缺少2030年新疆维吾尔自治区节假日安排，暂按全国节假日安排计算（未计入该地区的节假日）。结果为暂定，录入该年度放假安排后重新计算',
    });
  });

  it('counts a missing national year on weekends alone, naming every missing layer once', () => {
    const answer = calendar.addWorkingDays('2030-12-27', 7, { region: 'xinjiang' });
    // 30, 31 Dec 2030 (xinjiang 2030 missing), then 1–3, 6, 7 Jan 2031 with neither layer loaded.
    expect(answer.value).toBe('2031-01-07');
    expect(answer.provisional?.missing).toEqual(
      [
        { region: 'national', year: 2031 },
        { region: 'xinjiang', year: 2030 },
        { region: 'xinjiang', year: 2031 },
      ].sort((a, b) => a.year - b.year || a.region.localeCompare(b.region)),
    );
    expect(answer.provisional?.reason).toContain('缺少2031年全国节假日安排，暂按周六、周日休息计算');
  });

  it('is not provisional when the count stays inside loaded years', () => {
    expect(calendar.addWorkingDays('2030-12-20', 5).provisional).toBeNull();
    expect(calendar.has({ region: 'national', year: 2030 })).toBe(true);
    expect(calendar.has({ region: 'national', year: 2031 })).toBe(false);
  });
});

describe('a year is checked before it is used', () => {
  it('names the field and the rule of every problem', () => {
    const problems = calendarYearProblems(
      year(
        'national',
        2030,
        ['2030-01-01', '2030-01-06', '2031-01-01', '2030-02-30', '2030-01-01'],
        ['2030-01-07', '2030-01-05'],
      ),
    );
    expect(problems.map(({ field, rule }) => `${field} ${rule}`)).toEqual([
      'daysOff[1] weekday',
      'daysOff[2] inYear',
      'daysOff[3] date',
      'daysOff[4] unique',
      'makeUpWorkingDays[0] weekend',
    ]);
    expect(problems[0].message).toBe(
      '2030年全国节假日安排中的放假日2030-01-06是周六或周日，只需列出放假的工作日',
    );
  });

  it('refuses a day both off and worked', () => {
    expect(calendarYearProblems(year('national', 2030, ['2030-01-07'], ['2030-01-07']))).toEqual([
      expect.objectContaining({ field: 'makeUpWorkingDays[0]', rule: 'weekend' }),
      expect.objectContaining({
        field: 'makeUpWorkingDays[0]',
        message: '2030年全国节假日安排中的日期2030-01-07同时被列为放假日和调休上班日',
      }),
    ]);
  });

  it('will not build a calendar from a bad year, a year given twice or an unknown region', () => {
    expect(() => new WorkingDayCalendar([year('national', 2030, ['2031-01-01'])])).toThrow(
      InvalidCalendarYearError,
    );
    expect(() => new WorkingDayCalendar([NATIONAL_2030, NATIONAL_2030])).toThrow(
      '2030年全国节假日安排重复录入',
    );
    expect(() => new WorkingDayCalendar([year('tibet' as CalendarRegion, 2030, [])])).toThrow(
      UnknownCalendarRegionError,
    );
  });
});
