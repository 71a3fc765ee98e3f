import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signStaffToken } from '@lep/auth';
import { REGISTRY_EVENT_TYPES } from '@lep/contracts';
import { startServiceProcess, testPeers, useTestDatabase, type ServiceProcess } from '@lep/testing';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
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

  describe('files as Excel and WPS on Chinese Windows save them', () => {
    const written = (name: string, bytes: Buffer) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };
    const TARGETS_HEADER = '执法主体代码,检查对象编码,检查对象名称,检查对象类别,是否在库';
    const PERSONNEL_HEADER = [
      '执法主体代码',
      '姓名',
      '角色',
      '执法证号',
      '发证日期',
      '有效期至',
      '资格取得方式',
      '执法区域及类别',
    ];

    it('imports a GB18030 CSV ("CSV（逗号分隔）") with Chinese names and addresses as they were written', async () => {
      const lines = [
        TARGETS_HEADER,
        'BX,GB-1,"乌鲁木齐市天山区解放北路 88 号欧阳娜娜餐饮店",餐饮服务,是',
        'BX,GB-2,石河子市北四路 12 号𠮷祥超市（连锁）,食品销售,否',
      ];
      const file = written('检查对象.csv', iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
      const run = await lep('targets', file);
      expect(run).toMatchObject({ exitCode: 0, stdout: '已导入 2 行：新增 2，更新 0，未变 0\n' });
      const stored = await db.query(
        `SELECT code, name, category, active FROM inspection_target WHERE code LIKE 'GB-%' ORDER BY code`,
      );
      expect(stored.rows).toEqual([
        {
          code: 'GB-1',
          name: '乌鲁木齐市天山区解放北路 88 号欧阳娜娜餐饮店',
          category: '餐饮服务',
          active: true,
        },
        { code: 'GB-2', name: '石河子市北四路 12 号𠮷祥超市（连锁）', category: '食品销售', active: false },
      ]);
    });

    it('imports a UTF-8 CSV with the byte-order mark of "CSV UTF-8（逗号分隔）"', async () => {
      const lines = [
        PERSONNEL_HEADER.join(','),
        'BX,欧阳娜娜,handler,BOM-1,2024-01-01,2099-12-31,exam-passed,"市场监管,食品安全"',
      ];
      const file = written('人员-utf8.csv', Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n'));
      expect((await lep('personnel', file)).exitCode).toBe(0);
      const stored = await db.query(`SELECT name, scope FROM personnel WHERE certificate_number = 'BOM-1'`);
      expect(stored.rows).toEqual([{ name: '欧阳娜娜', scope: '市场监管,食品安全' }]);
    });

    it('imports the first sheet of an .xlsx, with date cells as dates', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('执法人员');
      sheet.addRow(PERSONNEL_HEADER);
      sheet.addRow([
        'BX',
        '刘𠮷',
        'handler;legal-reviewer',
        'XL-1',
        new Date(Date.UTC(2024, 2, 1)),
        new Date(Date.UTC(2030, 1, 28)),
        'exam-passed',
        '兵团第八师',
      ]);
      const file = path.join(dir, '执法人员.xlsx');
      await book.xlsx.writeFile(file);
      expect(await lep('personnel', file)).toMatchObject({
        exitCode: 0,
        stdout: '已导入 1 行：新增 1，更新 0，未变 0\n',
      });
      const stored = await db.query(
        `SELECT name, roles, certificate_issued_on::text AS issued, certificate_expires_on::text AS expires
           FROM personnel WHERE certificate_number = 'XL-1'`,
      );
      expect(stored.rows).toEqual([
        { name: '刘𠮷', roles: ['handler', 'legal-reviewer'], issued: '2024-03-01', expires: '2030-02-28' },
      ]);
    });

    it('reports a bad .xlsx row by its row number, and writes nothing', async () => {
      const before = await count(`SELECT 1 FROM personnel`);
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('执法人员');
      sheet.addRow(PERSONNEL_HEADER);
      sheet.addRow([
        'BX',
        '张三',
        'handler',
        'XL-2',
        '2024-03-01',
        '2030-02-28',
        'exam-passed',
        '兵团第八师',
      ]);
      sheet.getRow(5).values = [
        'BX',
        '李四',
        'boss',
        'XL-3',
        '2024-03-01',
        '2030-02-28',
        'exam-passed',
        '兵团第八师',
      ];
      const file = path.join(dir, '执法人员-错误.xlsx');
      await book.xlsx.writeFile(file);
      const run = await lep('personnel', file);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toMatch(/第 5 行：.*roles.*boss/);
      expect(run.stderr).toContain('校验未通过：1 处错误，未写入任何数据');
      expect(await count(`SELECT 1 FROM personnel`)).toBe(before);
    });

    it('refuses a file that is neither UTF-8 nor GB18030, naming it and the rule, and changes nothing', async () => {
      const before = await count(`SELECT 1 FROM inspection_target`);
      const eventsBefore = await count(`SELECT 1 FROM outbox_event`);
      // Excel's "Unicode 文本": UTF-16LE with a byte-order mark.
      const lines = [TARGETS_HEADER, 'BX,U16-1,某某商店,零售,是'];
      const file = written('检查对象-unicode.csv', Buffer.from('\ufeff' + lines.join('\r\n'), 'utf16le'));
      const run = await lep('targets', file);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain(
        '文件 检查对象-unicode.csv 无法识别编码：CSV 文件应为 UTF-8（可带 BOM）或 GB18030',
      );
      expect(run.stderr).toContain('（IMPORT_FILE_ENCODING）');
      expect(await count(`SELECT 1 FROM inspection_target`)).toBe(before);
      expect(await count(`SELECT 1 FROM outbox_event`)).toBe(eventsBefore);
    });
  });
});
