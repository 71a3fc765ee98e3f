import type { Command } from 'commander';
import { readCaseRecord, type CaseRecord } from '@lep/case-store';
import { DataSource } from 'typeorm';
import { runningDevStack } from '../dev-stack';
import { describeChainBreak } from './chain-break';

/**
 * `lep record verify <caseId>`: checks a case's whole-process record straight from the case database, so an
 * operator can verify it even when case-api is down. Exit 0 and `OK …` when intact; exit 1 naming the first
 * broken entry; exit 2 when it cannot check (no database, no such record).
 */
export function registerRecordCommands(program: Command, env: NodeJS.ProcessEnv = process.env): void {
  const record = program.command('record').description('执法全过程记录');

  record
    .command('verify')
    .description('校验案件执法全过程记录的哈希链，指出第一条被篡改的记录')
    .argument('<caseId>', '案件标识 case-<执法主体代码>.<案件编号>')
    .option(
      '--database-url <url>',
      '案件数据库连接串（默认取环境变量 DATABASE_URL，再取本机 npm start 运行的系统的案件数据库）',
    )
    .showHelpAfterError(false)
    .action(async (caseId: string, flags: { databaseUrl?: string }, command: Command) => {
      const url = flags.databaseUrl ?? env.DATABASE_URL ?? runningDevStack(env)?.databases['case-api'];
      if (!url)
        command.error(
          '未指定案件数据库：请设置 DATABASE_URL 或使用 --database-url（本机未发现运行中的 npm start）',
          { exitCode: 2, code: 'lep.record.database' },
        );
      const caseRecord = await readRecord(url as string, caseId);
      if (caseRecord.entries.length === 0)
        command.error(`案件 ${caseId} 没有执法全过程记录`, { exitCode: 2, code: 'lep.record.missing' });
      const { verification } = caseRecord;
      if (verification.valid) {
        command
          .configureOutput()
          .writeOut?.(`OK ${caseId} 共 ${verification.length} 条记录，链头哈希 ${verification.headHash}\n`);
        return;
      }
      command.error(
        `记录校验失败：${caseId} 第 ${verification.brokenAt} 条记录${describeChainBreak(verification.reason, '记录')}（共 ${verification.length} 条）`,
        { exitCode: 1, code: 'lep.record.broken' },
      );
    });
}

async function readRecord(url: string, caseId: string): Promise<CaseRecord> {
  const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    return await readCaseRecord(dataSource, caseId);
  } finally {
    await dataSource.destroy();
  }
}
