import { GraphQLResolveInfo } from 'graphql';
import type { MessageOrder } from '../loaders/relation-specs';
import { TicketGraph } from '../loaders/ticket-graph.loader';
import { PageRequest, pageRequest } from '../rules/pagination.rule';
import { fieldNamesOf, fieldsNamed, Selection, selectionOf, selectionOfField } from './selection';

/**
 * The TicketGraph a query asks of the tickets a field returns (`path` from the field to them: `[]` for
 * `ticket(id)`, `['edges', 'node']` for a connection), or null when it asks for no ticket. Of a paged relation
 * asked for several times with different arguments, the first page of the first is fetched ahead (the others
 * load as usual).
 */
export function ticketGraphOf(info: GraphQLResolveInfo, path: readonly string[]): TicketGraph | null {
  const ticket = selectionOf(info, path);
  if (ticket === null) return null;
  const related = (name: string) => {
    const selection = selectionOfField(ticket, name);
    return selection === null ? null : fieldNamesOf(selection);
  };
  const order = selectionOfField(ticket, 'order');
  const sla = fieldsNamed(ticket, 'sla').length > 0 ? (selectionOfField(ticket, 'sla') ?? { fields: [] }) : null;
  const shipments = order ? selectionOfField(order, 'shipments') : null;
  const shipmentCarrier = shipments ? selectionOfField(shipments, 'carrier') : null;
  return {
    ticket: fieldNamesOf(ticket),
    customer: related('customer'),
    order: order
      ? {
          fields: fieldNamesOf(order),
          // Shipment.trackingUrl reads its carrier's URL template: a carrier held for a shipment has it.
          shipments: shipments
            ? {
                fields: fieldNamesOf(shipments),
                carrier: shipmentCarrier ? new Set([...fieldNamesOf(shipmentCarrier), 'trackingUrlTemplate']) : null,
              }
            : null,
        }
      : null,
    seller: related('seller'),
    carrier: related('carrier'),
    shipment: related('shipment'),
    messages: firstPage(ticket, 'messages', (args) => ({ order: (args.order ?? 'OLDEST_FIRST') as MessageOrder })),
    events: firstPage(ticket, 'events', () => ({})),
    sla: sla ? { clockFields: fieldNamesOf(selectionOfField(sla, 'clocks')) } : null,
  };
}

/** The first entry of a paged relation, when it asks for a first page with valid arguments. */
function firstPage<Extra extends object>(
  ticket: Selection,
  name: string,
  extra: (args: Record<string, unknown>) => Extra,
): ({ page: PageRequest; fields: ReadonlySet<string> } & Extra) | null {
  const [first] = fieldsNamed(ticket, name);
  const given = (name: string) => first?.args?.[name] !== undefined && first.args[name] !== null;
  // Only a first page forwards is fetched ahead; any other page loads as usual.
  if (!first || first.args === null || given('after') || given('last') || given('before')) return null;
  let page: PageRequest;
  try {
    page = pageRequest(first.args.first as number | null | undefined, null);
  } catch {
    // An invalid page size: the field's own resolver refuses it with the error the client should see.
    return null;
  }
  // The node fields of every entry: another alias with the same page is answered from the same records.
  const connection = selectionOfField(ticket, name);
  const edges = connection ? selectionOfField(connection, 'edges') : null;
  const nodes = edges ? selectionOfField(edges, 'node') : null;
  return { page, fields: fieldNamesOf(nodes), ...extra(first.args) };
}
