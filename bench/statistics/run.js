// Statistics benchmark. Build first (`npm run build`), then: node bench/statistics/run.js [decisions=1000000]
// Uses TEST_DATABASE_URL when set, else an embedded PostgreSQL. Loads N decision events into the event log
// (generated in SQL), then times, in the same run and over the same rows:
//   1. aggregation: `lep stats rebuild` (rebuildYear: every event through contributionsOf into stat_aggregate);
//   2. the report: figures of the root agency rolled up over the tree, laid out as the annual report;
//   3. the bare SQL aggregate: GROUP BY agency and category straight over the event log's JSON.
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { startPostgres, createDatabase, dropDatabase } = require('../../libs/testing/dist');
const { rebuildYear } = require('../../libs/stats-core/dist');
const { STATISTICS_MIGRATIONS } = require('../../services/statistics/dist/statistics-domain');
const { buildReportContent } = require('../../services/statistics/dist/reports/report-content');

const DECISIONS = Number(process.argv[2] ?? 1_000_000);
const AGENCIES = 40;
const YEAR = 2026;

async function timed(label, work) {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
  return { ms, result };
}

async function main() {
  const server = await startPostgres(process.env.TEST_DATABASE_URL);
  const url = await createDatabase(server.url, 'bench_statistics');
  const client = new Client({ connectionString: url });
  await client.connect();
  const runner = { query: async (sql, params) => (await client.query(sql, params)).rows };
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS migrations (id int)`);
    for (const Migration of STATISTICS_MIGRATIONS) await new Migration().up(runner);
    // 兵团 → 4 师市 → 9 departments each.
    await client.query(
      `INSERT INTO stat_agency (code, name, level, parent_code)
       SELECT 'A' || i, '执法主体' || i, CASE WHEN i = 0 THEN '兵团本级' WHEN i <= 4 THEN '师市' ELSE '部门' END,
              CASE WHEN i = 0 THEN NULL WHEN i <= 4 THEN 'A0' ELSE 'A' || (1 + (i - 5) % 4) END
         FROM generate_series(0, $1 - 1) AS i`,
      [AGENCIES],
    );
    await timed(`load ${DECISIONS} decision events (SQL)`, () =>
      client.query(
        `INSERT INTO event_log (event_id, type, years, event)
         SELECT 'e' || i, 'cn.lep.case.decision.made.v1', ARRAY[${YEAR}],
           jsonb_build_object('id', 'e' || i, 'type', 'cn.lep.case.decision.made.v1', 'time', '${YEAR}-06-01T00:00:00Z',
             'data', jsonb_build_object(
               'agencyCode', 'A' || (i % $2), 'decisionId', 'd' || i, 'caseId', 'c' || i,
               'category', CASE WHEN i % 3 = 0 THEN 'licensing' ELSE 'penalty' END,
               'decidedOn', to_char(date '${YEAR}-01-01' + (i % 365), 'YYYY-MM-DD'),
               'major', i % 10 = 0,
               'licensing', CASE WHEN i % 3 = 0 THEN jsonb_build_object('granted', i % 7 <> 0) END,
               'penalty', CASE WHEN i % 3 <> 0 THEN jsonb_build_object(
                 'penaltyKinds', CASE i % 4 WHEN 0 THEN '["警告"]'::jsonb WHEN 1 THEN '["警告","罚款"]'::jsonb
                                   WHEN 2 THEN '["罚款","没收违法所得"]'::jsonb ELSE '["吊销许可证件","罚款"]'::jsonb END,
                 'fineYuan', (i % 50) * 100) END))
           FROM generate_series(1, $1) AS i`,
        [DECISIONS, AGENCIES],
      ),
    );
    await client.query('ANALYZE');

    const aggregation = await timed('aggregation (lep stats rebuild)', async () => {
      await client.query('BEGIN');
      const replayed = await rebuildYear(runner, YEAR);
      await client.query('COMMIT');
      return replayed;
    });
    const report = await timed('report from the aggregates (rolled up)', async () => {
      const agencies = (
        await client.query(
          `WITH RECURSIVE tree(code) AS (SELECT 'A0'::text UNION SELECT a.code FROM stat_agency a JOIN tree t ON a.parent_code = t.code)
           SELECT code FROM tree`,
        )
      ).rows.map((row) => row.code);
      const rows = (
        await client.query(
          `SELECT category, metric, sum(value) AS value FROM stat_aggregate
            WHERE agency_code = ANY($1) AND year = $2 GROUP BY category, metric`,
          [agencies, YEAR],
        )
      ).rows;
      const byCategory = {};
      for (const row of rows) (byCategory[row.category] ??= {})[row.metric] = Number(row.value);
      return buildReportContent(
        { agencyCode: 'A0', agencyName: '执法主体0', level: '兵团本级', year: YEAR, agencies },
        byCategory,
      );
    });
    const bare = await timed('bare SQL aggregate over the event log', () =>
      client.query(
        `SELECT event->'data'->>'agencyCode' AS agency, event->'data'->>'category' AS category, count(*),
                sum((event->'data'->'penalty'->>'fineYuan')::numeric) AS fines
           FROM event_log WHERE ${YEAR} = ANY(years) GROUP BY 1, 2`,
      ),
    );

    const decided = report.result.sections[1].rows.find((row) => row.label === '处罚决定合计（件）').value;
    const bareDecided = bare.result.rows
      .filter((row) => row.category === 'penalty')
      .reduce((sum, row) => sum + Number(row.count), 0);
    console.log(
      `events replayed ${aggregation.result}; penalty decisions: report ${decided}, bare SQL ${bareDecided}`,
    );
    console.log(`aggregation / bare SQL: ${(aggregation.ms / bare.ms).toFixed(1)}x`);
    console.log(`report / bare SQL:      ${(report.ms / bare.ms).toFixed(4)}x`);
    if (decided !== bareDecided) throw new Error('the report and the bare aggregate disagree');
  } finally {
    await client.end();
    await dropDatabase(url);
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
