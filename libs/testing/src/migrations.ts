import type { DataSource } from 'typeorm';

/**
 * SQL TypeORM would still run to make the database match the entities after every migration has run.
 * Empty means the checked-in migrations describe the entities exactly; anything else is an entity change
 * that lacks its migration.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}
