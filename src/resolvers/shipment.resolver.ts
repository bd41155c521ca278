import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Carrier, Shipment } from '../entities';
import type { GraphQLContext } from '../graphql/context';
import { trackingUrlOf } from '../rules/order-answer.rule';

@Resolver(() => Shipment)
export class ShipmentResolver {
  @FieldResolver(() => Carrier, { nullable: true, description: 'The carrier that carries the parcel.' })
  carrier(@Root() shipment: Shipment, @Ctx() ctx: GraphQLContext): Carrier | null | Promise<Carrier | null> {
    return ctx.loaders.carrierOfShipment(shipment);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where the customer can follow the parcel.' })
  async trackingUrl(@Root() shipment: Shipment, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    const carrier = await ctx.loaders.carrierOfShipment(shipment);
    return trackingUrlOf(carrier?.trackingUrlTemplate ?? null, shipment.trackingNumber);
  }
}
