import { calendarYearProblems } from '@lep/calendar';
import { SEED_NOTICES } from './seed-notices';

// Guards the transcription of the notices in domain.md §6: a typo usually moves a date onto the wrong kind of day.
describe('bundled holiday notices', () => {
  it('covers national 2025 and 2026 and Xinjiang 2025 only (no guessed Eid dates for 2026)', () => {
    const layers = SEED_NOTICES.map(({ region, year }) => `${region}:${year}`);
    expect(layers.sort()).toEqual(['national:2025', 'national:2026', 'xinjiang:2025']);
  });

  it.each(SEED_NOTICES.map((row) => [`${row.region} ${row.year}`, row] as const))(
    '%s lists weekdays off and weekend make-up days, sorted and without duplicates, with a source',
    (_label, row) => {
      expect(calendarYearProblems(row)).toEqual([]);
      for (const dates of [row.daysOff, row.makeUpWorkingDays]) expect([...dates].sort()).toEqual(dates);
      expect(row.source.title).toMatch(/通知/);
    },
  );

  it('has the number of weekdays off and make-up days of each notice', () => {
    const counts = SEED_NOTICES.map((row) => [
      `${row.region}:${row.year}`,
      row.daysOff.length,
      row.makeUpWorkingDays.length,
    ]);
    expect(counts).toEqual([
      ['national:2025', 18, 5],
      ['national:2026', 19, 6],
      ['xinjiang:2025', 4, 0],
    ]);
  });
});
