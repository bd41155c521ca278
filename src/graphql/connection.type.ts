import { ClassType, Field, ObjectType } from 'type-graphql';
import { Connection, Edge, PageInfo } from '../domain/connection';

@ObjectType('PageInfo', { description: 'Relay page information.' })
export class PageInfoType implements PageInfo {
  @Field({
    description:
      'Forwards (first/after): true when more items follow `endCursor`. Backwards (last/before): true when the page ends before a cursor, so items follow it.',
  })
  hasNextPage: boolean;

  @Field({
    description:
      'Forwards: true when the page starts after a cursor, so items precede it. Backwards: true when more items precede `startCursor`.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Cursor of the first item of the page; pass as `before` to page backwards (where the connection takes `last`/`before`). Null for an empty page.',
  })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to fetch the next page.' })
  endCursor: string | null;
}

/**
 * Builds the `<Name>Edge` and `<Name>Connection` object types of a Relay connection over `nodeType`. A connection
 * whose list can be counted gets `totalCount` and `totalCountIsLowerBound` from CountedConnectionResolver
 * (src/resolvers/connection-count.resolver.ts).
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque position of this item; pass as `after` (or `before`, where the connection pages backwards).' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, in a stable order.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], {
      description: "The items of this page with their cursors, in the list's order; empty when nothing (more) matches.",
    })
    edges: EdgeType[];

    @Field(() => PageInfoType, { description: 'Cursors and whether more items follow.' })
    pageInfo: PageInfoType;
  }
  return ConnectionClass;
}
