import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

const dir = mkdtempSync(path.join(os.tmpdir(), 'lep-cli-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** No stack running here, whatever runs on this machine: the tests name every source themselves. */
const NO_STACK = { LEP_DEV_STACK_FILE: path.join(dir, 'none.json') };

const verifyWith = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  runProgram((program) => registerRecordCommands(program, env), ['record', 'verify', ...args]);
const verify = (...args: string[]) => verifyWith(NO_STACK, ...args);

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
    expect((await verifyWith({ ...NO_STACK, DATABASE_URL: databaseUrl() }, CASE_ID)).exitCode).toBe(0);
    const run = await verify(CASE_ID);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('DATABASE_URL');
  });

  it('finds the case database of the stack npm start runs here by itself', async () => {
    const file = path.join(dir, 'dev-stack.json');
    // As tools/dev-stack writes it (DevStackState); the process it names is alive (this one).
    writeFileSync(file, JSON.stringify({ pid: process.pid, databases: { 'case-api': databaseUrl() } }));
    const run = await verifyWith({ LEP_DEV_STACK_FILE: file }, CASE_ID);
    expect(run).toMatchObject({
      exitCode: 0,
      stdout: expect.stringMatching(/^OK case-AG-CLI\.CLI-001 共 3 条记录/),
    });
    // A stack that was killed outright leaves its file behind; it is not taken for a running one.
    writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 1, databases: { 'case-api': databaseUrl() } }));
    expect((await verifyWith({ LEP_DEV_STACK_FILE: file }, CASE_ID)).exitCode).toBe(2);
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
