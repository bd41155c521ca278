import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { OpenTicketInput } from '../graphql/inputs/open-ticket.input';
import { EscalateTicketInput, ReclassifyTicketInput, TransferTicketInput } from '../graphql/inputs/ownership.input';
import { ChangeTicketPriorityInput } from '../graphql/inputs/priority.input';
import { TicketPayload, ticketPayload } from '../graphql/payloads';

@Resolver()
export class TicketMutationResolver {
  @Mutation(() => TicketPayload, {
    description:
      'Open a ticket: language, category and priority are decided, the owner is chosen by the routing rules, and the bot asks for missing details.',
  })
  async openTicket(
    @Arg('input', () => OpenTicketInput, { description: 'The request; each field is described on `OpenTicketInput`.' })
    input: OpenTicketInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketPayload> {
    return ticketPayload(await ctx.services.intake.openTicket(ctx, input));
  }

  @Mutation(() => TicketPayload, {
    description: 'Move a ticket to another party (platform agents). Recorded as OWNER_CHANGED with the reason.',
  })
  async transferTicket(
    @Arg('input', () => TransferTicketInput, { description: 'The request; each field is described on `TransferTicketInput`.' })
    input: TransferTicketInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketPayload> {
    return ticketPayload(await ctx.services.ownership.transferTicket(ctx, input));
  }

  @Mutation(() => TicketPayload, {
    description:
      'Escalate to the platform: a customer claim (refused with CLAIM_NOT_ELIGIBLE and eligibleAt when too early or too late), or a hand-up by the owning seller or carrier. The ticket becomes HIGH priority.',
  })
  async escalateTicket(
    @Arg('input', () => EscalateTicketInput, { description: 'The request; each field is described on `EscalateTicketInput`.' })
    input: EscalateTicketInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketPayload> {
    return ticketPayload(await ctx.services.ownership.escalateTicket(ctx, input));
  }

  @Mutation(() => TicketPayload, {
    description:
      'Correct the category of a ticket (platform agents). Recorded as TICKET_RECLASSIFIED; an owner change by the routing table as OWNER_CHANGED with the reason; the correction is kept as a labelled example (npm run export:intake-feedback).',
  })
  async reclassifyTicket(
    @Arg('input', () => ReclassifyTicketInput, { description: 'The request; each field is described on `ReclassifyTicketInput`.' })
    input: ReclassifyTicketInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketPayload> {
    return ticketPayload(await ctx.services.reclassification.reclassifyTicket(ctx, input));
  }

  @Mutation(() => TicketPayload, {
    description:
      "Change a ticket's priority (platform agents and admins; NOT_PERMITTED for others). Running SLA clocks move to the policy that now matches, keeping their start and the minutes used (SLA_RETARGETED); recorded as PRIORITY_CHANGED.",
  })
  async changeTicketPriority(
    @Arg('input', () => ChangeTicketPriorityInput, { description: 'The request; each field is described on `ChangeTicketPriorityInput`.' })
    input: ChangeTicketPriorityInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TicketPayload> {
    return ticketPayload(await ctx.services.priority.changeTicketPriority(ctx, input));
  }
}
