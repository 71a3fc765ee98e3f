import type { Command } from 'commander';
import { rebuildYear, RebuildProgress } from '@lep/stats-core';
import { Client as PgClient } from 'pg';

const BAR_WIDTH = 30;

/** `[#####.....] 1200/4000 events` on one line, redrawn in place. */
export function progressLine({ done, total }: RebuildProgress): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} 个事件`;
}

/**
 * Recomputes one year's figures from the statistics service's event log in one transaction, so the service
 * keeps serving the old figures until the new ones are complete.
 */
export async function rebuildStatistics(
  databaseUrl: string,
  year: number,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<number> {
  const client = new PgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // The live consumer adds to the same rows: lock it out for the rebuild, or its additions would be lost.
    await client.query('LOCK TABLE stat_aggregate IN EXCLUSIVE MODE');
    const replayed = await rebuildYear(
      { query: async (sql, params) => (await client.query(sql, params as unknown[])).rows },
      year,
      onProgress,
    );
    await client.query('COMMIT');
    return replayed;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

export function registerStatsCommands(
  program: Command,
  databaseUrl: () => string | undefined = () => process.env.DATABASE_URL,
  print: (text: string) => void = (text) => console.log(text),
  stderr: NodeJS.WritableStream = process.stderr,
): void {
  const stats = program.command('stats').description('执法统计运维 (statistics operations)');
  stats
    .command('rebuild')
    .description(
      '根据事件日志重新计算某一年度的统计数据 (recompute a year of figures from the event log; ' +
        'uses DATABASE_URL of the statistics service)',
    )
    .requiredOption('--year <YYYY>', 'the year to recompute')
    .action(async (options: { year: string }) => {
      if (!/^\d{4}$/.test(options.year))
        program.error(`--year must be a year such as 2026, got "${options.year}"`);
      const url = databaseUrl();
      if (!url) program.error('DATABASE_URL is not set (use the statistics service environment)');
      const replayed = await rebuildStatistics(url as string, Number(options.year), (progress) => {
        stderr.write(`\r${progressLine(progress)}`);
      });
      stderr.write('\n');
      print(`${options.year} 年度统计已重算：重放 ${replayed} 个事件`);
    });
}
