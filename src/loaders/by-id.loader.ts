import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { columnListSql, hydrate } from '../db/hydrate';
import { preparedStatements } from '../db/prepared-statements';
import { SqlParameters } from '../db/sql-parameters';

export interface ByIdLoaderSpec<T> {
  entity: new () => T;
  table: string;
  /** Primary key column (`id`, or `sequence` for events). */
  idColumn?: string;
  /** Extra predicate over the row aliased `r` (the caller's scope); rows it rejects load as null. */
  scope?: (alias: string, parameters: SqlParameters) => string;
  /** Applied to every loaded record (masking for the caller). */
  present?: (record: T) => T;
}

/** One statement per batch: `WHERE id = ANY($1)` (`= $1` for one key), results returned in key order, null for the missing. */
export function createByIdLoader<T>(dataSource: DataSource, spec: ByIdLoaderSpec<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const parameters = new SqlParameters();
    const matches = parameters.matchesAnyId(`r.${spec.idColumn ?? 'id'}`, ids);
    const scope = spec.scope ? ` AND ${spec.scope('r', parameters)}` : '';
    const rows = await preparedStatements.query<Array<Record<string, unknown>>>(
      dataSource,
      `SELECT ${columnListSql(dataSource, spec.entity, 'r')} FROM ${spec.table} r WHERE ${matches}${scope}`,
      parameters.values,
    );
    const byId = new Map<string, T>();
    const records = hydrate(dataSource, spec.entity, rows);
    rows.forEach((row: Record<string, unknown>, index: number) => {
      byId.set(String(row[spec.idColumn ?? 'id']), spec.present ? spec.present(records[index]) : records[index]);
    });
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * All rows whose `parentColumn` is one of the keys, grouped per key, in `orderBy` order. A `scope` is needed
 * whenever a child can be outside the caller's scope although its parent is inside (tickets of tickets).
 */
export function createGroupLoader<T>(
  dataSource: DataSource,
  spec: {
    entity: new () => T;
    table: string;
    parentColumn: string;
    parentKey: (record: T) => string;
    orderBy: string;
    scope?: (alias: string, parameters: SqlParameters) => string;
    present?: (record: T) => T;
  },
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const parameters = new SqlParameters();
    const matches = parameters.matchesAnyId(`r.${spec.parentColumn}`, parentIds);
    const scope = spec.scope ? ` AND ${spec.scope('r', parameters)}` : '';
    const rows = await preparedStatements.query<Array<Record<string, unknown>>>(
      dataSource,
      `SELECT ${columnListSql(dataSource, spec.entity, 'r')} FROM ${spec.table} r WHERE ${matches}${scope} ORDER BY ${spec.orderBy}`,
      parameters.values,
    );
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const record of hydrate(dataSource, spec.entity, rows)) {
      groups.get(spec.parentKey(record))?.push(spec.present ? spec.present(record) : record);
    }
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}
