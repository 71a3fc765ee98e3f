import { endOfPeriod, shiftDays } from './instants';

describe('instants in China time', () => {
  it('ends a 90-day period at midnight China time after day 90, the first day not counted', () => {
    expect(endOfPeriod('2026-01-01', 90)).toBe('2026-04-01T16:00:00.000Z');
    expect(endOfPeriod('2026-02-28', 1)).toBe('2026-03-01T16:00:00.000Z');
  });

  it('moves instants by whole days', () => {
    expect(shiftDays('2026-04-01T16:00:00.000Z', -10)).toBe('2026-03-22T16:00:00.000Z');
    expect(shiftDays('2026-04-01T16:00:00.000Z', 30)).toBe('2026-05-01T16:00:00.000Z');
  });
});
