import { DataSource, EntityMetadata } from 'typeorm';

type ColumnMapping = Array<[databaseName: string, propertyName: string]>;
const mappings = new WeakMap<EntityMetadata, ColumnMapping>();

/**
 * Turns raw rows (as pg returns them: bigint and numeric as strings, timestamptz as Date, jsonb parsed) into
 * entity instances without TypeORM's hydration, for the hot read paths that use hand-written SQL.
 */
export function hydrate<T>(dataSource: DataSource, entity: new () => T, rows: ReadonlyArray<Record<string, unknown>>): T[] {
  const metadata = dataSource.getMetadata(entity);
  let mapping = mappings.get(metadata);
  if (!mapping) {
    mapping = metadata.columns.map((column) => [column.databaseName, column.propertyName]);
    mappings.set(metadata, mapping);
  }
  return rows.map((row) => {
    const instance = metadata.create() as Record<string, unknown>;
    for (const [databaseName, propertyName] of mapping) {
      if (databaseName in row) instance[propertyName] = row[databaseName];
    }
    return instance as T;
  });
}
