import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { useTestDatabase } from '@lep/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createServiceApp, dependencyModules, MESSAGING_MIGRATIONS } from '../src';

const databaseUrl = useTestDatabase('schema_owner');

/**
 * A service reading a database another process owns (case-api on lep_cases, which the worker migrates) runs no
 * migration of its own and is not ready until the owner has applied them all.
 */
describe('a database whose schema another process owns', () => {
  let app: INestApplication;

  beforeAll(async () => {
    @Module({
      imports: dependencyModules({
        serviceName: 'reader',
        config: { DATABASE_URL: databaseUrl() },
        database: {
          entities: [],
          migrations: [],
          schemaOwner: { name: 'the owner', migrations: MESSAGING_MIGRATIONS },
        },
      }),
    })
    class ReaderModule {}
    app = await createServiceApp(
      ReaderModule,
      { name: 'r', title: 'r', description: 'r', version: '1' },
      {
        logger: false,
      },
    );
    await app.init();
  });

  afterAll(() => app?.close());

  it('is reported down, naming the owner, and migrated by nobody but the owner', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(503);
    expect(response.body.error.database).toMatchObject({ status: 'down' });
    expect(JSON.stringify(response.body.error.database)).toContain('the owner');
    const tables: unknown[] = await app
      .get(DataSource)
      .query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'outbox_event'`);
    expect(tables).toEqual([]);
  });

  it('is up once the owner has applied its migrations', async () => {
    const owner = await new DataSource({
      type: 'postgres',
      url: databaseUrl(),
      migrations: MESSAGING_MIGRATIONS,
      migrationsTableName: 'lep_migrations',
    }).initialize();
    await owner.runMigrations();
    await owner.destroy();
    await request(app.getHttpServer()).get('/health').expect(200);
  });
});
