import { Connection } from '../graphql/connection.type';
import { BadUserInputError } from '../graphql/errors';

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

export function decodeCursor(cursor: string, field = 'after'): KeysetCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string' && /^[0-9]{1,19}$/.test(parsed[1])) {
      const [sortValue, id] = parsed as [unknown, string];
      if (sortValue === null || typeof sortValue === 'string' || typeof sortValue === 'number') return { sortValue, id };
    }
  } catch {
    // fall through to the one error below
  }
  throw new BadUserInputError(`"${cursor.slice(0, 80)}" is not a cursor this API issued`, field);
}

/** Validates `first`/`after` arguments: `first` from 0 to 100 (more is refused, never silently capped). */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAXIMUM_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAXIMUM_PAGE_SIZE} (was ${first})`, 'first');
  }
  return { first: size, after: after ? decodeCursor(after) : null };
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
