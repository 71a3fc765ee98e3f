import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@lep/nest-kit';
import { pendingSchemaChanges, runMigrations, useTestDatabase } from '@lep/testing';
import { DataSource } from 'typeorm';
import { REGISTRY_ENTITIES, REGISTRY_MIGRATIONS } from '../src/registry-domain';

describe('registry migrations', () => {
  const databaseUrl = useTestDatabase('registry_migrations');
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await runMigrations({
      type: 'postgres',
      url: databaseUrl(),
      entities: [...MESSAGING_ENTITIES, ...REGISTRY_ENTITIES],
      migrations: [...MESSAGING_MIGRATIONS, ...REGISTRY_MIGRATIONS],
      migrationsTableName: 'lep_migrations',
    });
  });
  afterAll(() => dataSource?.destroy());

  it('describe the entities exactly: TypeORM finds nothing left to change', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('undo cleanly, newest first, leaving none of the registry tables', async () => {
    for (let step = 0; step < REGISTRY_MIGRATIONS.length; step += 1) await dataSource.undoLastMigration();
    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual([
      'audit_entry',
      'consumed_event',
      'dead_letter_event',
      'lep_migrations',
      'outbox_event',
      'parked_event',
    ]);
  });
});
