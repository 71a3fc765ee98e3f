import { chinaDateOf, endOfChinaDay } from './china-time';

describe('China time', () => {
  it.each([
    ['2026-10-09T15:59:59.999Z', '2026-10-09'],
    ['2026-10-09T16:00:00.000Z', '2026-10-10'],
    ['2026-12-31T16:30:00Z', '2027-01-01'],
    ['2026-10-09T10:00:00+08:00', '2026-10-09'],
  ])('%s falls on %s in China', (instant, date) => {
    expect(chinaDateOf(instant)).toBe(date);
    expect(chinaDateOf(Date.parse(instant))).toBe(date);
  });

  it('ends a civil day at midnight China time', () => {
    expect(endOfChinaDay('2026-10-10')).toBe('2026-10-10T16:00:00.000Z');
    expect(endOfChinaDay('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
  });
});
