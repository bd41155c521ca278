import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', {
  description:
    'An object with a global id. Any such id can be fetched again with `node(id:)` (many at once with `nodes(ids:)`), with the same visibility as where it was found.',
  // The class, not its name: type-graphql maps it to the GraphQL name, which differs for OrderReturn (`Return`).
  resolveType: (value: object) => value.constructor as new () => object,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record.' })
  globalId: string;
}
