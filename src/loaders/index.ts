import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { maskCustomer, maskOrder, maskOrderItem } from '../auth/masking';
import { isPlatformStaff, Principal } from '../auth/principal';
import { customerScopeSql, eventVisibilitySql, orderScopeSql, ticketScopeSql } from '../auth/scope';
import { Carrier, Customer, Message, Order, OrderItem, OrderReturn, Seller, Shipment, Ticket, TicketEvent } from '../entities';
import { preparedStatements } from '../db/prepared-statements';
import { SqlParameters } from '../db/sql-parameters';
import { BoundedCount, Connection, CountedConnection } from '../domain/connection';
import { PageRequest, pageKey } from '../rules/pagination.rule';
import { QueueEntryRecord, readQueueEntries } from './queue-entries';
import { SLA_STATE_JOINS, SLA_STATE_ORDER, SLA_STATE_SELECT, SlaStateRow, slaStatesFromRows, StoredSlaState } from './sla-clock-rows';
import { CallbackRecord } from '../domain/callback';
import { readLatestCallbacks } from './callback-rows';
import { ByIdLoaderSpec, createByIdLoader, createGroupLoader } from './by-id.loader';
import { createChildCountLoader, createPagedChildrenLoader, PagedChildrenSpec } from './paged-children.loader';
import { PrefetchedRelations } from './prefetched';
import { HELD, readTicketGraph, TicketGraph, ticketGraphKey } from './ticket-graph.loader';

export type MessageOrder = 'OLDEST_FIRST' | 'NEWEST_FIRST';

/** One set per request: every relation of the schema resolves through these, so no resolver issues N+1 queries. */
export interface Loaders {
  /** What each relation reads and shows for this request's principal (prefetches read the same). */
  relations: RelationSpecs;
  /** Relations a statement fetched ahead for the records it returned (readTicketGraph). */
  prefetched: PrefetchedRelations;
  ticketById: DataLoader<string, Ticket | null>;
  /** Tickets by id with the records `graph` describes around them, all in one statement per batch. */
  ticketsWithGraph(graph: TicketGraph): DataLoader<string, Ticket | null>;
  // A record's relation: what a statement fetched ahead for it, or else its loader's answer.
  customerOfTicket(ticket: Ticket): Customer | null | Promise<Customer | null>;
  orderOfTicket(ticket: Ticket): Order | null | Promise<Order | null>;
  sellerOfTicket(ticket: Ticket): Seller | null | Promise<Seller | null>;
  carrierOfTicket(ticket: Ticket): Carrier | null | Promise<Carrier | null>;
  shipmentOfTicket(ticket: Ticket): Shipment | null | Promise<Shipment | null>;
  /** A page of a ticket's messages; its count (totalCount) is read through messageCountByTicketId when asked for. */
  messagesOfTicket(
    ticket: Ticket,
    page: PageRequest,
    order: MessageOrder,
  ): CountedConnection<Message> | Promise<CountedConnection<Message>>;
  eventsOfTicket(ticket: Ticket, page: PageRequest): Connection<TicketEvent> | Promise<Connection<TicketEvent>>;
  slaStateOfTicket(ticket: Ticket): StoredSlaState | Promise<StoredSlaState>;
  shipmentsOfOrder(order: Order): Shipment[] | Promise<Shipment[]>;
  carrierOfShipment(shipment: Shipment): Carrier | null | Promise<Carrier | null>;
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
  /** Orders in the caller's scope, masked for it (`node(id)`, `nodes(ids)`), as `order(id)` reads them. */
  scopedOrderById: DataLoader<string, Order | null>;
  itemsByOrderId: DataLoader<string, OrderItem[]>;
  shipmentsByOrderId: DataLoader<string, Shipment[]>;
  returnsByOrderId: DataLoader<string, OrderReturn[]>;
  slaStateByTicketId: DataLoader<string, StoredSlaState>;
  /** A ticket's place in the platform's queues (team, rule, assignee); read only for callers that see it. */
  queueEntryByTicketId: DataLoader<string, QueueEntryRecord | null>;
  /** A ticket's latest callback request (attempt), as stored; the service presents it for the caller. */
  callbackByTicketId: DataLoader<string, CallbackRecord | null>;
  messagesPage(page: PageRequest, order: MessageOrder): DataLoader<string, CountedConnection<Message>>;
  /** How many messages of a ticket the caller may read (bounded: TOTAL_COUNT_BOUND), one statement per batch. */
  messageCountByTicketId: DataLoader<string, BoundedCount>;
  eventsPage(page: PageRequest): DataLoader<string, CountedConnection<TicketEvent>>;
  ticketsPageByOrder(page: PageRequest): DataLoader<string, CountedConnection<Ticket>>;
  ticketsPageBySeller(page: PageRequest): DataLoader<string, CountedConnection<Ticket>>;
  ticketsPageByCarrier(page: PageRequest): DataLoader<string, CountedConnection<Ticket>>;
  /** A ticket's follow-ups, oldest first, in the caller's scope (a follow-up may be a carrier's that never owned its predecessor). */
  followUpsPage(page: PageRequest): DataLoader<string, CountedConnection<Ticket>>;
}

const byCreatedAt = (record: { createdAt: Date; id: string }) => ({ sortValue: record.createdAt.toISOString(), id: record.id });

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

export function createLoaders(dataSource: DataSource, principal: Principal, secret: string): Loaders {
  const specs = relationSpecs(principal, secret);
  const prefetched = new PrefetchedRelations();
  const loaders: Loaders = {
    relations: specs,
    prefetched,
    ticketsWithGraph: ticketsWithGraphLoaders(dataSource, principal, () => loaders),
    ...relationReaders(prefetched, () => loaders),
    ...byIdLoaders(dataSource, principal, specs),
    ...groupLoaders(dataSource, principal),
    ...pageLoaders(dataSource, principal, specs),
  };
  return loaders;
}

/** One loader per distinct graph: tickets by id with the records `graph` describes, one statement per batch. */
function ticketsWithGraphLoaders(
  dataSource: DataSource,
  principal: Principal,
  self: () => Loaders,
): (graph: TicketGraph) => DataLoader<string, Ticket | null> {
  const withGraph = new Map<string, DataLoader<string, Ticket | null>>();
  return (graph) => {
    const key = ticketGraphKey(graph);
    let loader = withGraph.get(key);
    if (!loader) {
      loader = new DataLoader<string, Ticket | null>(async (ids) => {
        const parameters = new SqlParameters();
        const read = await readTicketGraph({
          dataSource,
          loaders: self(),
          graph,
          ticketsSql: `SELECT t.* FROM tickets t WHERE ${parameters.matchesAnyId('t.id', ids)} AND ${ticketScopeSql(principal, 't', parameters)}`,
          orderBy: '',
          parameters,
          prepare: true,
        });
        const byId = new Map(read.map(({ ticket }) => [ticket.id, ticket]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      withGraph.set(key, loader);
    }
    return loader;
  };
}

/** A record's relation: what a statement fetched ahead for it, or else its loader's answer. */
function relationReaders(
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

type ByIdLoaderName =
  | 'ticketById'
  | 'customerById'
  | 'orderById'
  | 'sellerById'
  | 'carrierById'
  | 'shipmentById'
  | 'messageById'
  | 'eventById'
  | 'scopedOrderItemById'
  | 'scopedShipmentById'
  | 'scopedReturnById'
  | 'scopedOrderById';

/** Records by id under the caller's scope; child records visible exactly when their ticket or order is. */
function byIdLoaders(dataSource: DataSource, principal: Principal, specs: RelationSpecs): Pick<Loaders, ByIdLoaderName> {
  const seesInternal = isPlatformStaff(principal);
  const orderChildScope = (alias: string, parameters: SqlParameters) =>
    `EXISTS (SELECT 1 FROM orders o WHERE o.id = ${alias}.order_id AND ${orderScopeSql(principal, 'o', parameters)})`;
  return {
    ticketById: createByIdLoader(dataSource, {
      entity: Ticket,
      table: 'tickets',
      scope: (alias, parameters) => ticketScopeSql(principal, alias, parameters),
    }),
    customerById: createByIdLoader(dataSource, specs.customer),
    orderById: createByIdLoader(dataSource, specs.order),
    sellerById: createByIdLoader(dataSource, specs.seller),
    carrierById: createByIdLoader(dataSource, specs.carrier),
    shipmentById: createByIdLoader(dataSource, specs.shipment),
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
    scopedShipmentById: createByIdLoader(dataSource, {
      entity: Shipment,
      table: 'shipments',
      scope: (alias, parameters) => orderChildScope(alias, parameters),
    }),
    scopedReturnById: createByIdLoader(dataSource, {
      entity: OrderReturn,
      table: 'returns',
      scope: (alias, parameters) => orderChildScope(alias, parameters),
    }),
    scopedOrderById: createByIdLoader(dataSource, {
      entity: Order,
      table: 'orders',
      scope: (alias, parameters) => orderScopeSql(principal, alias, parameters),
      present: (order) => maskOrder(principal, order),
    }),
  };
}

/** The children of many parents in one statement per batch. */
function groupLoaders(
  dataSource: DataSource,
  principal: Principal,
): Pick<
  Loaders,
  'itemsByOrderId' | 'shipmentsByOrderId' | 'returnsByOrderId' | 'queueEntryByTicketId' | 'callbackByTicketId' | 'slaStateByTicketId'
> {
  return {
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
    queueEntryByTicketId: new DataLoader<string, QueueEntryRecord | null>(async (ticketIds) => {
      const entries = await readQueueEntries(dataSource, ticketIds);
      return ticketIds.map((ticketId) => entries.get(ticketId) ?? null);
    }),
    callbackByTicketId: new DataLoader<string, CallbackRecord | null>(async (ticketIds) => {
      const callbacks = await readLatestCallbacks(dataSource, ticketIds);
      return ticketIds.map((ticketId) => callbacks.get(ticketId) ?? null);
    }),
    // Tickets reach here only through scoped loaders and queries, so their clocks need no scope of their own.
    slaStateByTicketId: new DataLoader<string, StoredSlaState>(async (ticketIds) => {
      const rows = await preparedStatements.query<SlaStateRow[]>(
        dataSource,
        `SELECT ${SLA_STATE_SELECT} FROM unnest($1::bigint[]) AS k(ticket_id) ${SLA_STATE_JOINS} ORDER BY ${SLA_STATE_ORDER}`,
        [ticketIds],
      );
      const states = slaStatesFromRows(rows, (_row, state) => state);
      return ticketIds.map((id) => states.get(id)!);
    }),
  };
}

/**
 * The request's loaders of children pages, one per relation and distinct page arguments so that parents asking alike
 * share a batch, and of their counts, one per relation (`countName`): a count depends on neither the page nor its order.
 */
function keyedPageLoaders(dataSource: DataSource) {
  const pagedLoaders = new Map<string, DataLoader<string, CountedConnection<unknown>>>();
  const countLoaders = new Map<string, DataLoader<string, BoundedCount>>();
  function counts<T>(name: string, spec: PagedChildrenSpec<T>): DataLoader<string, BoundedCount> {
    let loader = countLoaders.get(name);
    if (!loader) {
      loader = createChildCountLoader(dataSource, spec);
      countLoaders.set(name, loader);
    }
    return loader;
  }
  function paged<T>(
    name: string,
    spec: PagedChildrenSpec<T>,
    page: PageRequest,
    countName = name,
  ): DataLoader<string, CountedConnection<T>> {
    const key = `${name}:${pageKey(page)}`;
    let loader = pagedLoaders.get(key);
    if (!loader) {
      loader = createPagedChildrenLoader(dataSource, spec, page, counts(countName, spec));
      pagedLoaders.set(key, loader);
    }
    return loader as DataLoader<string, CountedConnection<T>>;
  }
  return { counts, paged };
}

/** Keyset pages of children, one loader per distinct page arguments so that parents asking alike share a batch. */
function pageLoaders(
  dataSource: DataSource,
  principal: Principal,
  specs: RelationSpecs,
): Pick<
  Loaders,
  | 'messagesPage'
  | 'messageCountByTicketId'
  | 'eventsPage'
  | 'ticketsPageByOrder'
  | 'ticketsPageBySeller'
  | 'ticketsPageByCarrier'
  | 'followUpsPage'
> {
  const { counts, paged } = keyedPageLoaders(dataSource);
  const ticketsPage = (name: string, belongsTo: (parentId: string) => string, page: PageRequest, direction: 'ASC' | 'DESC' = 'DESC') =>
    paged<Ticket>(
      name,
      {
        entity: Ticket,
        table: 'tickets',
        belongsTo,
        where: (parameters) => ticketScopeSql(principal, 'c', parameters),
        sortColumn: 'created_at',
        sortType: 'timestamptz',
        direction,
        cursorOf: byCreatedAt,
      },
      page,
    );
  return {
    messagesPage: (page, order) => paged<Message>(`messages:${order}`, specs.messages(order), page, 'messages'),
    // Visibility alone decides which messages count; the order does not.
    messageCountByTicketId: counts('messages', specs.messages('OLDEST_FIRST')),
    eventsPage: (page) => paged<TicketEvent>('events', specs.events, page),
    ticketsPageByOrder: (page) => ticketsPage('ticketsByOrder', (parentId) => `c.order_id = ${parentId}`, page),
    ticketsPageBySeller: (page) => ticketsPage('ticketsBySeller', (parentId) => `c.seller_id = ${parentId}`, page),
    ticketsPageByCarrier: (page) => ticketsPage('ticketsByCarrier', (parentId) => `c.carrier_id = ${parentId}`, page),
    // Oldest first along tickets_follow_ups_page_idx (follow_up_of_ticket_id, created_at, id).
    followUpsPage: (page) => ticketsPage('followUps', (parentId) => `c.follow_up_of_ticket_id = ${parentId}`, page, 'ASC'),
  };
}

/** A page with the count of its list: a page read ahead (prefetched) or by its loader, counted when asked. */
function withCount<T>(
  page: Connection<T> | Promise<Connection<T>>,
  countItems: () => Promise<BoundedCount>,
): CountedConnection<T> | Promise<CountedConnection<T>> {
  return page instanceof Promise ? page.then((read) => ({ ...read, countItems })) : { ...page, countItems };
}
