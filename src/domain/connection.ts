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
