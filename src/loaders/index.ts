import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { maskCustomer, maskOrder, maskOrderItem } from '../auth/masking';
import { isPlatformStaff, Principal } from '../auth/principal';
import { customerScopeSql, eventVisibilitySql, orderScopeSql, ticketScopeSql } from '../auth/scope';
import { Carrier, Customer, Message, Order, OrderItem, OrderReturn, Seller, Shipment, Ticket, TicketEvent } from '../entities';
import { SqlParameters } from '../db/sql-parameters';
import { Connection } from '../graphql/connection.type';
import { PageRequest } from '../services/pagination';
import { SLA_STATE_JOINS, SLA_STATE_ORDER, SLA_STATE_SELECT, SlaStateRow, slaStatesFromRows, StoredSlaState } from '../services/sla-clock-rows';
import { createByIdLoader, createGroupLoader } from './by-id.loader';
import { createPagedChildrenLoader, PagedChildrenSpec } from './paged-children.loader';

export type MessageOrder = 'OLDEST_FIRST' | 'NEWEST_FIRST';

/** One set per request: every relation of the schema resolves through these, so no resolver issues N+1 queries. */
export interface Loaders {
  ticketById: DataLoader<string, Ticket | null>;
  customerById: DataLoader<string, Customer | null>;
  orderById: DataLoader<string, Order | null>;
  sellerById: DataLoader<string, Seller | null>;
  carrierById: DataLoader<string, Carrier | null>;
  shipmentById: DataLoader<string, Shipment | null>;
  /** Scoped lookups for `node(id)` of child records: visible exactly when their ticket or order is. */
  messageById: DataLoader<string, Message | null>;
  eventById: DataLoader<string, TicketEvent | null>;
  scopedOrderItemById: DataLoader<string, OrderItem | null>;
  scopedShipmentById: DataLoader<string, Shipment | null>;
  scopedReturnById: DataLoader<string, OrderReturn | null>;
  itemsByOrderId: DataLoader<string, OrderItem[]>;
  shipmentsByOrderId: DataLoader<string, Shipment[]>;
  returnsByOrderId: DataLoader<string, OrderReturn[]>;
  followUpsByTicketId: DataLoader<string, Ticket[]>;
  slaStateByTicketId: DataLoader<string, StoredSlaState>;
  messagesPage(page: PageRequest, order: MessageOrder): DataLoader<string, Connection<Message>>;
  eventsPage(page: PageRequest): DataLoader<string, Connection<TicketEvent>>;
  ticketsPageByOrder(page: PageRequest): DataLoader<string, Connection<Ticket>>;
  ticketsPageBySeller(page: PageRequest): DataLoader<string, Connection<Ticket>>;
  ticketsPageByCarrier(page: PageRequest): DataLoader<string, Connection<Ticket>>;
}

const byCreatedAt = (record: { createdAt: Date; id: string }) => ({ sortValue: record.createdAt.toISOString(), id: record.id });

export function createLoaders(dataSource: DataSource, principal: Principal, secret: string): Loaders {
  // Paged loaders differ by page arguments; one loader per distinct arguments batches all parents asking alike.
  const pagedLoaders = new Map<string, DataLoader<string, Connection<unknown>>>();
  function paged<T>(name: string, spec: PagedChildrenSpec<T>, page: PageRequest): DataLoader<string, Connection<T>> {
    const key = `${name}:${page.first}:${page.after ? JSON.stringify(page.after) : ''}`;
    let loader = pagedLoaders.get(key);
    if (!loader) {
      loader = createPagedChildrenLoader(dataSource, spec, page) as DataLoader<string, Connection<unknown>>;
      pagedLoaders.set(key, loader);
    }
    return loader as DataLoader<string, Connection<T>>;
  }
  const ticketsPage = (name: string, belongsTo: (parentId: string) => string, page: PageRequest) =>
    paged<Ticket>(
      name,
      {
        entity: Ticket,
        table: 'tickets',
        belongsTo,
        where: (parameters) => ticketScopeSql(principal, 'c', parameters),
        sortColumn: 'created_at',
        sortType: 'timestamptz',
        direction: 'DESC',
        cursorOf: byCreatedAt,
      },
      page,
    );
  const seesInternal = isPlatformStaff(principal);
  const orderChildScope = (alias: string, parameters: SqlParameters) =>
    `EXISTS (SELECT 1 FROM orders o WHERE o.id = ${alias}.order_id AND ${orderScopeSql(principal, 'o', parameters)})`;

  return {
    ticketById: createByIdLoader(dataSource, { entity: Ticket, table: 'tickets', scope: (alias, parameters) => ticketScopeSql(principal, alias, parameters) }),
    customerById: createByIdLoader(dataSource, {
      entity: Customer,
      table: 'customers',
      scope: (alias, parameters) => customerScopeSql(principal, alias, parameters),
      present: (customer) => maskCustomer(principal, customer, secret),
    }),
    // Orders reached through a visible ticket are visible (masked); direct order lookups apply orderScopeSql.
    orderById: createByIdLoader(dataSource, { entity: Order, table: 'orders', present: (order) => maskOrder(principal, order) }),
    sellerById: createByIdLoader(dataSource, { entity: Seller, table: 'sellers' }),
    carrierById: createByIdLoader(dataSource, { entity: Carrier, table: 'carriers' }),
    shipmentById: createByIdLoader(dataSource, { entity: Shipment, table: 'shipments' }),
    messageById: createByIdLoader(dataSource, {
      entity: Message,
      table: 'messages',
      scope: (alias, parameters) =>
        `EXISTS (SELECT 1 FROM tickets t WHERE t.id = ${alias}.ticket_id AND ${ticketScopeSql(principal, 't', parameters)})` +
        (seesInternal ? '' : ` AND ${alias}.visibility = 'PUBLIC'`),
    }),
    eventById: createByIdLoader(dataSource, {
      entity: TicketEvent,
      table: 'ticket_events',
      idColumn: 'sequence',
      scope: (alias, parameters) =>
        `EXISTS (SELECT 1 FROM tickets t WHERE t.id = ${alias}.ticket_id AND ${ticketScopeSql(principal, 't', parameters)}) AND ${eventVisibilitySql(principal, alias)}`,
    }),
    scopedOrderItemById: createByIdLoader(dataSource, {
      entity: OrderItem,
      table: 'order_items',
      scope: (alias, parameters) => orderChildScope(alias, parameters),
      present: (item) => maskOrderItem(principal, item),
    }),
    scopedShipmentById: createByIdLoader(dataSource, { entity: Shipment, table: 'shipments', scope: (alias, parameters) => orderChildScope(alias, parameters) }),
    scopedReturnById: createByIdLoader(dataSource, { entity: OrderReturn, table: 'returns', scope: (alias, parameters) => orderChildScope(alias, parameters) }),
    itemsByOrderId: createGroupLoader(dataSource, {
      entity: OrderItem,
      table: 'order_items',
      parentColumn: 'order_id',
      parentKey: (item) => item.orderId,
      orderBy: 'r.order_id, r.position',
      present: (item) => maskOrderItem(principal, item),
    }),
    shipmentsByOrderId: createGroupLoader(dataSource, {
      entity: Shipment,
      table: 'shipments',
      parentColumn: 'order_id',
      parentKey: (shipment) => shipment.orderId,
      orderBy: 'r.order_id, r.id',
    }),
    returnsByOrderId: createGroupLoader(dataSource, {
      entity: OrderReturn,
      table: 'returns',
      parentColumn: 'order_id',
      parentKey: (orderReturn) => orderReturn.orderId,
      orderBy: 'r.order_id, r.id',
    }),
    followUpsByTicketId: createGroupLoader(dataSource, {
      entity: Ticket,
      table: 'tickets',
      parentColumn: 'follow_up_of_ticket_id',
      parentKey: (ticket) => ticket.followUpOfTicketId ?? '',
      orderBy: 'r.created_at, r.id',
      // A follow-up may be owned by a carrier that never owned the ticket it follows.
      scope: (alias, parameters) => ticketScopeSql(principal, alias, parameters),
    }),
    // Tickets reach here only through scoped loaders and queries, so their clocks need no scope of their own.
    slaStateByTicketId: new DataLoader<string, StoredSlaState>(async (ticketIds) => {
      const rows: SlaStateRow[] = await dataSource.query(
        `SELECT ${SLA_STATE_SELECT} FROM unnest($1::bigint[]) AS k(ticket_id) ${SLA_STATE_JOINS} ORDER BY ${SLA_STATE_ORDER}`,
        [ticketIds],
      );
      const states = slaStatesFromRows(rows, (_row, state) => state);
      return ticketIds.map((id) => states.get(id)!);
    }),
    messagesPage: (page, order) =>
      paged<Message>(
        `messages:${order}`,
        {
          entity: Message,
          table: 'messages',
          belongsTo: (parentId) => `c.ticket_id = ${parentId}`,
          where: () => (seesInternal ? 'true' : `c.visibility = 'PUBLIC'`),
          sortColumn: 'created_at',
          sortType: 'timestamptz',
          direction: order === 'OLDEST_FIRST' ? 'ASC' : 'DESC',
          cursorOf: byCreatedAt,
        },
        page,
      ),
    eventsPage: (page) =>
      paged<TicketEvent>(
        'events',
        {
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
        page,
      ),
    ticketsPageByOrder: (page) => ticketsPage('ticketsByOrder', (parentId) => `c.order_id = ${parentId}`, page),
    ticketsPageBySeller: (page) => ticketsPage('ticketsBySeller', (parentId) => `c.seller_id = ${parentId}`, page),
    ticketsPageByCarrier: (page) => ticketsPage('ticketsByCarrier', (parentId) => `c.carrier_id = ${parentId}`, page),
  };
}
