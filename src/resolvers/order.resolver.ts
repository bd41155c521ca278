import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { OrderStatus } from '../domain/enums';
import { Customer, Order, OrderItem, OrderReturn, Seller, Shipment, Ticket } from '../entities';
import type { Connection, CountedConnection } from '../domain/connection';
import { OrderConnection, TicketConnection } from '../graphql/connections';
import type { GraphQLContext } from '../graphql/context';
import { bidirectionalPageRequest } from '../rules/pagination.rule';
import { BidirectionalPageArgs, PageArgs } from './ticket.resolver';

@ArgsType()
export class OrderListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this customer's orders (global id)." })
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only orders this seller sold (global id).' })
  sellerId?: string;

  @Field(() => [OrderStatus], { nullable: true, description: 'Only orders in any of these statuses.' })
  status?: OrderStatus[];
}

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order, { nullable: true, description: 'An order by id; null when it does not exist or is not yours to see.' })
  order(@Arg('id', () => ID, { description: "The order's global id." }) id: string, @Ctx() ctx: GraphQLContext): Promise<Order | null> {
    return ctx.services.orderQuery.getOrder(ctx, { id });
  }

  @Query(() => Order, { nullable: true, description: 'An order by its number, e.g. 503-1234567-7654321.' })
  orderByNumber(
    @Arg('number', { description: 'The human order number.' }) number: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Order | null> {
    return ctx.services.orderQuery.getOrderByNumber(ctx, { number });
  }

  @Query(() => OrderConnection, { description: 'Orders you may see, most recently placed first.' })
  orders(@Args() args: OrderListArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<Order>> {
    return ctx.services.orderQuery.listOrders(ctx, args);
  }

  @FieldResolver(() => Customer, {
    nullable: true,
    description: 'The customer who placed the order; masked for sellers and carriers (relay e-mail, no phone).',
  })
  customer(@Root() order: Order, @Ctx() ctx: GraphQLContext): Promise<Customer | null> {
    return ctx.loaders.customerById.load(order.customerId);
  }

  @FieldResolver(() => Seller, { nullable: true, description: 'Null when the platform itself sold the goods.' })
  soldBy(@Root() order: Order, @Ctx() ctx: GraphQLContext): Promise<Seller | null> | null {
    return order.soldBySellerId ? ctx.loaders.sellerById.load(order.soldBySellerId) : null;
  }

  @FieldResolver(() => [OrderItem], {
    description: 'The lines of the order, by position. A plain list: an order has a bounded number of lines, all read at once.',
  })
  items(@Root() order: Order, @Ctx() ctx: GraphQLContext): Promise<OrderItem[]> {
    return ctx.loaders.itemsByOrderId.load(order.id);
  }

  @FieldResolver(() => [Shipment], {
    description: 'The parcels of the order, oldest first. A plain list: an order has a few parcels at most.',
  })
  shipments(@Root() order: Order, @Ctx() ctx: GraphQLContext): Shipment[] | Promise<Shipment[]> {
    return ctx.loaders.shipmentsOfOrder(order);
  }

  @FieldResolver(() => [OrderReturn], {
    description: 'The returns of the order, oldest first. A plain list: an order has a few returns at most.',
  })
  returns(@Root() order: Order, @Ctx() ctx: GraphQLContext): Promise<OrderReturn[]> {
    return ctx.loaders.returnsByOrderId.load(order.id);
  }

  @FieldResolver(() => TicketConnection, { description: 'Tickets about this order that you may see, newest first.' })
  tickets(@Root() order: Order, @Args() args: BidirectionalPageArgs, @Ctx() ctx: GraphQLContext): Promise<CountedConnection<Ticket>> {
    return ctx.loaders.ticketsPageByOrder(bidirectionalPageRequest(args)).load(order.id);
  }
}
