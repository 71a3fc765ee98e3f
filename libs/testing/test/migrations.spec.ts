import { DataSourceOptions } from 'typeorm';
import {
  createDatabase,
  dropDatabase,
  pendingSchemaChanges,
  PostgresPeer,
  runMigrations,
  startPostgres,
} from '../src';
import { CreateNotice1700000000000, Notice, NoticeWithSummary } from './fixtures/notice-schema';

/** The check every service's test runs: migrations alone must produce the schema its entities describe. */
describe('migration discipline', () => {
  let postgres: PostgresPeer;
  let url: string;

  beforeAll(async () => {
    postgres = await startPostgres();
    url = await createDatabase(postgres.url, 'migrations');
  });

  afterAll(async () => {
    await dropDatabase(url);
    await postgres.stop();
  });

  const options = (entities: DataSourceOptions['entities']): DataSourceOptions => ({
    type: 'postgres',
    url,
    entities,
    migrations: [CreateNotice1700000000000],
  });

  it('finds nothing pending when the migrations match the entities', async () => {
    const dataSource = await runMigrations(options([Notice]));
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      const applied = await dataSource.query('SELECT name FROM migrations');
      expect(applied).toEqual([{ name: 'CreateNotice1700000000000' }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('reports the SQL an entity change still needs when its migration is missing', async () => {
    const dataSource = await runMigrations(options([NoticeWithSummary]));
    try {
      expect(await pendingSchemaChanges(dataSource)).toEqual(['ALTER TABLE "notice" ADD "summary" text']);
    } finally {
      await dataSource.destroy();
    }
  });
});
