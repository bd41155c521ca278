import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Carrier, Customer, Seller } from '../entities';
import type { GraphQLContext } from '../graphql/context';
import { Me } from '../graphql/me.type';

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, { description: 'Who you are to this API: role, party and scope.' })
  me(@Ctx() ctx: GraphQLContext): Me {
    return ctx.services.me.describe(ctx);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Your customer record, for customers.' })
  customer(@Root() me: Me, @Ctx() ctx: GraphQLContext): Promise<Customer | null> | null {
    return me.customerId ? ctx.loaders.customerById.load(me.customerId) : null;
  }

  @FieldResolver(() => Seller, { nullable: true, description: 'Your seller record, for sellers and seller-scoped API keys.' })
  seller(@Root() me: Me, @Ctx() ctx: GraphQLContext): Promise<Seller | null> | null {
    return me.sellerId ? ctx.loaders.sellerById.load(me.sellerId) : null;
  }

  @FieldResolver(() => Carrier, { nullable: true, description: 'Your carrier record, for carriers.' })
  carrier(@Root() me: Me, @Ctx() ctx: GraphQLContext): Promise<Carrier | null> | null {
    return me.carrierId ? ctx.loaders.carrierById.load(me.carrierId) : null;
  }
}
