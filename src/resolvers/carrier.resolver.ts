import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Carrier, Ticket } from '../entities';
import type { Connection, CountedConnection } from '../domain/connection';
import { CarrierConnection, TicketConnection } from '../graphql/connections';
import type { GraphQLContext } from '../graphql/context';
import { bidirectionalPageRequest } from '../rules/pagination.rule';
import { BidirectionalPageArgs, PageArgs } from './ticket.resolver';

@Resolver(() => Carrier)
export class CarrierResolver {
  @Query(() => Carrier, { nullable: true, description: 'A carrier by id; null when it does not exist.' })
  carrier(
    @Arg('id', () => ID, { description: "The carrier's global id." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Carrier | null> {
    return ctx.services.directory.getCarrier(ctx, { id });
  }

  @Query(() => CarrierConnection, { description: 'Carriers by name.' })
  carriers(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<Carrier>> {
    return ctx.services.directory.listCarriers(ctx, args);
  }

  @FieldResolver(() => TicketConnection, { description: 'Tickets this carrier owns or owned last that you may see, newest first.' })
  tickets(@Root() carrier: Carrier, @Args() args: BidirectionalPageArgs, @Ctx() ctx: GraphQLContext): Promise<CountedConnection<Ticket>> {
    return ctx.loaders.ticketsPageByCarrier(bidirectionalPageRequest(args)).load(carrier.id);
  }
}
