import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Ticket } from '../entities';
import type { GraphQLContext } from '../graphql/context';
import { TicketPayload } from '../graphql/payloads';
import { AssignTicketInput, TakeNextTicketPayload, TicketQueue, workPayload } from '../graphql/platform-work.type';

@Resolver(() => Ticket)
export class TicketAssignmentResolver {
  @FieldResolver(() => TicketQueue, {
    nullable: true,
    description:
      'The team queue and assignee of a ticket that reached the platform; null before it did, and always for customers, sellers and carriers.',
  })
  queue(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Promise<TicketQueue | null> {
    return ctx.services.ticketAssignment.queueOf(ctx, ticket);
  }

  @Mutation(() => TicketPayload, {
    description: "Assigns a platform ticket to an agent of its queue's team, or (agentId null) back to the queue (agents and admins).",
  })
  async assignTicket(
    @Arg('input', () => AssignTicketInput, { description: 'The request; each field is described on `AssignTicketInput`.' })
    input: AssignTicketInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketPayload> {
    return workPayload('ticket', await ctx.services.ticketAssignment.assignTicket(ctx, input));
  }

  @Mutation(() => TakeNextTicketPayload, {
    description:
      "Gives the calling agent the most urgent unassigned ticket of its teams' queues in its languages (next SLA due first, then priority); two agents never get the same ticket.",
  })
  async takeNextTicket(@Ctx() ctx: GraphQLContext): Promise<TakeNextTicketPayload> {
    return workPayload('ticket', await ctx.services.ticketAssignment.takeNextTicket(ctx));
  }
}
