import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { Node } from '../entities/node.interface';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by global id; null when it does not exist or is not yours to see.' })
  node(@Arg('id', () => ID, { description: 'A global id, as any `id` field of the API gives it.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<Node | null> {
    return ctx.services.node.getNode(ctx, { id });
  }
}
