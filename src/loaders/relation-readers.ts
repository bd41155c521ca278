import { BoundedCount, Connection, CountedConnection } from '../domain/connection';
import type { Loaders } from './index';
import { PrefetchedRelations } from './prefetched';
import { HELD } from './ticket-graph.loader';

/** A record's relation: what a statement fetched ahead for it, or else its loader's answer. */
export function relationReaders(
  prefetched: PrefetchedRelations,
  self: () => Loaders,
): Pick<
  Loaders,
  | 'customerOfTicket'
  | 'orderOfTicket'
  | 'sellerOfTicket'
  | 'carrierOfTicket'
  | 'shipmentOfTicket'
  | 'messagesOfTicket'
  | 'eventsOfTicket'
  | 'slaStateOfTicket'
  | 'shipmentsOfOrder'
  | 'carrierOfShipment'
> {
  const held = <T>(record: object, relation: string, load: () => T | Promise<T>): T | Promise<T> => {
    const found = prefetched.lookup<T>(record, relation);
    return found ? found.value : load();
  };
  return {
    customerOfTicket: (ticket) => held(ticket, HELD.customer, () => self().customerById.load(ticket.customerId)),
    orderOfTicket: (ticket) => held(ticket, HELD.order, () => (ticket.orderId ? self().orderById.load(ticket.orderId) : null)),
    sellerOfTicket: (ticket) => held(ticket, HELD.seller, () => (ticket.sellerId ? self().sellerById.load(ticket.sellerId) : null)),
    carrierOfTicket: (ticket) => held(ticket, HELD.carrier, () => (ticket.carrierId ? self().carrierById.load(ticket.carrierId) : null)),
    shipmentOfTicket: (ticket) =>
      held(ticket, HELD.shipment, () => (ticket.shipmentId ? self().shipmentById.load(ticket.shipmentId) : null)),
    // A page fetched ahead with its ticket has no count of its own: the count loader batches those of every ticket.
    messagesOfTicket: (ticket, page, order) =>
      withCount(
        held(ticket, HELD.messages(page, order), () => self().messagesPage(page, order).load(ticket.id)),
        () => self().messageCountByTicketId.load(ticket.id),
      ),
    eventsOfTicket: (ticket, page) => held(ticket, HELD.events(page), () => self().eventsPage(page).load(ticket.id)),
    slaStateOfTicket: (ticket) => held(ticket, HELD.sla, () => self().slaStateByTicketId.load(ticket.id)),
    shipmentsOfOrder: (order) => held(order, HELD.shipments, () => self().shipmentsByOrderId.load(order.id)),
    carrierOfShipment: (shipment) => held(shipment, HELD.carrier, () => self().carrierById.load(shipment.carrierId)),
  };
}

/** A page with the count of its list: a page read ahead (prefetched) or by its loader, counted when asked. */
function withCount<T>(
  page: Connection<T> | Promise<Connection<T>>,
  countItems: () => Promise<BoundedCount>,
): CountedConnection<T> | Promise<CountedConnection<T>> {
  return page instanceof Promise ? page.then((read) => ({ ...read, countItems })) : { ...page, countItems };
}
