import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { Agent, AgentPayload, QueueRuleRecord, SaveAgentInput, Team, workPayload } from '../graphql/platform-work.type';

@Resolver()
export class PlatformTeamsResolver {
  @Query(() => [Team], { description: 'The platform\'s teams, each with its queue (platform staff; empty for everyone else).' })
  teams(@Ctx() ctx: GraphQLContext): Promise<Team[]> {
    return ctx.services.platformTeams.listTeams(ctx);
  }

  @Query(() => [QueueRuleRecord], { description: 'The active queue table, in evaluation order (platform staff; empty for everyone else).' })
  queueRules(@Ctx() ctx: GraphQLContext): Promise<QueueRuleRecord[]> {
    return ctx.services.platformTeams.listQueueRules(ctx);
  }

  @Query(() => Agent, { nullable: true, description: 'The calling agent\'s record: its teams and languages. Null for other principals or an agent not registered yet.' })
  currentAgent(@Ctx() ctx: GraphQLContext): Promise<Agent | null> {
    return ctx.services.platformTeams.currentAgent(ctx);
  }

  @Query(() => Agent, { nullable: true, description: 'An agent by id (platform staff; null for everyone else).' })
  agent(@Arg('id', () => ID, { description: 'The agent\'s id (its JWT subject).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<Agent | null> {
    return ctx.services.platformTeams.getAgent(ctx, { agentId: id });
  }

  @Mutation(() => AgentPayload, { description: 'Registers an agent, or replaces its name, languages and teams (admins).' })
  async saveAgent(@Arg('input', () => SaveAgentInput) input: SaveAgentInput, @Ctx() ctx: GraphQLContext): Promise<AgentPayload> {
    return workPayload('agent', await ctx.services.platformTeams.saveAgent(ctx, input));
  }
}
