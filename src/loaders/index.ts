import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { ticketScopeSql } from '../auth/scope';
import { Carrier, Customer, Message, Order, OrderItem, OrderReturn, Seller, Shipment, Ticket, TicketEvent } from '../entities';
import { SqlParameters } from '../db/sql-parameters';
import { BoundedCount, Connection, CountedConnection } from '../domain/connection';
import { PageRequest } from '../rules/pagination.rule';
import { QueueEntryRecord } from './queue-entries';
import { StoredSlaState } from './sla-clock-rows';
import { CallbackRecord } from '../domain/callback';
import { byIdLoaders } from './scoped-by-id.loaders';
import { groupLoaders } from './by-parent.loaders';
import { pageLoaders } from './children-page.loaders';
import { PrefetchedRelations } from './prefetched';
import { relationReaders } from './relation-readers';
import { MessageOrder, RelationSpecs, relationSpecs } from './relation-specs';
import { readTicketGraph, TicketGraph, ticketGraphKey } from './ticket-graph.loader';

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
