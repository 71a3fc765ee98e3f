import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntitySchema } from 'typeorm';
import type { DependencyProbe } from '../health/dependency-probe';
import { TypeOrmJsonLogger } from '../logging/library-loggers';

export const DATABASE_PROBE = 'DATABASE_PROBE';

export interface DatabaseModuleOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: (Function | EntitySchema)[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /**
   * Set when another process owns this database's schema and runs its migrations (the worker, for lep_cases):
   * this service runs none, and /health reports the database down until the owner has applied every one of
   * `migrations` (the owner's own list).
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  schemaOwner?: { name: string; migrations: Function[] };
}

/**
 * PostgreSQL through TypeORM. The schema comes only from checked-in migrations (never `synchronize`), applied at
 * start-up by the one process that owns the database, so a fresh database is ready; each database keeps its own
 * migrations table.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.url,
          entities: options.entities,
          migrations: options.schemaOwner ? [] : options.migrations,
          migrationsTableName: 'lep_migrations',
          migrationsRun: !options.schemaOwner,
          synchronize: false,
          logging: ['error', 'warn', 'migration'],
          logger: new TypeOrmJsonLogger(),
          extra: { max: 10, connectionTimeoutMillis: 5_000 },
        }),
      ],
      providers: [
        {
          provide: DATABASE_PROBE,
          useFactory: (dataSource: DataSource): DependencyProbe => ({
            name: 'database',
            probe: async () => {
              await dataSource.query('SELECT 1');
              if (options.schemaOwner) await assertMigratedBy(dataSource, options.schemaOwner);
            },
          }),
          inject: [getDataSourceToken()],
        },
      ],
      exports: [DATABASE_PROBE],
    };
  }
}

/** The owner has applied its migrations (a fresh database waits for the owner's first start). */
async function assertMigratedBy(
  dataSource: DataSource,
  owner: NonNullable<DatabaseModuleOptions['schemaOwner']>,
): Promise<void> {
  const applied: unknown[] = await dataSource.query(
    `SELECT 1 FROM information_schema.tables WHERE table_name = 'lep_migrations'`,
  );
  const names = owner.migrations.map((migration) => migration.name);
  const migrated =
    applied.length > 0 &&
    (await dataSource.query(`SELECT name FROM lep_migrations WHERE name = ANY($1)`, [names])).length ===
      names.length;
  if (!migrated) throw new Error(`schema not migrated yet: ${owner.name} runs this database's migrations`);
}
