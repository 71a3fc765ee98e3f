import { compileSpec } from './schedule-spec';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const one = (start: number) => [{ start, end: start, step: 1 }];

describe('schedule spec', () => {
  it('reads a calendar in Asia/Shanghai: 1 January 00:05 China time is 16:05 UTC the day before', () => {
    const spec = compileSpec({
      structuredCalendar: [{ month: one(1), dayOfMonth: one(1), hour: one(0), minute: one(5) }],
      timezoneName: 'Asia/Shanghai',
    });
    expect(iso(spec.next(at('2026-06-01T00:00:00Z')))).toBe('2026-12-31T16:05:00.000Z');
    expect(iso(spec.next(at('2026-12-31T16:05:00Z')))).toBe('2027-12-31T16:05:00.000Z');
    expect(iso(spec.next(at('2026-12-31T16:04:59Z')))).toBe('2026-12-31T16:05:00.000Z');
  });

  it('defaults to UTC, second/minute/hour 0 and every day, month and year', () => {
    const spec = compileSpec({ structuredCalendar: [{ hour: one(9) }] });
    expect(iso(spec.next(at('2026-03-01T09:00:00Z')))).toBe('2026-03-02T09:00:00.000Z');
    expect(iso(spec.next(at('2026-02-28T10:00:00Z')))).toBe('2026-03-01T09:00:00.000Z');
  });

  it('needs both the day of month and the day of week, and honours ranges with a step', () => {
    // Friday the 13th, at minutes 0, 20 and 40 of hour 8.
    const spec = compileSpec({
      structuredCalendar: [
        { dayOfMonth: one(13), dayOfWeek: one(5), hour: one(8), minute: [{ start: 0, end: 59, step: 20 }] },
      ],
    });
    expect(iso(spec.next(at('2026-01-01T00:00:00Z')))).toBe('2026-02-13T08:00:00.000Z');
    expect(iso(spec.next(at('2026-02-13T08:00:00Z')))).toBe('2026-02-13T08:20:00.000Z');
    expect(iso(spec.next(at('2026-02-13T08:40:00Z')))).toBe('2026-03-13T08:00:00.000Z');
  });

  it('counts intervals from the epoch plus the phase, and takes the earliest of several specs', () => {
    const spec = compileSpec({
      interval: [{ interval: { seconds: '3600' }, phase: { seconds: '900' } }],
      structuredCalendar: [{ hour: one(10), minute: one(30) }],
    });
    expect(iso(spec.next(at('2026-05-01T10:00:00Z')))).toBe('2026-05-01T10:15:00.000Z');
    expect(iso(spec.next(at('2026-05-01T10:15:00Z')))).toBe('2026-05-01T10:30:00.000Z');
    expect(iso(spec.next(at('2026-05-01T10:30:00Z')))).toBe('2026-05-01T11:15:00.000Z');
  });

  it('leaves out excluded calendar times and stays within start and end time', () => {
    const spec = compileSpec({
      structuredCalendar: [{ hour: one(12) }],
      // Every field of an excluded calendar must match, seconds included (defaults 0), as in Temporal.
      excludeStructuredCalendar: [
        {
          dayOfWeek: [
            { start: 0, end: 0, step: 1 },
            { start: 6, end: 6, step: 1 },
          ],
          hour: one(12),
        },
      ],
      startTime: { seconds: String(at('2026-11-20T00:00:00Z') / 1000) },
      endTime: { seconds: String(at('2026-11-24T00:00:00Z') / 1000) },
    });
    // 20 Nov 2026 is a Friday; the weekend is excluded; nothing after the end time.
    expect(iso(spec.next(at('2026-01-01T00:00:00Z')))).toBe('2026-11-20T12:00:00.000Z');
    expect(iso(spec.next(at('2026-11-20T12:00:00Z')))).toBe('2026-11-23T12:00:00.000Z');
    expect(spec.next(at('2026-11-23T12:00:00Z'))).toBeUndefined();
  });

  it('follows a daylight-saving zone: 09:00 in New York is 13:00 UTC in summer, 14:00 in winter', () => {
    const spec = compileSpec({ structuredCalendar: [{ hour: one(9) }], timezoneName: 'America/New_York' });
    expect(iso(spec.next(at('2026-07-01T00:00:00Z')))).toBe('2026-07-01T13:00:00.000Z');
    expect(iso(spec.next(at('2026-12-01T00:00:00Z')))).toBe('2026-12-01T14:00:00.000Z');
  });

  it('refuses an unknown time zone and cron strings with INVALID_ARGUMENT', () => {
    expect(() => compileSpec({ timezoneName: 'Mars/Olympus' })).toThrow(/unknown time zone/);
    expect(() => compileSpec({ cronString: ['0 0 * * *'] })).toThrow(/cron strings/);
  });
});
