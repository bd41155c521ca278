import { assertNever } from '../domain/enums';
import { BadUserInputError } from '../domain/errors';
import { DecodedGlobalId, fromGlobalId, MalformedGlobalIdError } from '../domain/global-id';
import { Node } from '../entities/node.interface';
import { decodeAnyIdArgument } from './id-arguments';
import { RequestContext } from './request-context';

/** `nodes(ids)` takes at most this many ids, as a page takes at most 100 items. */
export const MAXIMUM_NODE_IDS = 100;

/**
 * `node(id)` and `nodes(ids)`: every type through the same scoped loaders as its own entry points. The loaders
 * batch, so `nodes(ids)` issues one statement per type asked for, whatever the number of ids.
 */
export class NodeService {
  async getNode(ctx: RequestContext, input: { id: string }): Promise<Node | null> {
    return this.load(ctx, decodeAnyIdArgument(input.id, 'id'));
  }

  /** Each id's record in place; null for an id that is malformed, unknown or not the caller's to see. */
  async getNodes(ctx: RequestContext, input: { ids: readonly string[] }): Promise<Array<Node | null>> {
    if (input.ids.length > MAXIMUM_NODE_IDS) throw new BadUserInputError(`ids: at most ${MAXIMUM_NODE_IDS} ids (was ${input.ids.length})`, 'ids');
    return Promise.all(
      input.ids.map((id) => {
        const decoded = decodedOrNull(id);
        return decoded === null ? Promise.resolve(null) : this.load(ctx, decoded);
      }),
    );
  }

  private load(ctx: RequestContext, { typeName, id }: DecodedGlobalId): Promise<Node | null> {
    switch (typeName) {
      case 'Ticket':
        return ctx.loaders.ticketById.load(id);
      case 'Order':
        return ctx.loaders.scopedOrderById.load(id);
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

function decodedOrNull(id: string): DecodedGlobalId | null {
  try {
    return fromGlobalId(id);
  } catch (error) {
    if (error instanceof MalformedGlobalIdError) return null;
    throw error;
  }
}
