import { chinaDateOf, WorkingDayCalendar } from '@lep/calendar';
import { addMonths, disclosureWorkingDays, planDeadline } from './disclosure-deadline';

// The autumn of the 2026 national notice (docs/domain.md §6): 25 Sep and 1, 2, 5–7 Oct off, 20 Sep and 10 Oct worked.
const calendar = new WorkingDayCalendar([
  {
    region: 'national',
    year: 2026,
    daysOff: ['2026-09-25', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    makeUpWorkingDays: ['2026-09-20', '2026-10-10'],
    source: {
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      number: null,
      issuedOn: null,
      confidence: 'official-copy',
    },
  },
]);

describe('disclosure deadlines (domain.md P7)', () => {
  it('gives licensing and penalty 7 working days and everything else 20', () => {
    expect(disclosureWorkingDays('penalty')).toBe(7);
    expect(disclosureWorkingDays('licensing')).toBe(7);
    expect(disclosureWorkingDays('coercion')).toBe(20);
    expect(disclosureWorkingDays('other')).toBe(20);
  });

  it('counts from the day after the decision across National Day, warning a working day before', () => {
    expect(planDeadline(calendar, 'penalty', '2026-09-30', 'national')).toEqual({
      deadlineOn: '2026-10-15',
      warnAt: '2026-10-13T16:00:00.000Z',
      overdueAt: '2026-10-15T16:00:00.000Z',
      provisional: null,
    });
    // The make-up Saturday 2026-10-10 is day 1 for a decision of Friday 10-09: 10, 12, 13, 14, 15, 16, 19.
    expect(planDeadline(calendar, 'penalty', '2026-10-09', 'national').deadlineOn).toBe('2026-10-19');
    expect(planDeadline(calendar, 'coercion', '2026-09-30', 'national').deadlineOn).toBe('2026-11-03');
  });

  it('counts on through a year without its notice and says the deadline is provisional, and why', () => {
    const plan = planDeadline(calendar, 'penalty', '2026-12-28', 'national');
    // 29, 30, 31 Dec, then 1 (not known to be a holiday), 4, 5, 6 Jan 2027.
    expect(plan.deadlineOn).toBe('2027-01-06');
    expect(plan.provisional?.missing).toEqual([{ region: 'national', year: 2027 }]);
    const xinjiang = planDeadline(calendar, 'penalty', '2026-10-09', 'xinjiang');
    expect(xinjiang.deadlineOn).toBe('2026-10-19');
    expect(xinjiang.provisional?.reason).toContain('缺少2026年新疆维吾尔自治区节假日安排');
  });

  it('adds display months clamped to the month end, and reads Beijing dates', () => {
    expect(addMonths('2026-09-30', 12)).toBe('2027-09-30');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(chinaDateOf('2026-10-15T16:30:00Z')).toBe('2026-10-16');
  });
});
