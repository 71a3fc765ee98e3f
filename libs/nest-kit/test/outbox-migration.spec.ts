import { useTestDatabase } from '@lep/testing';
import { DataSource } from 'typeorm';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS, OutboxPerKeyOrder1764150000003 } from '../src';

const databaseUrl = useTestDatabase('outbox_migration');

describe('the outbox ordering migration on a database that already holds events', () => {
  let dataSource: DataSource;
  const open = (migrations: typeof MESSAGING_MIGRATIONS) =>
    new DataSource({
      type: 'postgres',
      url: databaseUrl(),
      entities: MESSAGING_ENTITIES,
      migrations,
      migrationsTableName: 'lep_migrations',
    }).initialize();

  afterAll(() => dataSource?.destroy());

  it('numbers the waiting rows in the order they were written, and new rows after them', async () => {
    const before = await open(
      MESSAGING_MIGRATIONS.slice(0, MESSAGING_MIGRATIONS.indexOf(OutboxPerKeyOrder1764150000003)),
    );
    await before.runMigrations();
    for (const [id, minutesAgo, published] of [
      ['c', 30, false],
      ['a', 10, false],
      ['b', 20, true],
    ] as const)
      await before.query(
        `INSERT INTO outbox_event (id, topic, message_key, event, created_at, published_at)
         VALUES ($1, 'lep.case.decision.v1', 'k', '{}', now() - make_interval(mins => $2), $3)`,
        [id, minutesAgo, published ? new Date() : null],
      );
    await before.destroy();

    dataSource = await open(MESSAGING_MIGRATIONS);
    await dataSource.runMigrations();
    await dataSource.query(
      `INSERT INTO outbox_event (id, topic, message_key, event) VALUES ('d', 'lep.case.decision.v1', 'k', '{}')`,
    );
    const rows: Array<{ id: string }> = await dataSource.query(`SELECT id FROM outbox_event ORDER BY seq`);
    expect(rows.map((row) => row.id)).toEqual(['c', 'b', 'a', 'd']);
  });
});
