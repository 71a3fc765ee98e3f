import { appendAudit, MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@lep/nest-kit';
import { runMigrations, useTestDatabase } from '@lep/testing';
import type { DataSource } from 'typeorm';
import { registerAuditCommands } from '../src/commands/audit';
import { runProgram } from './run-program';

const databaseUrl = useTestDatabase('cli_audit');
let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await runMigrations({
    type: 'postgres',
    url: databaseUrl(),
    entities: MESSAGING_ENTITIES,
    migrations: MESSAGING_MIGRATIONS,
    migrationsTableName: 'lep_migrations',
  });
  for (const [status, outcome] of [
    [201, 'applied'],
    [401, 'denied'],
    [409, 'refused'],
  ] as const)
    await appendAudit(dataSource, {
      at: '2026-10-09T02:00:00.000Z',
      outcome,
      method: 'POST',
      path: '/api/v1/cases',
      status,
      actor: { kind: 'staff', subject: 'officer-1', agencyCode: 'BT01', roles: ['handler'] },
    });
});

afterAll(() => dataSource.destroy());

const verify = (...args: string[]) => runProgram(registerAuditCommands, ['audit', 'verify', ...args]);

describe('lep audit verify', () => {
  it('prints OK with the length and head hash of an intact log', async () => {
    const [head] = await dataSource.query(`SELECT hash FROM audit_entry ORDER BY sequence DESC LIMIT 1`);
    expect(await verify('--database-url', databaseUrl())).toEqual({
      stdout: `OK 审计日志共 3 条，链头哈希 ${head.hash}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('names the first entry someone altered and exits 1', async () => {
    await dataSource.query(
      `UPDATE audit_entry SET content = jsonb_set(content, '{outcome}', '"applied"') WHERE sequence = 2`,
    );
    const run = await verify('--database-url', databaseUrl());
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('审计日志校验失败：第 2 条内容与哈希不符（日志内容被改动）（共 3 条）');
  });

  it('exits 2 when told no database', async () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      expect((await runProgram(registerAuditCommands, ['audit', 'verify'])).exitCode).toBe(2);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });
});
