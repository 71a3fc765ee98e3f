import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import {
  REGISTRY_IMPORT,
  REGISTRY_IMPORT_BATCH_MAX,
  REGISTRY_IMPORT_KINDS,
  RegistryImportBatch,
  RegistryImportKind,
  RegistryImportResult,
} from '@lep/contracts';
import { csvRecords, CsvSyntaxError } from '../csv/csv-records';
import { serviceUrl } from '../service-endpoints';
import { ProgressBar } from './progress-bar';

interface ImportFlags {
  batchSize: string;
  progress?: boolean;
}

interface LineProblem {
  line: number;
  message: string;
}

interface RegistryRefusal {
  code?: string;
  message?: string;
  violations?: { field: string; message: string }[];
}

type Batch = RegistryImportBatch['rows'];

/** The file's rows in batches; problems the CLI sees on its own (shape, repeated keys) are collected, not sent. */
async function* batches(
  file: string,
  kind: RegistryImportKind,
  size: number,
  problems: LineProblem[],
  onBytes: (bytes: number) => void,
): AsyncGenerator<Batch> {
  const spec = REGISTRY_IMPORT[kind];
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  async function* countedChunks(): AsyncGenerator<string> {
    for await (const chunk of stream as AsyncIterable<string>) {
      onBytes(Buffer.byteLength(chunk));
      yield chunk;
    }
  }
  let header: string[] | undefined;
  const seenKeys = new Map<string, number>();
  let batch: Batch = [];
  for await (const record of csvRecords(countedChunks())) {
    if (!header) {
      header = record.cells.map((cell) => cell.trim());
      const missing = spec.columns.filter(
        (column) => !header!.includes(column) && !(spec.optional as readonly string[]).includes(column),
      );
      const unknown = header.filter((column) => !(spec.columns as readonly string[]).includes(column));
      if (missing.length > 0 || unknown.length > 0)
        throw new CsvSyntaxError(
          record.line,
          `第 ${record.line} 行（表头）：` +
            [
              missing.length > 0 ? `缺少列 ${missing.join('、')}` : '',
              unknown.length > 0 ? `未知列 ${unknown.join('、')}` : '',
            ]
              .filter(Boolean)
              .join('；') +
            `。应为 ${spec.columns.join(',')}`,
        );
      continue;
    }
    if (record.cells.length !== header.length) {
      problems.push({
        line: record.line,
        message: `第 ${record.line} 行：有 ${record.cells.length} 列，表头有 ${header.length} 列`,
      });
      continue;
    }
    const fields = Object.fromEntries(header.map((column, index) => [column, record.cells[index]!]));
    const key = spec.key.map((column) => fields[column]?.trim() ?? '').join('/');
    const earlier = seenKeys.get(key);
    if (earlier !== undefined) {
      problems.push({
        line: record.line,
        message: `第 ${record.line} 行：${spec.key.join('+')} “${key}”与第 ${earlier} 行重复`,
      });
      continue;
    }
    seenKeys.set(key, record.line);
    batch.push({ line: record.line, fields });
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Line numbers are in the violation paths the registry returns (`lines.<line>.<field>`). */
function refusalProblems(body: RegistryRefusal): LineProblem[] {
  return (body.violations ?? []).map((violation) => ({
    line: Number(/^lines\.(\d+)\./.exec(violation.field)?.[1] ?? 0),
    message: violation.message,
  }));
}

/**
 * `lep registry import <kind> <file.csv>`: validates every line first (nothing is written while any line is
 * wrong, and every wrong line is reported with its number), then imports in batches through the registry's
 * bulk route. Going through the registry rather than its database keeps agency scope, validation and the
 * pre-disclosure events in one place; re-running the same file is harmless (rows are upserts).
 */
export function registerRegistryCommands(program: Command, env: NodeJS.ProcessEnv = process.env): void {
  const registry = program.command('registry').description('执法主体登记数据（凭 LEP_TOKEN 调用登记服务）');
  registry
    .command('import <kind> <file>')
    .description(`批量导入 CSV（${REGISTRY_IMPORT_KINDS.join('|')}）：先校验全部行，全部通过后再写入`)
    .option(
      '--batch-size <rows>',
      `每次请求的行数（最多 ${REGISTRY_IMPORT_BATCH_MAX}）`,
      String(REGISTRY_IMPORT_BATCH_MAX),
    )
    .option('--progress', '即使标准错误输出不是终端也显示进度')
    .action(async (kind: string, file: string, flags: ImportFlags, command: Command) => {
      const output = command.configureOutput();
      const fail = (message: string, exitCode = 1): never =>
        command.error(message, { exitCode, code: 'lep.registry' });
      if (!(REGISTRY_IMPORT_KINDS as string[]).includes(kind))
        fail(`未知的导入类型“${kind}”，应为 ${REGISTRY_IMPORT_KINDS.join('、')} 之一`, 2);
      const size = Number(flags.batchSize);
      if (!Number.isInteger(size) || size < 1 || size > REGISTRY_IMPORT_BATCH_MAX)
        fail(`--batch-size 应为 1 到 ${REGISTRY_IMPORT_BATCH_MAX} 的整数`, 2);
      const token = env.LEP_TOKEN?.trim();
      if (!token) fail('缺少身份凭证：请将管理员令牌或 API 密钥写入环境变量 LEP_TOKEN', 2);
      let fileSize = 0;
      try {
        fileSize = statSync(file).size;
      } catch {
        fail(`无法读取文件 ${file}`, 2);
      }

      const url = `${serviceUrl('registry', env)}/api/v1/imports/${kind}`;
      const send = async (mode: 'validate' | 'apply', rows: Batch) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ mode, rows } satisfies RegistryImportBatch),
        }).catch((error: unknown) =>
          fail(`无法连接登记服务：${error instanceof Error ? error.message : String(error)}`),
        );
        const body = (await response.json().catch(() => ({}))) as RegistryImportResult & RegistryRefusal;
        return { status: response.status, body };
      };
      const showProgress = Boolean(flags.progress) || Boolean(process.stderr.isTTY);

      const pass = async (mode: 'validate' | 'apply', onResult: (body: RegistryImportResult) => void) => {
        const problems: LineProblem[] = [];
        const bar = new ProgressBar(
          mode === 'validate' ? '校验' : '导入',
          fileSize,
          showProgress ? output.writeErr : undefined,
        );
        try {
          // Validation batches are independent, so two are in flight: the CLI reads the next while the
          // registry checks the last. Apply batches go one at a time, so a refusal stops at a known batch.
          const inFlight: Promise<void>[] = [];
          for await (const rows of batches(file, kind as RegistryImportKind, size, problems, (bytes) =>
            bar.advance(bytes),
          )) {
            const request = send(mode, rows).then(({ status, body }) => {
              if (status === 422 && body.code === 'IMPORT_ROWS_INVALID')
                problems.push(...refusalProblems(body));
              else if (status >= 400)
                fail(`登记服务拒绝了请求（${status} ${body.code ?? ''}）：${body.message ?? '无说明'}`);
              else onResult(body);
            });
            if (mode === 'apply') {
              await request;
              if (problems.length > 0) break;
            } else {
              inFlight.push(request);
              if (inFlight.length >= 2) await inFlight.shift();
            }
          }
          await Promise.all(inFlight);
        } catch (error) {
          if (error instanceof CsvSyntaxError) fail(error.message);
          throw error;
        } finally {
          bar.done();
        }
        return problems.sort((a, b) => a.line - b.line);
      };

      const invalid = await pass('validate', () => undefined);
      if (invalid.length > 0) {
        output.writeErr?.(invalid.map((problem) => `${problem.message}\n`).join(''));
        fail(`校验未通过：${invalid.length} 处错误，未写入任何数据`);
      }
      const totals = { rows: 0, inserted: 0, updated: 0, unchanged: 0, batches: 0 };
      const refused = await pass('apply', (body) => {
        totals.batches += 1;
        totals.rows += body.rows;
        totals.inserted += body.inserted;
        totals.updated += body.updated;
        totals.unchanged += body.unchanged;
      });
      if (refused.length > 0) {
        output.writeErr?.(refused.map((problem) => `${problem.message}\n`).join(''));
        fail(
          `导入中止：校验后数据发生变化，前 ${totals.batches} 批（${totals.rows} 行）已写入。修正后重新导入同一文件即可（已写入的行不会重复）`,
        );
      }
      output.writeOut?.(
        `已导入 ${totals.rows} 行：新增 ${totals.inserted}，更新 ${totals.updated}，未变 ${totals.unchanged}\n`,
      );
    });
}
