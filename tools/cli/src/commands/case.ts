import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Command } from 'commander';
import { latestRecordAnchor, verifyDossier, type RecordAnchor } from '@lep/case-store';
import { DataSource } from 'typeorm';
import { CASE_ID_PATTERN } from '@lep/contracts';
import { serviceUrl } from '../service-endpoints';

/**
 * `lep case export <caseId>`: downloads an archived case's 案卷 from case-api (as the person or system whose
 * credential LEP_TOKEN holds: case-api applies its scope and logs a supervisor's export) into one tar file.
 * `lep case verify-archive <file>`: checks such a file offline and names every file in it that does not match;
 * with `--database-url` also against the record anchor in the case database, with `--publication-url` against
 * the day's tree head the publication service publishes (online).
 * Exit 0 when done / intact, 1 when refused / not intact, 2 when it cannot run (no credential, unreadable file).
 */
export function registerCaseCommands(program: Command, env: NodeJS.ProcessEnv = process.env): void {
  const cases = program.command('case').description('案件与案卷');

  cases
    .command('export')
    .description('导出已归档案件的案卷（tar 归档文件），凭 LEP_TOKEN 调用案件服务')
    .argument('<caseId>', '案件标识 case-<执法主体代码>.<案件编号>')
    .option('-o, --output <file>', '写入的文件（默认 <caseId>.tar）')
    .showHelpAfterError(false)
    .action(async (caseId: string, flags: { output?: string }, command: Command) => {
      const fail = (message: string, exitCode: number): never =>
        command.error(message, { exitCode, code: 'lep.case.export' });
      if (!CASE_ID_PATTERN.test(caseId)) fail(`案件标识 ${caseId} 格式不正确`, 2);
      const token = env.LEP_TOKEN?.trim();
      if (!token) fail('缺少身份凭证：请将执法人员令牌或 API 密钥写入环境变量 LEP_TOKEN', 2);
      const file = flags.output ?? `${caseId}.tar`;
      const url = `${serviceUrl('case-api', env)}/api/v1/cases/${encodeURIComponent(caseId)}/dossier`;
      let response: Response;
      try {
        response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      } catch {
        return fail(`无法连接案件服务 ${url}`, 2);
      }
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
        return fail(
          `导出失败（${response.status} ${body.code ?? ''}）：${body.message ?? '案件服务未返回说明'}`,
          1,
        );
      }
      // Written beside the target and renamed when complete, so a broken download never looks like a 案卷.
      const partial = `${file}.partial`;
      try {
        await pipeline(
          Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
          createWriteStream(partial),
        );
        renameSync(partial, file);
      } catch (error) {
        rmSync(partial, { force: true });
        return fail(`案卷下载中断：${(error as Error).message}`, 1);
      }
      command.configureOutput().writeOut?.(`已导出 ${caseId} 的案卷：${file}\n`);
    });

  cases
    .command('verify-archive')
    .description('离线校验案卷归档文件：清单中每个文件的哈希、执法全过程记录的哈希链及归档封存')
    .argument('<file>', 'lep case export 写出的案卷文件')
    .option(
      '--database-url <url>',
      '另以案件数据库中的记录锚定核对（在线核对；不给出则只凭案卷文件离线校验）',
    )
    .option(
      '--publication-url <url>',
      '另以公示平台公布的当日执法记录存证根核对案卷所载的锚定证明（在线核对，如 http://公示平台地址）',
    )
    .showHelpAfterError(false)
    .action(
      async (file: string, flags: { databaseUrl?: string; publicationUrl?: string }, command: Command) => {
        let result: Awaited<ReturnType<typeof verifyDossier>>;
        const database = flags.databaseUrl
          ? await new DataSource({ type: 'postgres', url: flags.databaseUrl })
              .initialize()
              .catch(() => command.error(`无法连接案件数据库`, { exitCode: 2, code: 'lep.case.database' }))
          : undefined;
        try {
          result = await verifyDossier(createReadStream(file), {
            currentAnchor: database
              ? (caseId): Promise<RecordAnchor | null> => latestRecordAnchor(database, caseId)
              : undefined,
            publishedAnchorDay: flags.publicationUrl
              ? (anchorDate) => publishedAnchorDay(flags.publicationUrl!, anchorDate)
              : undefined,
          });
        } catch (error) {
          return command.error(`无法读取 ${file}：${(error as Error).message}`, {
            exitCode: 2,
            code: 'lep.case.unreadable',
          });
        } finally {
          await database?.destroy();
        }
        if (result.problems.length === 0) {
          command
            .configureOutput()
            .writeOut?.(
              `OK ${result.caseId} 案卷 ${result.files} 个文件与清单一致，执法全过程记录共 ${result.recordLength} 条，链头哈希 ${result.headHash}\n`,
            );
          return;
        }
        command.error(
          [
            `案卷校验失败：${file}（${result.caseId ?? '案件不明'}）`,
            ...result.problems.map((problem) => `  ${problem.file}：${problem.problem}`),
          ].join('\n'),
          { exitCode: 1, code: 'lep.case.broken' },
        );
      },
    );
}

/** The day's tree head as the publication service serves it to the public; null when it has none for that day. */
async function publishedAnchorDay(
  publicationUrl: string,
  anchorDate: string,
): Promise<{ root: string; caseCount: number } | null> {
  const url = `${publicationUrl.replace(/\/+$/, '')}/api/v1/public/record-anchors/${anchorDate}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch(() => {
    throw new Error(`无法连接公示平台 ${url}`);
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`公示平台答复 ${response.status}：${url}`);
  const day = (await response.json()) as { root: string; caseCount: number };
  return { root: day.root, caseCount: day.caseCount };
}
