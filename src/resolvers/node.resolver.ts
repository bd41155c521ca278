import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { Node } from '../entities/node.interface';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by global id; null when it does not exist or is not yours to see.' })
  node(@Arg('id', () => ID, { description: 'A global id, as any `id` field of the API gives it.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<Node | null> {
    return ctx.services.node.getNode(ctx, { id });
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'Many objects by global id, at most 100 (more is refused): each in the place of its id, null where the id is malformed, unknown or not yours to see. One statement per type asked for, whatever the number of ids.',
  })
  nodes(@Arg('ids', () => [ID], { description: 'Global ids, as any `id` field of the API gives them; 0–100, of any types.' }) ids: string[], @Ctx() ctx: GraphQLContext): Promise<Array<Node | null>> {
    return ctx.services.node.getNodes(ctx, { ids });
  }
}
