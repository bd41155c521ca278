import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { MutationResult } from '../domain/user-error';
import { Ticket } from '../entities';
import { CallbackPayload, CancelCallbackInput, RecordCallbackInput, RequestCallbackInput, TicketCallback } from '../graphql/callback.type';
import type { GraphQLContext } from '../graphql/context';
import type { CallbackResult } from '../services/callback-request.service';

function callbackPayload(result: MutationResult<CallbackResult>): CallbackPayload {
  if (!result.ok) return { callback: null, ticket: null, userErrors: result.userErrors };
  return { callback: new TicketCallback(result.value.callback), ticket: result.value.ticket, userErrors: [] };
}

@Resolver(() => Ticket)
export class TicketCallbackResolver {
  @FieldResolver(() => TicketCallback, {
    nullable: true,
    description:
      "The ticket's latest phone callback (attempt), for platform staff and the ticket's customer (the number masked for the customer); null when none was requested, and always for sellers and carriers.",
  })
  async callback(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Promise<TicketCallback | null> {
    const callback = await ctx.services.callbackRequests.callbackOf(ctx, ticket);
    return callback === null ? null : new TicketCallback(callback);
  }

  @Mutation(() => CallbackPayload, {
    description:
      "Books a phone callback on a platform ticket in the next free slot of its team's support hours (the customer on its own ticket, an agent, or the chat bot's platform API key on the customer's behalf) and announces callbackAt (CALLBACK_SCHEDULED).",
  })
  async requestCallback(
    @Arg('input', () => RequestCallbackInput, { description: 'The request; each field is described on `RequestCallbackInput`.' })
    input: RequestCallbackInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CallbackPayload> {
    return callbackPayload(await ctx.services.callbackRequests.requestCallback(ctx, input));
  }

  @Mutation(() => CallbackPayload, {
    description:
      "Records how the scheduled callback of a ticket went (platform agents): REACHED meets a PHONE ticket's FIRST_RESPONSE; NO_ANSWER reschedules once, then asks the customer to write.",
  })
  async recordCallback(
    @Arg('input', () => RecordCallbackInput, { description: 'The request; each field is described on `RecordCallbackInput`.' })
    input: RecordCallbackInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CallbackPayload> {
    return callbackPayload(await ctx.services.callbackOutcomes.recordCallback(ctx, input));
  }

  @Mutation(() => CallbackPayload, {
    description:
      "Calls off the scheduled callback of a ticket (the customer on its own ticket, platform staff, or the chat bot's platform API key on the customer's behalf): its slot is freed, no CALLBACK_DUE_SOON follows, CALLBACK_CANCELLED is announced.",
  })
  async cancelCallback(
    @Arg('input', () => CancelCallbackInput, { description: 'The request; each field is described on `CancelCallbackInput`.' })
    input: CancelCallbackInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CallbackPayload> {
    return callbackPayload(await ctx.services.callbackRequests.cancelCallback(ctx, input));
  }
}
