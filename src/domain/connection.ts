// A Relay page as plain data: what services and the pagination rule return. src/graphql/connection.type.ts
// exposes it as the `<Name>Connection`, `<Name>Edge` and `PageInfo` types.

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** How many items a list holds, counted up to a bound (TOTAL_COUNT_BOUND) so that the count's cost is bounded. */
export interface BoundedCount {
  /** The items counted: exact up to the bound, the bound itself when more exist. */
  count: number;
  /** True when more items exist than were counted (`count` is the bound). */
  isLowerBound: boolean;
}

/**
 * A page whose list can also be counted. The count is read only when asked for (`totalCount` selected): one more
 * statement for the list, or one per batch of parents for a nested connection, whatever the page size.
 */
export interface CountedConnection<T> extends Connection<T> {
  countItems(): Promise<BoundedCount>;
}
