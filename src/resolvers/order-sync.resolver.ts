import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { RecordShipmentUpdateInput, UpsertOrderInput } from '../graphql/inputs/order-sync.input';
import { OrderPayload, orderPayload, ShipmentPayload, shipmentPayload } from '../graphql/payloads';

@Resolver()
export class OrderSyncResolver {
  @Mutation(() => OrderPayload, {
    description: 'Create or update an order from the order system, by external id (admins and platform API keys). Idempotent.',
  })
  async upsertOrder(
    @Arg('input', () => UpsertOrderInput, { description: 'The request; each field is described on `UpsertOrderInput`.' })
    input: UpsertOrderInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OrderPayload> {
    return orderPayload(await ctx.services.orderSync.upsertOrder(ctx, input));
  }

  @Mutation(() => ShipmentPayload, {
    description: "A carrier records a status change of one of its parcels. LOST moves the carrier's open tickets about it to the platform.",
  })
  async recordShipmentUpdate(
    @Arg('input', () => RecordShipmentUpdateInput, { description: 'The request; each field is described on `RecordShipmentUpdateInput`.' })
    input: RecordShipmentUpdateInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ShipmentPayload> {
    return shipmentPayload(await ctx.services.orderSync.recordShipmentUpdate(ctx, input));
  }
}
