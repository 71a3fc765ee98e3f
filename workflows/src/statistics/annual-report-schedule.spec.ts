import { reportYearOf } from './annual-report-schedule.workflow';

describe('the year a scheduled annual report covers', () => {
  it('is the previous year in China time, whatever the UTC date', () => {
    // 1 January 2027 00:05 in China is still 31 December 2026 in UTC.
    expect(reportYearOf(Date.parse('2026-12-31T16:05:00Z'))).toBe(2026);
    expect(reportYearOf(Date.parse('2026-12-31T15:59:59Z'))).toBe(2025);
    expect(reportYearOf(Date.parse('2027-01-04T01:00:00Z'))).toBe(2026);
  });
});
