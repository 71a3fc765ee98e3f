import * as calendar from '@lep/calendar';

// What other packages import: the class, the client, the provisional answer and the typed errors.
describe('@lep/calendar entry point', () => {
  it('builds a calendar from the rows the registry serves and counts provisionally past them', () => {
    const rows: calendar.CalendarYear[] = [
      {
        region: 'national',
        year: 2030,
        daysOff: ['2030-01-01'],
        makeUpWorkingDays: [],
        source: { title: '测试通知', number: null, issuedOn: null, confidence: 'official' },
      },
    ];
    const built = new calendar.WorkingDayCalendar(rows);
    expect(built.addWorkingDays('2029-12-31', 1)).toEqual({ value: '2030-01-02', provisional: null });
    expect(built.addWorkingDays('2030-12-31', 1).provisional?.missing).toEqual([
      { region: 'national', year: 2031 },
    ]);
  });

  it('throws errors that callers can tell apart and show as they are', () => {
    const error = new calendar.CalendarUnavailableError(new Error('connect ECONNREFUSED'));
    expect(error).toBeInstanceOf(calendar.CalendarError);
    expect(error.message).toBe('无法从登记服务读取节假日安排（connect ECONNREFUSED），请稍后重试');
    expect(calendar.CALENDAR_ROUTE).toBe('/api/v1/calendar');
  });
});
