import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Carrier, Customer, Message, Order, Seller, Shipment, Ticket, TicketEvent } from '../entities';
import type { Connection, CountedConnection } from '../domain/connection';
import { MessageConnection, TicketConnection, TicketEventConnection } from '../graphql/connections';
import type { GraphQLContext } from '../graphql/context';
import { MessageOrder, TicketOrder } from '../domain/enums';
import { TicketFilter } from '../graphql/inputs/ticket-filter.input';
import { ticketGraphOf } from '../graphql/ticket-graph';
import { bidirectionalPageRequest, pageRequest } from '../rules/pagination.rule';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20). More than 100 is refused.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string;
}

/** Relay's arguments both ways: `first`/`after` forwards, `last`/`before` backwards (not both at once). */
@ArgsType()
export class BidirectionalPageArgs extends PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Page backwards: the last items before `before` (or of the list), 0–100 (default 20). Not with first/after.',
  })
  last?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item of the next page (its `pageInfo.startCursor`): page backwards from it.',
  })
  before?: string;
}

@ArgsType()
export class TicketListArgs extends BidirectionalPageArgs {
  @Field(() => TicketFilter, { nullable: true, description: 'Which tickets; every ticket you may see when omitted.' })
  filter?: TicketFilter;

  @Field(() => TicketOrder, {
    nullable: true,
    defaultValue: TicketOrder.CREATED_AT_DESC,
    description: 'Sort order; newest first by default.',
  })
  orderBy?: TicketOrder;
}

@ArgsType()
export class MessagePageArgs extends BidirectionalPageArgs {
  @Field(() => MessageOrder, {
    nullable: true,
    defaultValue: MessageOrder.OLDEST_FIRST,
    description: 'NEWEST_FIRST with first: 3 gives the last three messages.',
  })
  order?: MessageOrder;
}

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, { nullable: true, description: 'A ticket by id; null when it does not exist or is not yours to see.' })
  ticket(
    @Arg('id', () => ID, { description: "The ticket's global id." }) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Ticket | null> {
    return ctx.services.ticketQuery.getTicket(ctx, { id, graph: ticketGraphOf(info, []) });
  }

  @Query(() => Ticket, { nullable: true, description: 'A ticket by its case number, e.g. T-000123.' })
  ticketByNumber(
    @Arg('number', { description: 'The case number, e.g. T-000123.' }) number: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Ticket | null> {
    return ctx.services.ticketQuery.getTicketByNumber(ctx, { number });
  }

  @Query(() => TicketConnection, { description: 'Tickets you may see, filtered, newest first by default.' })
  tickets(@Args() args: TicketListArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<CountedConnection<Ticket>> {
    return ctx.services.ticketQuery.listTickets(ctx, { ...args, graph: ticketGraphOf(info, ['edges', 'node']) });
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer; masked for sellers and carriers.' })
  customer(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Customer | null | Promise<Customer | null> {
    return ctx.loaders.customerOfTicket(ticket);
  }

  @FieldResolver(() => Order, { nullable: true, description: 'The order the ticket is about, if any.' })
  order(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Order | null | Promise<Order | null> {
    return ctx.loaders.orderOfTicket(ticket);
  }

  @FieldResolver(() => Shipment, { nullable: true, description: 'The parcel the ticket is about, if known.' })
  shipment(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Shipment | null | Promise<Shipment | null> {
    return ctx.loaders.shipmentOfTicket(ticket);
  }

  @FieldResolver(() => Seller, {
    nullable: true,
    description: 'The seller that sold the order; it owns the ticket while ownerParty is SELLER.',
  })
  seller(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Seller | null | Promise<Seller | null> {
    return ctx.loaders.sellerOfTicket(ticket);
  }

  @FieldResolver(() => Carrier, { nullable: true, description: 'The carrier that owns the ticket, or owned it last.' })
  carrier(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Carrier | null | Promise<Carrier | null> {
    return ctx.loaders.carrierOfTicket(ticket);
  }

  @FieldResolver(() => MessageConnection, { description: 'The conversation; INTERNAL notes only for platform staff.' })
  messages(
    @Root() ticket: Ticket,
    @Args() args: MessagePageArgs,
    @Ctx() ctx: GraphQLContext,
  ): CountedConnection<Message> | Promise<CountedConnection<Message>> {
    return ctx.loaders.messagesOfTicket(ticket, bidirectionalPageRequest(args), args.order ?? 'OLDEST_FIRST');
  }

  @FieldResolver(() => TicketEventConnection, { description: 'The timeline: every change of the ticket, oldest first.' })
  events(
    @Root() ticket: Ticket,
    @Args() args: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Connection<TicketEvent> | Promise<Connection<TicketEvent>> {
    return ctx.loaders.eventsOfTicket(ticket, pageRequest(args.first, args.after, 'sequence'));
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The closed ticket this one follows up.' })
  followUpOf(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Promise<Ticket | null> | null {
    return ticket.followUpOfTicketId ? ctx.loaders.ticketById.load(ticket.followUpOfTicketId) : null;
  }

  @FieldResolver(() => TicketConnection, {
    description:
      'Tickets opened as follow-ups of this one after it was closed (each when the customer wrote to the finished ticket), oldest first, those you may see.',
  })
  followUps(@Root() ticket: Ticket, @Args() args: BidirectionalPageArgs, @Ctx() ctx: GraphQLContext): Promise<CountedConnection<Ticket>> {
    return ctx.loaders.followUpsPage(bidirectionalPageRequest(args)).load(ticket.id);
  }
}
