import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runProgram } from '../../test/run-program';
import { registerRegistryCommands } from './registry-import';

interface Request {
  mode: string;
  rows: { line: number; fields: Record<string, string> }[];
}

/** A stand-in registry over real HTTP: records batches; refuses lines whose name is "坏" like the registry would. */
async function startRegistry() {
  const requests: Request[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as Request;
      requests.push(body);
      const bad = body.rows.filter((row) => row.fields.name === '坏');
      res.setHeader('content-type', 'application/json');
      if (bad.length > 0) {
        res.statusCode = 422;
        res.end(
          JSON.stringify({
            code: 'IMPORT_ROWS_INVALID',
            message: '导入数据有错误',
            violations: bad.map((row) => ({
              field: `lines.${row.line}.name`,
              message: `第 ${row.line} 行：name 不能为“坏”`,
            })),
          }),
        );
        return;
      }
      res.end(
        JSON.stringify({
          mode: body.mode,
          rows: body.rows.length,
          inserted: body.mode === 'apply' ? body.rows.length : 0,
          updated: 0,
          unchanged: 0,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const HEADER =
  'agencyCode,name,roles,certificateNumber,certificateIssuedOn,certificateExpiresOn,qualification,scope';
const line = (n: number, name = `人员${n}`) =>
  `BT-8,${name},handler,C-${n},2024-01-01,2099-12-31,exam-passed,"市场监管,食品"`;

describe('lep registry import', () => {
  let dir: string;
  let registry: Awaited<ReturnType<typeof startRegistry>>;
  const file = (name: string, text: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, text);
    return target;
  };
  const run = (...args: string[]) =>
    runProgram(
      (program) => registerRegistryCommands(program, { LEP_TOKEN: 't', LEP_REGISTRY_URL: registry.url }),
      ['registry', 'import', ...args],
    );

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lep-import-'));
    registry = await startRegistry();
  });
  afterEach(async () => {
    await registry.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('validates every batch, then applies them, sending rows with their file line numbers', async () => {
    const csv = file('p.csv', [HEADER, ...Array.from({ length: 5 }, (_, i) => line(i))].join('\r\n'));
    const result = await run('personnel', csv, '--batch-size', '2');
    expect(result).toMatchObject({ exitCode: 0, stdout: '已导入 5 行：新增 5，更新 0，未变 0\n' });
    // Every batch is validated before any is applied; two requests are in flight, so they may arrive swapped.
    expect(registry.requests.map((r) => r.mode)).toEqual([
      'validate',
      'validate',
      'validate',
      'apply',
      'apply',
      'apply',
    ]);
    const batchesOf = (mode: string) =>
      registry.requests
        .filter((r) => r.mode === mode)
        .map((r) => r.rows.map((row) => row.line))
        .sort((a, b) => a[0]! - b[0]!);
    expect(batchesOf('validate')).toEqual([[2, 3], [4, 5], [6]]);
    expect(batchesOf('apply')).toEqual([[2, 3], [4, 5], [6]]);
    expect(registry.requests[0]!.rows[0]!.fields).toMatchObject({ name: '人员0', scope: '市场监管,食品' });
  });

  it('reports every bad line by number, from the registry and its own checks, and applies nothing', async () => {
    const csv = file(
      'p.csv',
      [HEADER, line(1), line(2, '坏'), 'BT-8,short', line(1).replace('人员1', '人员1b'), line(5, '坏')].join(
        '\n',
      ),
    );
    const result = await run('personnel', csv, '--batch-size', '2');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      [
        '第 3 行：name 不能为“坏”',
        '第 4 行：有 2 列，表头有 8 列',
        '第 5 行：certificateNumber “C-1”与第 2 行重复',
        '第 6 行：name 不能为“坏”',
      ].join('\n'),
    );
    expect(result.stderr).toContain('校验未通过：4 处错误，未写入任何数据');
    expect(registry.requests.every((r) => r.mode === 'validate')).toBe(true);
  });

  it('refuses a header with missing or unknown columns before sending anything', async () => {
    const csv = file('p.csv', 'agencyCode,name,colour\nBT-8,张三,red\n');
    const result = await run('personnel', csv);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/第 1 行（表头）：缺少列 roles、certificateNumber.*；未知列 colour/);
    expect(registry.requests).toEqual([]);
  });

  it('draws a progress bar on stderr only when asked (or on a terminal)', async () => {
    const csv = file('p.csv', [HEADER, line(1)].join('\n'));
    expect((await run('personnel', csv)).stderr).toBe('');
    const shown = await run('personnel', csv, '--progress');
    expect(shown.stderr).toContain('校验 [##############################] 100%');
    expect(shown.stderr).toContain('导入 [');
  });

  it('refuses an unknown kind, a bad batch size and a missing file', async () => {
    expect((await run('vehicles', 'x.csv')).stderr).toContain('未知的导入类型“vehicles”');
    const csv = file('p.csv', HEADER);
    expect((await run('personnel', csv, '--batch-size', '0')).exitCode).toBe(2);
    expect((await run('personnel', path.join(dir, 'missing.csv'))).stderr).toContain('无法读取文件');
  });
});
