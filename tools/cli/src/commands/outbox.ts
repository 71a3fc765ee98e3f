import type { Command } from 'commander';
import { outboxFigures, OutboxFigures, releaseDeadLetter } from '@lep/nest-kit';
import { DataSource } from 'typeorm';

/**
 * `lep outbox status` and `lep outbox release`: what a service's outbox still has to send, and the operator's
 * answer to an event that can never be sent (a dead letter holds every later event of its key). They read the
 * service database directly (DATABASE_URL or --database-url), so they work while the service is down.
 */
export function registerOutboxCommands(program: Command): void {
  const outbox = program.command('outbox').description('事件发件箱（outbox）');

  outbox
    .command('status')
    .description('待发送事件、死信（阻塞其键上的后续事件）和等待前序事件的消费事件；有死信时退出码为 1')
    .option('--database-url <url>', '服务数据库连接串（默认取环境变量 DATABASE_URL）')
    .showHelpAfterError(false)
    .action(async (flags: { databaseUrl?: string }, command: Command) => {
      const figures = await withDatabase(databaseUrlOf(flags, command), outboxFigures);
      command.configureOutput().writeOut?.(describe(figures));
      if (figures.deadLettered.length > 0)
        command.error(
          `有 ${figures.deadLettered.length} 条死信待处理：lep outbox release <事件编号> --retry|--discard`,
          {
            exitCode: 1,
            code: 'lep.outbox.dead-letters',
          },
        );
    });

  outbox
    .command('release')
    .description(
      '处理一条死信：--retry 排除原因后重新发送；--discard 放弃该事件（永不发送），其键上的后续事件继续发送',
    )
    .argument('<eventId>', '死信的事件编号（lep outbox status 列出）')
    .option('--retry', '重新发送')
    .option('--discard', '放弃发送')
    .option('--database-url <url>', '服务数据库连接串（默认取环境变量 DATABASE_URL）')
    .showHelpAfterError(false)
    .action(
      async (
        eventId: string,
        flags: { retry?: boolean; discard?: boolean; databaseUrl?: string },
        command: Command,
      ) => {
        if (Boolean(flags.retry) === Boolean(flags.discard))
          command.error('请指定且只指定 --retry 或 --discard 之一', {
            exitCode: 2,
            code: 'lep.outbox.action',
          });
        const action = flags.retry ? 'retry' : 'discard';
        const released = await withDatabase(databaseUrlOf(flags, command), (dataSource) =>
          releaseDeadLetter(dataSource, eventId, action),
        );
        if (!released)
          command.error(`事件 ${eventId} 不是待处理的死信（不存在、已发送或已处理）`, {
            exitCode: 1,
            code: 'lep.outbox.not-dead-lettered',
          });
        command
          .configureOutput()
          .writeOut?.(
            action === 'retry'
              ? `OK 事件 ${eventId} 将重新发送\n`
              : `OK 事件 ${eventId} 已放弃，不再发送；其键上的后续事件继续发送\n`,
          );
      },
    );
}

function databaseUrlOf(flags: { databaseUrl?: string }, command: Command): string {
  const url = flags.databaseUrl ?? process.env.DATABASE_URL;
  if (!url)
    command.error('未指定服务数据库：请设置 DATABASE_URL 或使用 --database-url', {
      exitCode: 2,
      code: 'lep.outbox.database',
    });
  return url as string;
}

async function withDatabase<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function describe(figures: OutboxFigures): string {
  const lines = [
    figures.pending === 0
      ? '待发送事件 0 条'
      : `待发送事件 ${figures.pending} 条，最早的已等待 ${figures.oldestPendingSeconds} 秒`,
    `死信 ${figures.deadLettered.length} 条`,
    ...figures.deadLettered.map(
      (dead) =>
        `  ${dead.id}  ${dead.topic}  键 ${dead.messageKey}  自 ${dead.deadLetteredAt.toISOString()}  其后 ${dead.waitingBehind} 条等待  原因：${dead.lastError ?? '—'}`,
    ),
    ...figures.parked.map(
      (parked) =>
        `等待前序事件（${parked.consumer}）${parked.count} 条，最早的已等待 ${parked.oldestSeconds} 秒`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
