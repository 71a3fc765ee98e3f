import { DataSource, DataSourceOptions } from 'typeorm';

/**
 * Connects with `options` and runs every migration it lists, as a service does at start-up. Returns the open
 * data source; the caller destroys it.
 */
export async function runMigrations(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource({
    ...options,
    synchronize: false,
    migrationsRun: false,
  }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/**
 * SQL TypeORM would still run to make the database match the entities after every migration has run.
 * Empty means the checked-in migrations describe the entities exactly; anything else is an entity change
 * that lacks its migration.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}
