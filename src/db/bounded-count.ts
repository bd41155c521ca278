import { TOTAL_COUNT_ROW_LIMIT } from '../rules/pagination.rule';

/** The row of a bounded count: pg returns count(*) (a bigint) as text. */
export interface BoundedCountRow {
  counted: string;
}

/**
 * Counts the rows `fromWhere` (`table alias [JOIN …] WHERE …`, the list's own scope and filter) selects, reading at
 * most TOTAL_COUNT_ROW_LIMIT of them: the inner LIMIT stops the scan, so a count costs at most that many index
 * entries or rows however long the list is. boundedCountOf turns the result into the API's count.
 */
export function boundedCountSql(fromWhere: string): string {
  return `SELECT count(*) AS counted FROM (SELECT 1 FROM ${fromWhere} LIMIT ${TOTAL_COUNT_ROW_LIMIT}) bounded`;
}
