import { createCloudEvent, TOPICS } from '@lep/contracts';
import {
  DEFAULT_RELAY_TUNING,
  enqueueEvent,
  KafkaClient,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  OutboxRelay,
} from '@lep/nest-kit';
import { runMigrations, testPeers, useTestDatabase } from '@lep/testing';
import type { DataSource } from 'typeorm';
import { registerOutboxCommands } from '../src/commands/outbox';
import { runProgram } from './run-program';

const databaseUrl = useTestDatabase('cli_outbox');
let dataSource: DataSource;
let relay: OutboxRelay;

const event = (key: string, n: number, padding = 0) =>
  createCloudEvent({
    source: '/lep/test',
    type: 'cn.lep.test.numbered.v1',
    subject: key,
    data: { n, padding: 'x'.repeat(padding) },
  });
const oversized = event('cli-blocked', 0, 3_000);
const discarded = event('cli-discarded', 0, 3_000);

beforeAll(async () => {
  dataSource = await runMigrations({
    type: 'postgres',
    url: databaseUrl(),
    entities: MESSAGING_ENTITIES,
    migrations: MESSAGING_MIGRATIONS,
    migrationsTableName: 'lep_migrations',
  });
  await dataSource.transaction(async (manager) => {
    for (const first of [oversized, discarded]) {
      await enqueueEvent(manager, TOPICS.caseReview, first.subject, first);
      for (const n of [1, 2])
        await enqueueEvent(manager, TOPICS.caseReview, first.subject, event(first.subject, n));
    }
  });
  // A relay that may send no more than 2,000 bytes: the first event of each key can never be sent by it.
  relay = new OutboxRelay(
    dataSource,
    new KafkaClient({ clientId: 'cli-outbox', brokers: testPeers().kafkaBrokers }),
    {
      ...DEFAULT_RELAY_TUNING,
      maxMessageBytes: 2_000,
    },
  );
  await relay.relayBatch();
});

afterAll(async () => {
  await relay.beforeApplicationShutdown();
  await dataSource.destroy();
});

const outbox = (...args: string[]) =>
  runProgram(registerOutboxCommands, ['outbox', ...args, '--database-url', databaseUrl()]);

describe('lep outbox', () => {
  it('lists each dead letter with the events held behind it, and exits 1 while there is one', async () => {
    const run = await outbox('status');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^待发送事件 6 条，最早的已等待 \d+ 秒\n死信 2 条\n/);
    expect(run.stdout).toContain(`  ${oversized.id}  ${TOPICS.caseReview.name}  键 cli-blocked  自 `);
    expect(run.stdout).toContain('其后 2 条等待  原因：the event is ');
    expect(run.stderr).toContain('有 2 条死信待处理：lep outbox release <事件编号> --retry|--discard');
  });

  it('sends a dead letter again, or gives it up so the rest of its key goes on', async () => {
    expect(await outbox('release', oversized.id, '--retry')).toEqual({
      stdout: `OK 事件 ${oversized.id} 将重新发送\n`,
      stderr: '',
      exitCode: 0,
    });
    expect((await outbox('release', discarded.id, '--discard')).stdout).toBe(
      `OK 事件 ${discarded.id} 已放弃，不再发送；其键上的后续事件继续发送\n`,
    );
    const rows: Array<{ id: string; dead: boolean; discarded: boolean; attempts: number }> =
      await dataSource.query(
        `SELECT id, dead_lettered_at IS NOT NULL AS dead, discarded_at IS NOT NULL AS discarded, attempts
         FROM outbox_event WHERE id = ANY($1) ORDER BY seq`,
        [[oversized.id, discarded.id]],
      );
    expect(rows).toEqual([
      { id: oversized.id, dead: false, discarded: false, attempts: 0 },
      { id: discarded.id, dead: true, discarded: true, attempts: 1 },
    ]);

    // What a release may not do: act twice, act without saying how, act on an event that is not a dead letter.
    const again = await outbox('release', discarded.id, '--discard');
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain(`事件 ${discarded.id} 不是待处理的死信`);
    expect((await outbox('release', oversized.id)).exitCode).toBe(2);
    expect((await outbox('release', oversized.id, '--retry', '--discard')).exitCode).toBe(2);

    // The discarded key's later events now leave; the retried one is refused again by this relay.
    await relay.relayBatch();
    const status = await outbox('status');
    expect(status.stdout).toMatch(/^待发送事件 3 条，最早的已等待 \d+ 秒\n死信 1 条\n/);
  });
});
