import type { Command } from 'commander';
import { verifyAuditLog } from '@lep/nest-kit';
import type { ChainVerification } from '@lep/hash-chain';
import { DataSource } from 'typeorm';
import { describeChainBreak } from './chain-break';

/**
 * `lep audit verify`: checks a service's audit log (审计日志) straight from its database. Exit 0 and `OK …` when
 * intact; exit 1 naming the first altered entry; exit 2 when it cannot check.
 */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');

  audit
    .command('verify')
    .description('校验服务审计日志的哈希链，指出第一条被篡改的日志')
    .option('--database-url <url>', '服务数据库连接串（默认取环境变量 DATABASE_URL）')
    .showHelpAfterError(false)
    .action(async (flags: { databaseUrl?: string }, command: Command) => {
      const url = flags.databaseUrl ?? process.env.DATABASE_URL;
      if (!url)
        command.error('未指定服务数据库：请设置 DATABASE_URL 或使用 --database-url', {
          exitCode: 2,
          code: 'lep.audit.database',
        });
      const verification = await verify(url as string);
      if (verification.valid) {
        command
          .configureOutput()
          .writeOut?.(`OK 审计日志共 ${verification.length} 条，链头哈希 ${verification.headHash}\n`);
        return;
      }
      command.error(
        `审计日志校验失败：第 ${verification.brokenAt} 条${describeChainBreak(verification.reason, '日志')}（共 ${verification.length} 条）`,
        { exitCode: 1, code: 'lep.audit.broken' },
      );
    });
}

async function verify(url: string): Promise<ChainVerification> {
  const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    return await verifyAuditLog(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
