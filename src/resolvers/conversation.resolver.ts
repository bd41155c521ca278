import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { PostMessageInput } from '../graphql/inputs/conversation.input';
import { ChangeTicketStatusInput, RateTicketInput, ReopenTicketInput, ResolveTicketInput } from '../graphql/inputs/lifecycle.input';
import { TicketPayload, ticketPayload } from '../graphql/payloads';
import { PostMessagePayload, postMessagePayload } from '../graphql/post-message-payload.type';

@Resolver()
export class ConversationResolver {
  @Mutation(() => PostMessagePayload, {
    description:
      "Write on a ticket: the customer, the owning seller or carrier, or a platform agent (INTERNAL notes: agents only). The owner's first public reply opens a NEW ticket; the customer's reply answers PENDING and reopens SOLVED within 7 days; to a finished ticket it opens a follow-up (followUpTicket).",
  })
  async postMessage(
    @Arg('input', () => PostMessageInput, { description: 'The request; each field is described on `PostMessageInput`.' })
    input: PostMessageInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PostMessagePayload> {
    return postMessagePayload(await ctx.services.conversation.postMessage(ctx, input));
  }

  @Mutation(() => TicketPayload, {
    description: 'Move a ticket to another status; an illegal move is refused with INVALID_TRANSITION and allowedStatuses.',
  })
  async changeTicketStatus(
    @Arg('input', () => ChangeTicketStatusInput, { description: 'The request; each field is described on `ChangeTicketStatusInput`.' })
    input: ChangeTicketStatusInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketPayload> {
    return ticketPayload(await ctx.services.lifecycle.changeTicketStatus(ctx, input));
  }

  @Mutation(() => TicketPayload, { description: 'Mark a ticket SOLVED with its resolution (the owning party or a platform agent).' })
  async resolveTicket(
    @Arg('input', () => ResolveTicketInput, { description: 'The request; each field is described on `ResolveTicketInput`.' })
    input: ResolveTicketInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketPayload> {
    return ticketPayload(await ctx.services.lifecycle.resolveTicket(ctx, input));
  }

  @Mutation(() => TicketPayload, {
    description: 'Reopen a SOLVED ticket: the customer within 7 days of the solve, the owner or an agent until it is CLOSED.',
  })
  async reopenTicket(
    @Arg('input', () => ReopenTicketInput, { description: 'The request; each field is described on `ReopenTicketInput`.' })
    input: ReopenTicketInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketPayload> {
    return ticketPayload(await ctx.services.lifecycle.reopenTicket(ctx, input));
  }

  @Mutation(() => TicketPayload, { description: 'The customer rates a SOLVED or CLOSED ticket, once.' })
  async rateTicket(
    @Arg('input', () => RateTicketInput, { description: 'The request; each field is described on `RateTicketInput`.' })
    input: RateTicketInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketPayload> {
    return ticketPayload(await ctx.services.lifecycle.rateTicket(ctx, input));
  }
}
