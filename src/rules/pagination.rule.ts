import { Connection } from '../domain/connection';
import { assertNever } from '../domain/enums';
import { BadUserInputError } from '../domain/errors';
import { unacceptableText } from '../rules/text-input.rule';

export const MAXIMUM_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** A keyset position: the sort value of the last item seen and its id (the tie-break). */
export interface KeysetCursor {
  sortValue: string | number | null;
  id: string;
}

export interface PageRequest {
  first: number;
  after: KeysetCursor | null;
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
      return typeof sortValue === 'string' && sortValue.length <= MAXIMUM_TEXT_SORT_CHARACTERS && unacceptableText(sortValue) === null;
    case 'sequence':
      return (typeof sortValue === 'string' && isBigintText(sortValue)) || (typeof sortValue === 'number' && Number.isSafeInteger(sortValue) && sortValue >= 0);
    case 'none':
      return sortValue === null;
    default:
      return assertNever(kind);
  }
}

export function decodeCursor(cursor: string, field = 'after', kind: CursorSortKind = 'timestamp'): KeysetCursor {
  try {
    const parsed: unknown = cursor.length <= 2000 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string' && isBigintText(parsed[1]) && isSortValueOf(kind, parsed[0])) {
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
export function pageRequest(first: number | null | undefined, after: string | null | undefined, sortKind: CursorSortKind = 'timestamp'): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAXIMUM_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAXIMUM_PAGE_SIZE} (was ${first})`, 'first');
  }
  return { first: size, after: after ? decodeCursor(after, 'after', sortKind) : null };
}

/**
 * Builds a connection from `rows` fetched with LIMIT first + 1: the extra row only tells that a next page exists.
 */
export function toConnection<T>(rows: T[], page: PageRequest, cursorOf: (row: T) => KeysetCursor): Connection<T> {
  const hasNextPage = rows.length > page.first;
  const pageRows = hasNextPage ? rows.slice(0, page.first) : rows;
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
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
