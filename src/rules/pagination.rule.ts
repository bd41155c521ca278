import { BoundedCount, Connection } from '../domain/connection';
import { assertNever } from '../domain/enums';
import { BadUserInputError } from '../domain/errors';
import { unstorableText } from './text-input.rule';

export const MAXIMUM_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/**
 * `totalCount` counts at most this many items (and reads at most one more row, to know whether more exist): the
 * cost of a count is bounded like that of a page, however long the list.
 */
export const TOTAL_COUNT_BOUND = 10_000;

/** The rows a bounded count reads: one beyond the bound tells that more exist. */
export const TOTAL_COUNT_ROW_LIMIT = TOTAL_COUNT_BOUND + 1;

/** A bounded count from the rows counted (at most TOTAL_COUNT_ROW_LIMIT; pg's count(*) is a bigint, as text). */
export function boundedCountOf(countedRows: number | string): BoundedCount {
  const counted = Number(countedRows);
  return counted > TOTAL_COUNT_BOUND ? { count: TOTAL_COUNT_BOUND, isLowerBound: true } : { count: counted, isLowerBound: false };
}

/** A keyset position: the sort value of the last item seen and its id (the tie-break). */
export interface KeysetCursor {
  sortValue: string | number | null;
  id: string;
}

export interface PageRequest {
  /** Items per page: `first`, or `last` when backward. */
  first: number;
  /** The keyset position the page starts from, exclusive: `after`, or `before` when backward. */
  after: KeysetCursor | null;
  /**
   * `last`/`before`: the page is the items just before the position. It is read in the reverse of the list's order
   * (the same index, scanned the other way) and turned round by toConnection, so the items come in the list's order.
   */
  backward?: boolean;
}

/** The order a page is read from the database in: the list's own, or its reverse for a backward page. */
export function readDirection(direction: 'ASC' | 'DESC', page: PageRequest): 'ASC' | 'DESC' {
  if (!page.backward) return direction;
  return direction === 'ASC' ? 'DESC' : 'ASC';
}

/** The keyset comparison of rows after the page's position in the order they are read in. */
export function keysetComparison(direction: 'ASC' | 'DESC', page: PageRequest): '<' | '>' {
  return readDirection(direction, page) === 'ASC' ? '>' : '<';
}

/** A stable key of a page request, for loaders and held pages shared by requests that ask alike. */
export function pageKey(page: PageRequest): string {
  return `${page.backward ? 'last' : 'first'}:${page.first}:${page.after ? JSON.stringify(page.after) : ''}`;
}

/** Relay's arguments of a connection that pages both ways. */
export interface PageArguments {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.sortValue, cursor.id]), 'utf8').toString('base64url');
}

/**
 * What a connection sorts by, so that a cursor's sort value is checked before it reaches SQL as that type: a
 * cursor that was not issued by this API (or by another connection) is the client's error, never a database one.
 */
export type CursorSortKind = 'timestamp' | 'text' | 'sequence' | 'none';

/** Largest PostgreSQL bigint: ids and sequences beyond it cannot exist. */
const MAXIMUM_BIGINT = 9_223_372_036_854_775_807n;
/** As toISOString writes them (and any offset): what a timestamp cursor of this API holds. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const MAXIMUM_TEXT_SORT_CHARACTERS = 1000;

function isBigintText(value: string): boolean {
  return /^[0-9]{1,19}$/.test(value) && BigInt(value) <= MAXIMUM_BIGINT;
}

function isSortValueOf(kind: CursorSortKind, sortValue: unknown): boolean {
  switch (kind) {
    case 'timestamp':
      return sortValue === null || (typeof sortValue === 'string' && ISO_TIMESTAMP.test(sortValue) && !Number.isNaN(Date.parse(sortValue)));
    case 'text':
      return typeof sortValue === 'string' && sortValue.length <= MAXIMUM_TEXT_SORT_CHARACTERS && unstorableText(sortValue) === null;
    case 'sequence':
      return (
        (typeof sortValue === 'string' && isBigintText(sortValue)) ||
        (typeof sortValue === 'number' && Number.isSafeInteger(sortValue) && sortValue >= 0)
      );
    case 'none':
      return sortValue === null;
    default:
      return assertNever(kind);
  }
}

export function decodeCursor(cursor: string, field = 'after', kind: CursorSortKind = 'timestamp'): KeysetCursor {
  try {
    const parsed: unknown = cursor.length <= 2000 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[1] === 'string' &&
      isBigintText(parsed[1]) &&
      isSortValueOf(kind, parsed[0])
    ) {
      const [sortValue, id] = parsed as [string | number | null, string];
      return { sortValue, id };
    }
  } catch {
    // fall through to the one error below
  }
  throw new BadUserInputError(`${field}: "${cursor.slice(0, 80)}" is not a cursor this API issued for this connection`, field);
}

/**
 * Validates `first`/`after` arguments: `first` from 0 to 100 (more is refused, never silently capped), `after`
 * a cursor of a connection sorted by `sortKind`.
 */
export function pageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
  sortKind: CursorSortKind = 'timestamp',
): PageRequest {
  return { first: pageSize(first, 'first'), after: after ? decodeCursor(after, 'after', sortKind) : null };
}

function pageSize(size: number | null | undefined, field: 'first' | 'last'): number {
  const value = size ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value) || value < 0 || value > MAXIMUM_PAGE_SIZE) {
    throw new BadUserInputError(`${field} must be between 0 and ${MAXIMUM_PAGE_SIZE} (was ${size})`, field);
  }
  return value;
}

/**
 * Validates Relay's arguments of a connection that pages both ways: `first`/`after` forwards, `last`/`before`
 * backwards (`last` alone: the end of the list). Both directions at once are refused: one keyset, one direction.
 */
export function bidirectionalPageRequest(args: PageArguments, sortKind: CursorSortKind = 'timestamp'): PageRequest {
  const given = (value: unknown) => value !== undefined && value !== null;
  const backward = given(args.last) || given(args.before);
  if (!backward) return pageRequest(args.first, args.after, sortKind);
  if (given(args.first) || given(args.after)) {
    throw new BadUserInputError(
      'Page forwards with first/after or backwards with last/before, not both at once',
      given(args.first) ? 'first' : 'after',
    );
  }
  return { first: pageSize(args.last, 'last'), after: args.before ? decodeCursor(args.before, 'before', sortKind) : null, backward: true };
}

/**
 * Builds a connection from `rows` fetched with LIMIT first + 1, in the order they were read: the extra row only
 * tells that another page exists in the direction read. A backward page is turned round into the list's order.
 */
export function toConnection<T>(rows: T[], page: PageRequest, cursorOf: (row: T) => KeysetCursor): Connection<T> {
  const hasMore = rows.length > page.first;
  const readRows = hasMore ? rows.slice(0, page.first) : rows;
  const pageRows = page.backward ? [...readRows].reverse() : readRows;
  const hasNextPage = page.backward ? page.after !== null : hasMore;
  const hasPreviousPage = page.backward ? hasMore : page.after !== null;
  // An edge's cursor is encoded when asked for: most pages are read for their nodes and their end cursor only.
  const edges = pageRows.map((node) => ({
    node,
    get cursor() {
      return encodeCursor(cursorOf(node));
    },
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
