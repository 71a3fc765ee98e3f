import { chinaDateOf, seedCalendar } from '@lep/calendar';
import { addMonths, disclosureWorkingDays, planDeadline } from './disclosure-deadline';

describe('disclosure deadlines (DOMAIN P7)', () => {
  it('gives licensing and penalty 7 working days and everything else 20', () => {
    expect(disclosureWorkingDays('penalty')).toBe(7);
    expect(disclosureWorkingDays('licensing')).toBe(7);
    expect(disclosureWorkingDays('coercion')).toBe(20);
    expect(disclosureWorkingDays('other')).toBe(20);
  });

  it('counts from the day after the decision across National Day, warning a working day before', () => {
    expect(planDeadline(seedCalendar, 'penalty', '2026-09-30', 'national')).toEqual({
      deadlineOn: '2026-10-15',
      warnAt: '2026-10-13T16:00:00.000Z',
      overdueAt: '2026-10-15T16:00:00.000Z',
    });
    // The make-up Saturday 2026-10-10 is day 1 for a decision of Friday 10-09: 10, 12, 13, 14, 15, 16, 19.
    expect(planDeadline(seedCalendar, 'penalty', '2026-10-09', 'national').deadlineOn).toBe('2026-10-19');
    expect(planDeadline(seedCalendar, 'coercion', '2026-09-30', 'national').deadlineOn).toBe('2026-11-03');
  });

  it('refuses a year without holiday data instead of guessing', () => {
    expect(() => planDeadline(seedCalendar, 'penalty', '2026-12-28', 'national')).toThrow(/2027年/);
    expect(() => planDeadline(seedCalendar, 'penalty', '2026-03-02', 'xinjiang')).toThrow(/2026年新疆/);
  });

  it('adds display months clamped to the month end, and reads Beijing dates', () => {
    expect(addMonths('2026-09-30', 12)).toBe('2027-09-30');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(chinaDateOf('2026-10-15T16:30:00Z')).toBe('2026-10-16');
  });
});
