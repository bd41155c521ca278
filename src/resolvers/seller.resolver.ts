import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Seller, Ticket } from '../entities';
import type { Connection, CountedConnection } from '../domain/connection';
import { SellerConnection, TicketConnection } from '../graphql/connections';
import type { GraphQLContext } from '../graphql/context';
import { bidirectionalPageRequest } from '../rules/pagination.rule';
import { BidirectionalPageArgs, PageArgs } from './ticket.resolver';

@Resolver(() => Seller)
export class SellerResolver {
  @Query(() => Seller, { nullable: true, description: 'A seller by id; null when it does not exist.' })
  seller(@Arg('id', () => ID, { description: "The seller's global id." }) id: string, @Ctx() ctx: GraphQLContext): Promise<Seller | null> {
    return ctx.services.directory.getSeller(ctx, { id });
  }

  @Query(() => SellerConnection, { description: 'Sellers by name.' })
  sellers(@Args() args: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<Seller>> {
    return ctx.services.directory.listSellers(ctx, args);
  }

  @FieldResolver(() => TicketConnection, { description: 'Tickets about orders this seller sold that you may see, newest first.' })
  tickets(@Root() seller: Seller, @Args() args: BidirectionalPageArgs, @Ctx() ctx: GraphQLContext): Promise<CountedConnection<Ticket>> {
    return ctx.loaders.ticketsPageBySeller(bidirectionalPageRequest(args)).load(seller.id);
  }
}
