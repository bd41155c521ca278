import { assertNever } from '../domain/enums';
import { Node } from '../entities/node.interface';
import { decodeAnyIdArgument } from './id-arguments';
import { OrderQueryService } from './order-query.service';
import { RequestContext } from './request-context';

/** `node(id)`: every type through the same scoped loaders and queries as its own entry points. */
export class NodeService {
  constructor(private readonly orders: OrderQueryService) {}

  async getNode(ctx: RequestContext, input: { id: string }): Promise<Node | null> {
    const { typeName, id } = decodeAnyIdArgument(input.id, 'id');
    switch (typeName) {
      case 'Ticket':
        return ctx.loaders.ticketById.load(id);
      case 'Order':
        return this.orders.getOrder(ctx, { id: input.id });
      case 'Customer':
        return ctx.loaders.customerById.load(id);
      case 'Seller':
        return ctx.loaders.sellerById.load(id);
      case 'Carrier':
        return ctx.loaders.carrierById.load(id);
      case 'Message':
        return ctx.loaders.messageById.load(id);
      case 'TicketEvent':
        return ctx.loaders.eventById.load(id);
      case 'OrderItem':
        return ctx.loaders.scopedOrderItemById.load(id);
      case 'Shipment':
        return ctx.loaders.scopedShipmentById.load(id);
      case 'Return':
        return ctx.loaders.scopedReturnById.load(id);
      default:
        return assertNever(typeName);
    }
  }
}
