import { Writable } from 'node:stream';
import { Command } from 'commander';
import { registerStatsCommands } from '../../../tools/cli/src/commands/stats';
import { scriptedEvents } from './support/scenario';
import { useStatisticsApp } from './support/statistics-app';

interface FigureRow {
  agency_code: string;
  year: number;
  month: number;
  category: string;
  metric: string;
  value: string;
}

describe('npx lep stats rebuild', () => {
  const statistics = useStatisticsApp('stat_rebuild');

  const figures = (year: number): Promise<FigureRow[]> =>
    statistics().dataSource.query(
      `SELECT agency_code, year, month, category, metric, value::text AS value FROM stat_aggregate
        WHERE year = $1 ORDER BY agency_code, month, category, metric`,
      [year],
    );

  const run = async (...args: string[]) => {
    const printed: string[] = [];
    let progress = '';
    const stderr = new Writable({
      write(chunk, _encoding, done) {
        progress += String(chunk);
        done();
      },
    });
    const program = new Command('lep').exitOverride();
    registerStatsCommands(
      program,
      () => statistics().databaseUrl,
      (text) => printed.push(text),
      stderr,
    );
    await program.parseAsync(['stats', 'rebuild', ...args], { from: 'user' });
    return { output: printed.join('\n'), progress };
  };

  beforeAll(async () => {
    // Every event twice: the live path counts redeliveries once, and so must the rebuild.
    for (const event of scriptedEvents()) {
      await statistics().deliver(event);
      await statistics().deliver(event);
    }
  });

  it('recomputes a year from the event log to exactly the figures the live path produced', async () => {
    const live2026 = await figures(2026);
    const live2025 = await figures(2025);
    expect(live2026.length).toBeGreaterThan(20);
    // Damage the year as a bug or a manual edit would, then rebuild it.
    await statistics().dataSource.query(
      `UPDATE stat_aggregate SET value = value + 7 WHERE year = 2026 AND metric = 'cases.filed'`,
    );
    await statistics().dataSource.query(
      `DELETE FROM stat_aggregate WHERE year = 2026 AND metric LIKE 'penalty.%'`,
    );
    await statistics().dataSource.query(
      `INSERT INTO stat_aggregate VALUES ('XJBT-01', 2026, 7, 'penalty', 'penalty.fine-yuan', 999)`,
    );
    expect(await figures(2026)).not.toEqual(live2026);

    const { output, progress } = await run('--year', '2026');

    expect(await figures(2026)).toEqual(live2026);
    expect(await figures(2025)).toEqual(live2025);
    expect(output).toContain('2026 年度统计已重算');
    expect(progress).toMatch(/\[#{30}\] (\d+)\/\1 个事件/);
  });

  it('rebuilds the year before without touching this one', async () => {
    const live2026 = await figures(2026);
    const live2025 = await figures(2025);
    await statistics().dataSource.query(`DELETE FROM stat_aggregate WHERE year = 2025`);
    const { output } = await run('--year', '2025');
    expect(output).toContain('重放 2 个事件');
    expect(await figures(2025)).toEqual(live2025);
    expect(await figures(2026)).toEqual(live2026);
  });

  it('refuses a year that is not one', async () => {
    await expect(run('--year', '26')).rejects.toThrow('--year must be a year');
  });
});
