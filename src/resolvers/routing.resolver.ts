import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { ExplainRoutingInput } from '../graphql/inputs/explain-routing.input';
import { RoutingExplanation } from '../graphql/routing-explanation.type';
import { RoutingRuleRecord } from '../graphql/routing-rule.type';

@Resolver()
export class RoutingResolver {
  @Query(() => RoutingExplanation, {
    description: 'Who would own this contact, by which rule, and why — for a hypothetical ticket. Writes nothing.',
  })
  explainRouting(
    @Arg('input', () => ExplainRoutingInput, { description: 'The request; each field is described on `ExplainRoutingInput`.' })
    input: ExplainRoutingInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoutingExplanation> {
    return ctx.services.routingExplanation.explainRouting(ctx, input);
  }

  @Query(() => [RoutingRuleRecord], {
    description:
      'The active ownership routing table, in evaluation order (agents and admins). A plain list, not a connection: reference data of tens of rows, read whole.',
  })
  routingRules(@Ctx() ctx: GraphQLContext): Promise<RoutingRuleRecord[]> {
    return ctx.services.routingRules.listRoutingRules(ctx);
  }
}
