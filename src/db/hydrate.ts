import { DataSource, EntityMetadata } from 'typeorm';

/**
 * A row as `query` returns it before hydration: column names (database names, snake_case) to values as pg parses
 * them. What a statement of an entity's table is typed as (`manager.query<RawRow[]>(…)`) until `hydrate` maps it.
 */
export type RawRow = Record<string, unknown>;

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

const columnLists = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * The entity's columns over the row aliased `alias`, named: what `hydrate` reads. Statements list their columns
 * instead of `*`, so that a column added by a migration cannot change the result of a statement another
 * instance has prepared (PostgreSQL refuses to run a prepared statement whose result type changed).
 */
export function columnListSql(dataSource: DataSource, entity: new () => unknown, alias: string): string {
  const metadata = dataSource.getMetadata(entity);
  let byAlias = columnLists.get(metadata);
  if (!byAlias) {
    byAlias = new Map();
    columnLists.set(metadata, byAlias);
  }
  let sql = byAlias.get(alias);
  if (!sql) {
    sql = metadata.columns.map((column) => `${alias}.${column.databaseName}`).join(', ');
    byAlias.set(alias, sql);
  }
  return sql;
}
