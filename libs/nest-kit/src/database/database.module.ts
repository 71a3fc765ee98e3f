import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntitySchema } from 'typeorm';
import type { DependencyProbe } from '../health/dependency-probe';

export const DATABASE_PROBE = 'DATABASE_PROBE';

export interface DatabaseModuleOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: (Function | EntitySchema)[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

/**
 * PostgreSQL through TypeORM. The schema comes only from checked-in migrations (never `synchronize`),
 * applied at start-up so a fresh database is ready; each service keeps its own migrations table.
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
          migrations: options.migrations,
          migrationsTableName: 'lep_migrations',
          migrationsRun: true,
          synchronize: false,
          logging: ['error', 'warn'],
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
            },
          }),
          inject: [getDataSourceToken()],
        },
      ],
      exports: [DATABASE_PROBE],
    };
  }
}
