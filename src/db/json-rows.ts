import { DataSource, EntityMetadata } from 'typeorm';

// Rows of related tables fetched in one statement as JSON (one column per relation, built by PostgreSQL), and
// turned back into entity instances. JSON has no bigint and no timestamp: bigint and numeric columns are sent
// as text (exact, like pg sends them), timestamps as ISO 8601 text that becomes a Date again here.

interface JsonColumn {
  databaseName: string;
  propertyName: string;
  isTimestamp: boolean;
}

interface JsonShape {
  columns: JsonColumn[];
}

const shapes = new WeakMap<EntityMetadata, JsonShape>();
const objectSql = new WeakMap<EntityMetadata, Map<string, string>>();

const MAXIMUM_PAIRS_PER_CALL = 50;
const TEXT_TYPES = new Set(['bigint', 'numeric', 'decimal']);
const TIMESTAMP_TYPES = new Set(['timestamptz', 'timestamp with time zone', 'timestamp']);

function shapeOf(dataSource: DataSource, entity: new () => unknown): JsonShape {
  const metadata = dataSource.getMetadata(entity);
  let shape = shapes.get(metadata);
  if (!shape) {
    shape = {
      columns: metadata.columns.map((column) => ({
        databaseName: column.databaseName,
        propertyName: column.propertyName,
        isTimestamp: TIMESTAMP_TYPES.has(String(column.type)),
      })),
    };
    shapes.set(metadata, shape);
  }
  return shape;
}

/**
 * `json_build_object(...)` of the columns (database names; all when null) of the entity's row aliased `alias`,
 * bigints and numerics as text.
 */
export function jsonObjectSql(
  dataSource: DataSource,
  entity: new () => unknown,
  alias: string,
  columns: readonly string[] | null = null,
): string {
  const metadata = dataSource.getMetadata(entity);
  let byAlias = objectSql.get(metadata);
  if (!byAlias) {
    byAlias = new Map();
    objectSql.set(metadata, byAlias);
  }
  const key = columns === null ? alias : `${alias}:${columns.join(',')}`;
  let sql = byAlias.get(key);
  if (!sql) {
    const chosen = columns === null ? metadata.columns : metadata.columns.filter((column) => columns.includes(column.databaseName));
    const pairs = chosen.map((column) => {
      const type = String(column.type);
      const value = `${alias}.${column.databaseName}`;
      const asText = TEXT_TYPES.has(type) ? (column.isArray ? `${value}::text[]` : `${value}::text`) : value;
      return `'${column.databaseName}', ${asText}`;
    });
    // A function takes at most 100 arguments: wider rows are built in parts and concatenated (as jsonb).
    const parts: string[] = [];
    for (let start = 0; start < pairs.length; start += MAXIMUM_PAIRS_PER_CALL)
      parts.push(pairs.slice(start, start + MAXIMUM_PAIRS_PER_CALL).join(', '));
    sql = parts.length === 1 ? `json_build_object(${parts[0]})` : `(${parts.map((part) => `jsonb_build_object(${part})`).join(' || ')})`;
    byAlias.set(key, sql);
  }
  return sql;
}

/**
 * Entity instances from objects built by `jsonObjectSql` (pg has already parsed the JSON); a column the object
 * lacks (it was not selected) stays unset. Built on the entity's prototype, without TypeORM: the getters work,
 * and `constructor` names the class.
 */
export function hydrateJson<T>(dataSource: DataSource, entity: new () => T, objects: ReadonlyArray<Record<string, unknown>>): T[] {
  const { columns } = shapeOf(dataSource, entity);
  const prototype = entity.prototype as object;
  return objects.map((object) => {
    const instance = Object.create(prototype) as Record<string, unknown>;
    for (const column of columns) {
      const value = object[column.databaseName];
      if (value === undefined) continue;
      instance[column.propertyName] = column.isTimestamp && typeof value === 'string' ? new Date(value) : value;
    }
    return instance as T;
  });
}
