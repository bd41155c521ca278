import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '../domain/global-id';
import type { GraphQLContext } from '../graphql/context';
import { Agent, AgentPayload, QueueRuleRecord, SaveAgentInput, Team, workPayload } from '../graphql/platform-work.type';

@Resolver()
export class PlatformTeamsResolver {
  @Query(() => [Team], {
    description:
      "The platform's teams, each with its queue (agents and admins; FORBIDDEN for everyone else). A plain list, not a connection: reference data of tens of rows, read whole.",
  })
  teams(@Ctx() ctx: GraphQLContext): Promise<Team[]> {
    return ctx.services.platformTeams.listTeams(ctx);
  }

  @Query(() => [QueueRuleRecord], {
    description:
      'The active queue table, in evaluation order (agents and admins; FORBIDDEN for everyone else). A plain list, not a connection: reference data of tens of rows, read whole.',
  })
  queueRules(@Ctx() ctx: GraphQLContext): Promise<QueueRuleRecord[]> {
    return ctx.services.platformTeams.listQueueRules(ctx);
  }

  @Query(() => Agent, {
    nullable: true,
    description: "The calling agent's record: its teams and languages. Null for other principals or an agent not registered yet.",
  })
  currentAgent(@Ctx() ctx: GraphQLContext): Promise<Agent | null> {
    return ctx.services.platformTeams.currentAgent(ctx);
  }

  @Mutation(() => AgentPayload, { description: 'Registers an agent, or replaces its name, languages and teams (admins).' })
  async saveAgent(
    @Arg('input', () => SaveAgentInput, { description: 'The request; each field is described on `SaveAgentInput`.' }) input: SaveAgentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AgentPayload> {
    return workPayload('agent', await ctx.services.platformTeams.saveAgent(ctx, input));
  }
}

@Resolver(() => Team)
export class TeamResolver {
  @FieldResolver(() => ID, {
    name: 'id',
    description: "Opaque global id; `node(id:)` fetches the team again (agents and admins). `key` is the team's stable text key.",
  })
  globalId(@Root() team: Team): string {
    return toGlobalId('Team', team.id);
  }
}

@Resolver(() => Agent)
export class AgentResolver {
  @FieldResolver(() => ID, {
    name: 'id',
    description:
      'Opaque global id; `node(id:)` fetches the agent again (agents and admins), assignTicket takes it as agentId. `subject` is its JWT subject.',
  })
  globalId(@Root() agent: Agent): string {
    return toGlobalId('Agent', agent.id);
  }
}
