import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signStaffToken } from '@lep/auth';
import { REGISTRY_EVENT_TYPES } from '@lep/contracts';
import { startServiceProcess, testPeers, useTestDatabase, type ServiceProcess } from '@lep/testing';
import { Client } from 'pg';
import { registerRegistryCommands } from '../src/commands/registry-import';
import { runProgram } from './run-program';

const AUTH = {
  secret: 'cli-registry-test-secret-at-least-32-characters',
  issuer: 'lep',
  audience: 'lep-api',
};
const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code with a correct GB 32100 check character, unique per `serial`. */
function uscc(serial: number): string {
  const body = `11659000${String(serial).padStart(9, '0')}`;
  const sum = USCC_WEIGHTS.reduce(
    (total, weight, index) => total + weight * USCC_CHARACTERS.indexOf(body[index]!),
    0,
  );
  return body + USCC_CHARACTERS[(31 - (sum % 31)) % 31];
}

let registry: ServiceProcess;
let db: Client;
let dir: string;
const token = signStaffToken({ sub: 'cli-test', agency: 'BX', roles: ['platform-admin'] }, AUTH);

// Declared before the test database, whose own afterAll drops it: jest runs afterAll hooks in order.
afterAll(async () => {
  await db?.end();
  await registry?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
interface ListVersion {
  version: number;
  publishedAt: string;
  content: { items: { code: string; category: string }[] };
}

const databaseUrl = useTestDatabase('cli_registry_import');

beforeAll(async () => {
  registry = await startServiceProcess('registry', {
    DATABASE_URL: databaseUrl(),
    KAFKA_BROKERS: testPeers().kafkaBrokers.join(','),
    AUTH_JWT_SECRET: AUTH.secret,
    AUTH_ISSUER: AUTH.issuer,
    AUTH_AUDIENCE: AUTH.audience,
  });
  db = new Client({ connectionString: databaseUrl() });
  await db.connect();
  dir = mkdtempSync(path.join(os.tmpdir(), 'lep-cli-registry-'));
}, 120_000);

const csv = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
};
const lep = (...args: string[]) =>
  runProgram(
    (program) => registerRegistryCommands(program, { LEP_TOKEN: token, LEP_REGISTRY_URL: registry.url }),
    ['registry', 'import', ...args],
  );
const count = async (sql: string, params: unknown[] = []) =>
  Number((await db.query(`SELECT count(*) AS n FROM (${sql}) AS counted`, params)).rows[0].n);
const events = (type: string) => count(`SELECT 1 FROM outbox_event WHERE event->>'type' = $1`, [type]);

describe('lep registry import against the registry service', () => {
  it('registers a file of more than 5,000 agencies listing children before their parents, once', async () => {
    const agency = (code: string, level: string, parentCode: string, serial: number) =>
      [
        code,
        `执法主体${code}`,
        level,
        parentCode,
        uscc(serial),
        '《行政处罚法》',
        '市场监管',
        'xinjiang',
        '法制科',
      ].join(',');
    const divisions = Array.from({ length: 50 }, (_, d) => `BX-D${d}`);
    const departments = divisions.flatMap((division) =>
      Array.from({ length: 103 }, (_, k) => `${division}-${k}`),
    );
    let serial = 0;
    const file = csv('agencies.csv', [
      'code,name,level,parentCode,unifiedSocialCreditCode,legalBasis,dutiesAndPowers,region,legalReviewBodyName',
      ...departments.map((code) => agency(code, 'department', code.replace(/-\d+$/, ''), (serial += 1))),
      ...divisions.map((code) => agency(code, 'division', 'BX', (serial += 1))),
      agency('BX', 'corps', '', (serial += 1)),
    ]);
    const total = departments.length + divisions.length + 1;
    expect(total).toBeGreaterThan(5000);

    const first = await lep('agencies', file);
    expect(first).toMatchObject({
      exitCode: 0,
      stdout: `已导入 ${total} 行：新增 ${total}，更新 0，未变 0\n`,
    });
    expect(await count(`SELECT 1 FROM agency`)).toBe(total);
    const parent = await db.query(`SELECT parent_code FROM agency WHERE code = 'BX-D49-102'`);
    expect(parent.rows).toEqual([{ parent_code: 'BX-D49' }]);
    expect(await events(REGISTRY_EVENT_TYPES.agencyChanged)).toBe(total);

    const again = await lep('agencies', file);
    expect(again).toMatchObject({
      exitCode: 0,
      stdout: `已导入 ${total} 行：新增 0，更新 0，未变 ${total}\n`,
    });
    expect(await events(REGISTRY_EVENT_TYPES.agencyChanged)).toBe(total);
  }, 600_000);

  describe('items', () => {
    const HEADER =
      '执法主体代码,事项编码,事项名称,事项类别,实施依据,办理程序,法定办结时限,承诺办结时限,服务指南';
    const line = (code: string, category = '行政处罚', days = '90') =>
      `BX,${code},事项${code},${category},"《食品安全法》第一百二十四条",立案、调查、决定,${days},,`;
    const published = () => events(REGISTRY_EVENT_TYPES.itemListPublished);
    const current = async (asOf?: string) => {
      const response = await fetch(
        `${registry.url}/api/v1/agencies/BX/enforcement-items${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
      );
      return { status: response.status, body: (await response.json()) as ListVersion };
    };

    it('reports every bad line of a file with Chinese headers by number, and publishes nothing', async () => {
      const file = csv('items-bad.csv', [
        HEADER,
        line('CF-1'),
        line('CF-2', '行政奖励'),
        line('CF-3', '行政处罚', '九十'),
        line('CF-1'),
        'BX,CF-5',
      ]);
      const run = await lep('items', file);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain(
        [
          '第 3 行：字段 category 应为 行政许可、行政处罚、行政强制、行政检查、行政征收征用、行政确认、其他行政行为 之一（或其英文名），实为“行政奖励”',
          '第 4 行：字段 statutoryWorkingDays 必须是整数',
          '第 5 行：agencyCode+code “BX/CF-1”与第 2 行重复',
          '第 6 行：有 2 列，表头有 9 列',
        ].join('\n'),
      );
      expect(run.stderr).toContain('校验未通过：4 处错误，未写入任何数据');
      expect((await current()).status).toBe(404);
      expect(await published()).toBe(0);
    });

    it('publishes a version, re-imports without a new one, and keeps the old version readable after a change', async () => {
      const lines = [HEADER, line('CF-1'), line('XK-1', '行政许可', '20'), line('JC-1', 'inspection', '15')];
      const first = await lep('items', csv('items.csv', lines));
      expect(first).toMatchObject({ exitCode: 0, stdout: '已导入 3 行：新增 3，更新 0，未变 0\n' });
      const v1 = (await current()).body;
      expect(v1.version).toBe(1);
      expect(v1.content.items.map((item) => item.category)).toEqual(['penalty', 'licensing', 'inspection']);

      const again = await lep('items', csv('items.csv', lines));
      expect(again.stdout).toBe('已导入 3 行：新增 0，更新 0，未变 3\n');
      expect((await current()).body.version).toBe(1);
      expect(await published()).toBe(1);

      const changed = await lep('items', csv('items-2.csv', [HEADER, line('CF-1', '行政处罚', '60')]));
      expect(changed.stdout).toBe('已导入 1 行：新增 0，更新 1，未变 0\n');
      expect((await current()).body).toMatchObject({ version: 2 });
      const old = await current(v1.publishedAt);
      expect(old.body).toEqual(v1);
      expect(await published()).toBe(2);
    });
  });
});
