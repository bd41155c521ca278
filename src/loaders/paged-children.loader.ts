import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { columnListSql, hydrate } from '../db/hydrate';
import { preparedStatements } from '../db/prepared-statements';
import { SqlParameters } from '../db/sql-parameters';
import { BoundedCountRow, boundedCountSql } from '../db/bounded-count';
import { BoundedCount, CountedConnection } from '../domain/connection';
import { boundedCountOf, KeysetCursor, keysetComparison, PageRequest, readDirection, toConnection } from '../rules/pagination.rule';

export interface PagedChildrenSpec<T> {
  entity: new () => T;
  table: string;
  /** Predicate tying a child row (alias `c`) to its parent id placeholder expression `parentId`. */
  belongsTo: (parentId: string) => string;
  /** Sort column of the child table and its direction; `id` breaks ties in the same direction. */
  sortColumn: string;
  /** SQL type of the sort column, for the cursor parameter. */
  sortType: 'timestamptz' | 'bigint';
  direction: 'ASC' | 'DESC';
  /** Column holding the primary key (`id`, or `sequence` for events). */
  idColumn?: string;
  /** Visibility filter over the child row aliased `c`. */
  where?: (parameters: SqlParameters) => string;
  cursorOf: (record: T) => KeysetCursor;
}

/**
 * A page of children for many parents in ONE statement: a LATERAL subquery per parent id, each using the
 * (parent, sort, id) index and fetching first + 1 rows. The statement count is constant in the page size. Each
 * page counts its parent's children through `counts` (createChildCountLoader) when its totalCount is asked for.
 */
export function createPagedChildrenLoader<T>(
  dataSource: DataSource,
  spec: PagedChildrenSpec<T>,
  page: PageRequest,
  counts: DataLoader<string, BoundedCount>,
): DataLoader<string, CountedConnection<T>> {
  return new DataLoader<string, CountedConnection<T>>(async (parentIds) => {
    const parameters = new SqlParameters();
    const parents = parameters.add(parentIds);
    const columns = columnListSql(dataSource, spec.entity, 'c');
    const rows = await preparedStatements.query<Array<Record<string, unknown>>>(
      dataSource,
      `SELECT p.id AS parent_key__, ${columns} FROM unnest(${parents}::bigint[]) AS p(id)
       CROSS JOIN LATERAL (${childPageSql(spec, page, 'p.id', parameters, columns)}) c`,
      parameters.values,
    );
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    const records = hydrate(dataSource, spec.entity, rows);
    rows.forEach((row, index) => groups.get(String(row.parent_key__))?.push(records[index]));
    return parentIds.map((id) => ({ ...toConnection(groups.get(id) ?? [], page, spec.cursorOf), countItems: () => counts.load(id) }));
  });
}

/**
 * One parent's page of children, `select`ed from the child row aliased `c`: the subquery the loader runs for each
 * parent id, and that prefetches join to the rows of their parents (src/loaders/ticket-graph.loader.ts).
 */
export function childPageSql<T>(
  spec: PagedChildrenSpec<T>,
  page: PageRequest,
  parentId: string,
  parameters: SqlParameters,
  select: string,
): string {
  const idColumn = spec.idColumn ?? 'id';
  const conditions = [spec.belongsTo(parentId)];
  if (spec.where) conditions.push(spec.where(parameters));
  if (page.after) {
    conditions.push(
      `(c.${spec.sortColumn}, c.${idColumn}) ${keysetComparison(spec.direction, page)} (${parameters.add(page.after.sortValue)}::${spec.sortType}, ${parameters.add(page.after.id)}::bigint)`,
    );
  }
  // A backward page reads the (parent, sort, id) index the other way; toConnection turns it round.
  const direction = readDirection(spec.direction, page);
  return `SELECT ${select} FROM ${spec.table} c WHERE ${conditions.join(' AND ')}
    ORDER BY c.${spec.sortColumn} ${direction}, c.${idColumn} ${direction} LIMIT ${page.first + 1}`;
}

/**
 * The bounded count of each parent's children (what `totalCount` of a nested connection says) in ONE statement per
 * batch of parents: the page's own predicates (parent, visibility or scope) without its keyset position, each
 * count stopping after TOTAL_COUNT_ROW_LIMIT rows of the (parent, sort, id) index.
 */
export function createChildCountLoader<T>(dataSource: DataSource, spec: PagedChildrenSpec<T>): DataLoader<string, BoundedCount> {
  return new DataLoader<string, BoundedCount>(async (parentIds) => {
    const parameters = new SqlParameters();
    const parents = parameters.add(parentIds);
    const conditions = [spec.belongsTo('p.id')];
    if (spec.where) conditions.push(spec.where(parameters));
    const rows = await preparedStatements.query<Array<BoundedCountRow & { parent_key__: string }>>(
      dataSource,
      `SELECT p.id AS parent_key__, n.counted FROM unnest(${parents}::bigint[]) AS p(id)
       CROSS JOIN LATERAL (${boundedCountSql(`${spec.table} c WHERE ${conditions.join(' AND ')}`)}) n`,
      parameters.values,
    );
    const counts = new Map(rows.map((row) => [String(row.parent_key__), boundedCountOf(row.counted)]));
    return parentIds.map((id) => counts.get(id) ?? boundedCountOf(0));
  });
}
