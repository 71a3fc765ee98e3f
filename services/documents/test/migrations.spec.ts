import { pendingSchemaChanges, runMigrations, useTestDatabase } from '@lep/testing';
import { DataSource } from 'typeorm';
import { DOCUMENTS_ENTITIES, DOCUMENTS_MIGRATIONS } from '../src/documents-domain';

describe('documents migrations', () => {
  const databaseUrl = useTestDatabase('documents_migrations');
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await runMigrations({
      type: 'postgres',
      url: databaseUrl(),
      entities: DOCUMENTS_ENTITIES,
      migrations: DOCUMENTS_MIGRATIONS,
      migrationsTableName: 'lep_migrations',
    });
  });
  afterAll(() => dataSource?.destroy());

  it('describe the entities exactly: TypeORM finds nothing left to change', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('undo cleanly, newest first, leaving only the migrations table', async () => {
    for (let step = 0; step < DOCUMENTS_MIGRATIONS.length; step += 1) await dataSource.undoLastMigration();
    const tables: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(['lep_migrations']);
  });
});
