import { ClassType, Field, ObjectType } from 'type-graphql';
import { Connection, Edge, PageInfo } from '../domain/connection';

@ObjectType('PageInfo', { description: 'Relay page information.' })
export class PageInfoType implements PageInfo {
  @Field({ description: 'True when more items follow `endCursor`.' })
  hasNextPage: boolean;

  @Field({ description: 'True when this page started after a cursor (items precede it).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null for an empty page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to fetch the next page.' })
  endCursor: string | null;
}

/** Builds the `<Name>Edge` and `<Name>Connection` object types of a Relay connection over `nodeType`. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType implements Edge<T> {
    @Field({ description: 'Opaque position of this item; pass as `after`.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, in a stable order.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors, in the list\'s order; empty when nothing (more) matches.' })
    edges: EdgeType[];

    @Field(() => PageInfoType, { description: 'Cursors and whether more items follow.' })
    pageInfo: PageInfoType;
  }
  return ConnectionClass;
}
