import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Ticket } from '../entities';
import type { GraphQLContext } from '../graphql/context';
import { BusinessCalendarRecord, SlaPolicyRecord, TicketSla } from '../graphql/sla.type';

@Resolver(() => Ticket)
export class SlaResolver {
  @FieldResolver(() => TicketSla, { description: 'SLA clocks, the next due time and the seller-silence escalation time.' })
  sla(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Promise<TicketSla> {
    return ctx.services.slaQuery.ticketSla(ctx, ticket);
  }

  @Query(() => [SlaPolicyRecord], {
    description:
      'Active SLA policies in evaluation order (agents and admins). A plain list, not a connection: reference data of tens of rows, read whole.',
  })
  slaPolicies(@Ctx() ctx: GraphQLContext): Promise<SlaPolicyRecord[]> {
    return ctx.services.slaQuery.listPolicies(ctx);
  }

  @Query(() => [BusinessCalendarRecord], {
    description: 'Business calendars (agents and admins). A plain list, not a connection: reference data of tens of rows, read whole.',
  })
  businessCalendars(@Ctx() ctx: GraphQLContext): Promise<BusinessCalendarRecord[]> {
    return ctx.services.slaQuery.listCalendars(ctx);
  }
}
