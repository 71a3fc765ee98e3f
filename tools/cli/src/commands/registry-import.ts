import { statSync } from 'node:fs';
import type { Command } from 'commander';
import {
  REGISTRY_IMPORT_BATCH_MAX,
  REGISTRY_IMPORT_KINDS,
  RegistryImportBatch,
  RegistryImportKind,
  RegistryImportResult,
} from '@lep/contracts';
import { LineProblem, readImportFile } from '../registry-import/import-file';
import { PlannedBatch, planBatches } from '../registry-import/import-plan';
import { serviceUrl } from '../service-endpoints';
import { ImportFileError } from '../table-files/import-file-error';
import { ProgressBar } from './progress-bar';

interface ImportFlags {
  batchSize: string;
  progress?: boolean;
}

interface RegistryRefusal {
  code?: string;
  message?: string;
  violations?: { field: string; message: string }[];
}

/** Line numbers are in the violation paths the registry returns (`lines.<line>.<field>`). */
function refusalProblems(body: RegistryRefusal): LineProblem[] {
  return (body.violations ?? []).map((violation) => ({
    line: Number(/^lines\.(\d+)\./.exec(violation.field)?.[1] ?? 0),
    message: violation.message,
  }));
}

/**
 * `lep registry import <kind> <file.csv>`: reads the file once, validates every line (nothing is written while
 * any line is wrong, and every wrong line is reported with its number), then imports in batches through the
 * registry's bulk route. Going through the registry rather than its database keeps agency scope, validation,
 * list versioning and the pre-disclosure events in one place; re-running the same file is harmless (rows are
 * upserts).
 */
export function registerRegistryCommands(program: Command, env: NodeJS.ProcessEnv = process.env): void {
  const registry = program.command('registry').description('执法主体登记数据（凭 LEP_TOKEN 调用登记服务）');
  registry
    .command('import <kind> <file>')
    .description(
      `批量导入 CSV（UTF-8 或 GB18030 编码）或 .xlsx（第一个工作表）（${REGISTRY_IMPORT_KINDS.join('|')}）：表头可用英文或中文列名；先校验全部行，全部通过后再写入`,
    )
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
      const showProgress = Boolean(flags.progress) || Boolean(process.stderr.isTTY);
      const bar = (label: string, total: number) =>
        new ProgressBar(label, total, showProgress ? output.writeErr : undefined);

      const problems: LineProblem[] = [];
      const reading = bar('读取', fileSize);
      let batches: PlannedBatch[] = [];
      try {
        const rows = await readImportFile(file, kind as RegistryImportKind, problems, (bytes) =>
          reading.advance(bytes),
        );
        batches = planBatches(kind as RegistryImportKind, rows, size, problems);
      } catch (error) {
        if (error instanceof ImportFileError) fail(`${file}：${error.message}（${error.code}）`);
        throw error;
      } finally {
        reading.done();
      }

      const url = `${serviceUrl('registry', env)}/api/v1/imports/${kind}`;
      const send = async (mode: 'validate' | 'apply', batch: PlannedBatch) => {
        const body: RegistryImportBatch = {
          mode,
          rows: batch.rows,
          ...(mode === 'validate' && batch.context.length > 0 ? { context: batch.context } : {}),
        };
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).catch((error: unknown) =>
          fail(`无法连接登记服务：${error instanceof Error ? error.message : String(error)}`),
        );
        const answer = (await response.json().catch(() => ({}))) as RegistryImportResult & RegistryRefusal;
        return { status: response.status, body: answer };
      };
      const lines = batches.reduce((total, batch) => total + batch.rows.length, 0);

      const pass = async (mode: 'validate' | 'apply', onResult: (body: RegistryImportResult) => void) => {
        const refusals: LineProblem[] = [];
        const progress = bar(mode === 'validate' ? '校验' : '导入', lines);
        try {
          // Two batches are in flight, so the registry checks one while the CLI sends the next and the
          // database writes the last, except where apply order matters: agencies go parents first and an
          // agency's item list builds on its previous version, so those are applied one at a time. A refusal
          // stops further batches; those already written are counted in the summary.
          const depth = mode === 'validate' || kind === 'personnel' || kind === 'targets' ? 2 : 1;
          const inFlight: Promise<void>[] = [];
          for (const batch of batches) {
            if (mode === 'apply' && refusals.length > 0) break;
            inFlight.push(
              send(mode, batch).then(({ status, body }) => {
                if (status === 422 && body.code === 'IMPORT_ROWS_INVALID')
                  refusals.push(...refusalProblems(body));
                else if (status >= 400)
                  fail(`登记服务拒绝了请求（${status} ${body.code ?? ''}）：${body.message ?? '无说明'}`);
                else onResult(body);
                progress.advance(batch.rows.length);
              }),
            );
            if (inFlight.length >= depth) await inFlight.shift();
          }
          await Promise.all(inFlight);
        } finally {
          progress.done();
        }
        return refusals;
      };

      problems.push(...(await pass('validate', () => undefined)));
      if (problems.length > 0) {
        problems.sort((a, b) => a.line - b.line);
        output.writeErr?.(problems.map((problem) => `${problem.message}\n`).join(''));
        fail(`校验未通过：${problems.length} 处错误，未写入任何数据`);
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
        refused.sort((a, b) => a.line - b.line);
        output.writeErr?.(refused.map((problem) => `${problem.message}\n`).join(''));
        fail(
          `导入中止：校验后数据发生变化，已写入 ${totals.batches} 批（${totals.rows} 行）。修正后重新导入同一文件即可（已写入的行不会重复）`,
        );
      }
      output.writeOut?.(
        `已导入 ${totals.rows} 行：新增 ${totals.inserted}，更新 ${totals.updated}，未变 ${totals.unchanged}\n`,
      );
    });
}
