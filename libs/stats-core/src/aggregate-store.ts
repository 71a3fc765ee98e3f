import type { CloudEvent } from '@lep/contracts';
import { Contribution, contributionsOf } from './contributions';
import { MalformedEventError } from './periods';

/** Anything that runs parameterised SQL: a TypeORM EntityManager or QueryRunner, a pg Client. */
export interface SqlRunner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- both TypeORM and pg return untyped rows
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * Keeps a consumed event in the event log (the source of a rebuild, independent of Kafka retention) and adds
 * its contributions to the figures. Call it inside the transaction that marks the event consumed.
 */
export async function recordAndApply(runner: SqlRunner, event: CloudEvent): Promise<Contribution[]> {
  let contributions: Contribution[];
  try {
    contributions = contributionsOf(event);
  } catch (error) {
    // contributionsOf reads only the event: whatever it trips on is in the event and will be there every retry.
    if (error instanceof MalformedEventError) throw error;
    throw new MalformedEventError(`${event.type}: ${(error as Error).message}`);
  }
  const years = [...new Set(contributions.map((contribution) => contribution.year))];
  await runner.query(
    `INSERT INTO event_log (event_id, type, years, event) VALUES ($1, $2, $3, $4)
     ON CONFLICT (event_id) DO NOTHING`,
    [event.id, event.type, years, JSON.stringify(event)],
  );
  await addContributions(runner, contributions);
  return contributions;
}

/** Adds contributions into `sums`, one entry per figure (agency, year, month, category, metric). */
function accumulate(sums: Map<string, Contribution>, contributions: Contribution[]): void {
  for (const contribution of contributions) {
    const key = [
      contribution.agencyCode,
      contribution.year,
      contribution.month,
      contribution.category,
      contribution.metric,
    ].join('\u0000');
    const existing = sums.get(key);
    if (existing) existing.delta += contribution.delta;
    else sums.set(key, { ...contribution });
  }
}

/** Adds contributions to stat_aggregate, summed per figure first so each row is written once. */
export async function addContributions(runner: SqlRunner, contributions: Contribution[]): Promise<void> {
  if (contributions.length === 0) return;
  const summed = new Map<string, Contribution>();
  accumulate(summed, contributions);
  const rows = [...summed.values()];
  await runner.query(
    `INSERT INTO stat_aggregate (agency_code, year, month, category, metric, value)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::numeric[])
     ON CONFLICT (agency_code, year, month, category, metric)
     DO UPDATE SET value = stat_aggregate.value + EXCLUDED.value`,
    [
      rows.map((row) => row.agencyCode),
      rows.map((row) => row.year),
      rows.map((row) => row.month),
      rows.map((row) => row.category),
      rows.map((row) => row.metric),
      rows.map((row) => String(row.delta)),
    ],
  );
}

export interface RebuildProgress {
  done: number;
  total: number;
}

const REBUILD_BATCH = 2000;

/**
 * Recomputes one year's figures from the event log: deletes the year's rows and replays every logged event
 * that contributes to that year. Run it in one transaction so readers see the old or the new figures, never
 * a half-built year. Returns the number of events replayed.
 */
export async function rebuildYear(
  runner: SqlRunner,
  year: number,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<number> {
  if (!Number.isInteger(year)) throw new Error(`not a year: ${year}`);
  const [{ total }] = (await runner.query(
    `SELECT count(*)::int AS total FROM event_log WHERE $1 = ANY(years)`,
    [year],
  )) as Array<{ total: number }>;
  await runner.query(`DELETE FROM stat_aggregate WHERE year = $1`, [year]);
  // One cursor walks the year's events once in log order; paging with OFFSET or `seq >` would rescan them.
  await runner.query(
    `DECLARE stats_rebuild NO SCROLL CURSOR FOR
       SELECT event FROM event_log WHERE ${year} = ANY(years) ORDER BY seq`,
  );
  // Summed in memory (one entry per figure, however many events) and written once at the end: updating the
  // same rows batch after batch inside one transaction leaves dead row versions every later update must skip.
  const sums = new Map<string, Contribution>();
  let done = 0;
  onProgress({ done, total });
  for (;;) {
    const batch = (await runner.query(`FETCH ${REBUILD_BATCH} FROM stats_rebuild`)) as Array<{
      event: CloudEvent;
    }>;
    if (batch.length === 0) break;
    for (const row of batch) {
      accumulate(
        sums,
        contributionsOf(row.event).filter((contribution) => contribution.year === year),
      );
    }
    done += batch.length;
    onProgress({ done, total });
  }
  await addContributions(runner, [...sums.values()]);
  await runner.query(`CLOSE stats_rebuild`);
  return done;
}
