import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', {
  description: 'An object with a global id. Any id can be fetched again with `node(id:)`.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Opaque global id, stable for the life of the record.' })
  globalId: string;
}
