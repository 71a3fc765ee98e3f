import { CASE_STORE_ENTITIES, CASE_STORE_MIGRATIONS } from '@lep/case-store';
import { nextLink, type ChainLink } from '@lep/hash-chain';
import { runMigrations, useTestDatabase } from '@lep/testing';
import type { DataSource } from 'typeorm';
import { registerRecordCommands } from '../src/commands/record';
import { runProgram } from './run-program';

const databaseUrl = useTestDatabase('cli_record');
const CASE_ID = 'case-AG-CLI.CLI-001';
let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await runMigrations({
    type: 'postgres',
    url: databaseUrl(),
    entities: CASE_STORE_ENTITIES,
    migrations: CASE_STORE_MIGRATIONS,
  });
  // Written link by link as the worker's case step does, without a case index row: the command needs none.
  let previous: ChainLink<unknown> | undefined;
  for (const title of ['立案', '询问笔录', '现场检查笔录']) {
    const entry = { at: '2026-10-09T02:00:00.000Z', actor: { id: 'officer-1', role: 'handler' }, title };
    const link = nextLink(previous, entry);
    await dataSource.query(
      `INSERT INTO case_record_entry (case_id, sequence, entry_key, content, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [CASE_ID, link.sequence, `step-${link.sequence}`, JSON.stringify(entry), link.previousHash, link.hash],
    );
    previous = link;
  }
});

afterAll(() => dataSource.destroy());

const verify = (...args: string[]) => runProgram(registerRecordCommands, ['record', 'verify', ...args]);

describe('lep record verify', () => {
  it('prints OK with the length and head hash of an intact record', async () => {
    const rows: { hash: string }[] = await dataSource.query(
      `SELECT hash FROM case_record_entry WHERE case_id = $1 ORDER BY sequence DESC LIMIT 1`,
      [CASE_ID],
    );
    const run = await verify(CASE_ID, '--database-url', databaseUrl());
    expect(run).toEqual({
      stdout: `OK ${CASE_ID} 共 3 条记录，链头哈希 ${rows[0].hash}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('reads DATABASE_URL when no flag is given, and says so when neither is set', async () => {
    const saved = process.env.DATABASE_URL;
    try {
      process.env.DATABASE_URL = databaseUrl();
      expect((await verify(CASE_ID)).exitCode).toBe(0);
      delete process.env.DATABASE_URL;
      const run = await verify(CASE_ID);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain('DATABASE_URL');
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });

  it('exits 2 for a case without a record', async () => {
    const run = await verify('case-AG-CLI.NONE', '--database-url', databaseUrl());
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('没有执法全过程记录');
  });

  it('names the first altered entry and exits 1', async () => {
    await dataSource.query(
      `UPDATE case_record_entry SET content = jsonb_set(content, '{title}', '"撤案"') WHERE case_id = $1 AND sequence = 2`,
      [CASE_ID],
    );
    const run = await verify(CASE_ID, '--database-url', databaseUrl());
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${CASE_ID} 第 2 条记录内容与哈希不符`);
  });
});
