import { maskCustomer, maskOrder } from '../auth/masking';
import { isPlatformStaff, Principal } from '../auth/principal';
import { customerScopeSql, eventVisibilitySql } from '../auth/scope';
import { Carrier, Customer, Message, Order, Seller, Shipment, TicketEvent } from '../entities';
import { ByIdLoaderSpec } from './by-id.loader';
import { PagedChildrenSpec } from './paged-children.loader';

export type MessageOrder = 'OLDEST_FIRST' | 'NEWEST_FIRST';

export const byCreatedAt = (record: { createdAt: Date; id: string }) => ({ sortValue: record.createdAt.toISOString(), id: record.id });

/** What a relation of the schema reads under the caller's scope, and how it is shown: shared by loaders and prefetches. */
export interface RelationSpecs {
  customer: ByIdLoaderSpec<Customer>;
  /**
   * The customer of a ticket the caller sees: visible without asking, since that very ticket is what
   * customerScopeSql looks for. Shown (masked) like every customer.
   */
  customerOfVisibleTicket: ByIdLoaderSpec<Customer>;
  order: ByIdLoaderSpec<Order>;
  seller: ByIdLoaderSpec<Seller>;
  carrier: ByIdLoaderSpec<Carrier>;
  shipment: ByIdLoaderSpec<Shipment>;
  messages(order: MessageOrder): PagedChildrenSpec<Message>;
  events: PagedChildrenSpec<TicketEvent>;
}

export function relationSpecs(principal: Principal, secret: string): RelationSpecs {
  const seesInternal = isPlatformStaff(principal);
  const presentCustomer = (customer: Customer) => maskCustomer(principal, customer, secret);
  return {
    customer: {
      entity: Customer,
      table: 'customers',
      scope: (alias, parameters) => customerScopeSql(principal, alias, parameters),
      present: presentCustomer,
    },
    customerOfVisibleTicket: { entity: Customer, table: 'customers', present: presentCustomer },
    // Orders reached through a visible ticket are visible (masked); direct order lookups apply orderScopeSql.
    order: { entity: Order, table: 'orders', present: (order) => maskOrder(principal, order) },
    seller: { entity: Seller, table: 'sellers' },
    carrier: { entity: Carrier, table: 'carriers' },
    shipment: { entity: Shipment, table: 'shipments' },
    messages: (order) => ({
      entity: Message,
      table: 'messages',
      belongsTo: (parentId) => `c.ticket_id = ${parentId}`,
      where: () => (seesInternal ? 'true' : `c.visibility = 'PUBLIC'`),
      sortColumn: 'created_at',
      sortType: 'timestamptz',
      direction: order === 'OLDEST_FIRST' ? 'ASC' : 'DESC',
      cursorOf: byCreatedAt,
    }),
    events: {
      entity: TicketEvent,
      table: 'ticket_events',
      belongsTo: (parentId) => `c.ticket_id = ${parentId}`,
      where: () => eventVisibilitySql(principal, 'c'),
      sortColumn: 'sequence',
      sortType: 'bigint',
      direction: 'ASC',
      idColumn: 'sequence',
      cursorOf: (event) => ({ sortValue: event.sequence, id: event.sequence }),
    },
  };
}
