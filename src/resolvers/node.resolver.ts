import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { assertNever } from '../domain/enums';
import { AdminAuditEntry } from '../graphql/admin.type';
import { ApiKey } from '../graphql/api-key.type';
import { TicketCallback } from '../graphql/callback.type';
import type { GraphQLContext } from '../graphql/context';
import { Agent, Team } from '../graphql/platform-work.type';
import { WebhookDelivery, WebhookEndpoint } from '../graphql/webhook.type';
import { Node } from '../entities/node.interface';
import { FetchedNode, isViewNode } from '../services/node.service';

/**
 * The GraphQL object of a fetched record. The schema resolves Node's type from the value's class
 * (src/resolvers/schema.ts), so a plain view becomes an instance of its type's class here.
 */
function graphQLObject(fetched: FetchedNode | null): object | null {
  if (fetched === null) return null;
  if (!isViewNode(fetched)) return fetched.node;
  switch (fetched.typeName) {
    case 'ApiKey':
      return Object.assign(new ApiKey(), fetched.node);
    case 'WebhookEndpoint':
      return Object.assign(new WebhookEndpoint(), fetched.node);
    case 'WebhookDelivery':
      return Object.assign(new WebhookDelivery(), fetched.node);
    case 'CallbackRequest':
      return new TicketCallback(fetched.node);
    case 'AdminAuditEntry':
      return Object.assign(new AdminAuditEntry(), fetched.node);
    case 'Team':
      return Object.assign(new Team(), fetched.node);
    case 'Agent':
      return Object.assign(new Agent(), fetched.node);
    default:
      return assertNever(fetched);
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by global id; null when it does not exist or is not yours to see.' })
  async node(
    @Arg('id', () => ID, { description: 'A global id, as any `id` field of the API gives it.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<object | null> {
    return graphQLObject(await ctx.services.node.getNode(ctx, { id }));
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'Many objects by global id, at most 100 (more is refused): each in the place of its id, null where the id is malformed, unknown or not yours to see. One statement per type asked for, whatever the number of ids (two for TicketCallback).',
  })
  async nodes(
    @Arg('ids', () => [ID], { description: 'Global ids, as any `id` field of the API gives them; 0–100, of any types.' }) ids: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<Array<object | null>> {
    return (await ctx.services.node.getNodes(ctx, { ids })).map(graphQLObject);
  }
}
