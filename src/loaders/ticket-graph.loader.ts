import { DataSource } from 'typeorm';
import { hydrateJson, jsonObjectSql } from '../db/json-rows';
import { preparedStatements } from '../db/prepared-statements';
import { SqlParameters } from '../db/sql-parameters';
import { Carrier, Customer, Order, Seller, Shipment, Ticket } from '../entities';
import { PageRequest, pageKey, readDirection, toConnection } from '../rules/pagination.rule';
import { clockColumnsFor, slaClockFromJson, slaClockJsonSql, StoredSlaState } from './sla-clock-rows';
import { ByIdLoaderSpec } from './by-id.loader';
import { columnsFor } from './field-columns';
import type { Loaders } from './index';
import type { MessageOrder } from './relation-specs';
import { childPageSql, PagedChildrenSpec } from './paged-children.loader';

/**
 * What a query asks of a set of tickets and the records around them (read off the query before anything is
 * resolved: src/graphql/ticket-graph.ts): the fields of each type, so that one statement fetches every record the
 * answer needs with just the columns its fields read. Anything not described here is loaded as usual.
 */
export interface TicketGraph {
  /** The ticket fields asked for; null: every column (a caller that cannot tell). */
  ticket: ReadonlySet<string> | null;
  customer: ReadonlySet<string> | null;
  order: { fields: ReadonlySet<string>; shipments: { fields: ReadonlySet<string>; carrier: ReadonlySet<string> | null } | null } | null;
  seller: ReadonlySet<string> | null;
  carrier: ReadonlySet<string> | null;
  shipment: ReadonlySet<string> | null;
  /** The first page of messages, in the order asked for. */
  messages: { page: PageRequest; order: MessageOrder; fields: ReadonlySet<string> } | null;
  /** The first page of the timeline. */
  events: { page: PageRequest; fields: ReadonlySet<string> } | null;
  /** The fields asked of the SLA clocks (SlaClockView). */
  sla: { clockFields: ReadonlySet<string> } | null;
}

/** Tickets with every column and nothing around them (a caller that does not know what will be asked). */
export const EVERY_TICKET_COLUMN: TicketGraph = Object.freeze({
  ticket: null,
  customer: null,
  order: null,
  seller: null,
  carrier: null,
  shipment: null,
  messages: null,
  events: null,
  sla: null,
});

/** A stable key of what a graph fetches (loaders are kept per graph). */
export function ticketGraphKey(graph: TicketGraph): string {
  return JSON.stringify(graph, (_key, value: unknown) => (value instanceof Set ? [...value].sort() : value));
}

/** The relation names records are held under (src/loaders/prefetched.ts). */
export const HELD = {
  customer: 'customer',
  order: 'order',
  seller: 'seller',
  carrier: 'carrier',
  shipment: 'shipment',
  sla: 'sla',
  shipments: 'shipments',
  messages: (page: PageRequest, order: MessageOrder) => `messages:${pageKey(page)}:${order}`,
  events: (page: PageRequest) => `events:${pageKey(page)}`,
} as const;

export interface TicketGraphRead {
  dataSource: DataSource;
  loaders: Loaders;
  graph: TicketGraph;
  /** The tickets: a statement selecting `t.*` (and the carried columns) from `tickets t`, ordered and limited as needed. */
  ticketsSql: string;
  /** Columns of `ticketsSql` besides the ticket's own, handed back with each ticket (timestamps as Dates). */
  carriedColumns?: readonly string[];
  /** The tickets' order in the answer, over their rows aliased `p` (empty when any order will do). */
  orderBy: string;
  parameters: SqlParameters;
  /** False when `ticketsSql` compares a parameter by range or pattern (see PreparedStatements). */
  prepare: boolean;
}

type JsonRow = Record<string, unknown>;
type GraphRow = Record<string, JsonRow[] | undefined> & { tickets: Array<{ ticket: JsonRow; carried: JsonRow }> };

/**
 * Reads tickets and the records the graph names around them in ONE statement that returns one JSON document per
 * relation (set-based: each relation is one scan over the page's keys), and holds the records for the tickets'
 * field resolvers (loaders' `…Of…` accessors). Records are read under the same RelationSpecs (scope, masking) as
 * their loaders.
 */
export async function readTicketGraph(read: TicketGraphRead): Promise<Array<{ ticket: Ticket; carried: Record<string, unknown> }>> {
  const { dataSource, loaders, graph, parameters } = read;
  const specs = loaders.relations;
  const json = <T>(entity: new () => T, alias: string, fields: ReadonlySet<string> | null, always: string[] = []) =>
    jsonObjectSql(dataSource, entity, alias, fields === null ? null : columnsFor(dataSource, entity, fields, always));
  const byId = <T>(name: string, spec: ByIdLoaderSpec<T>, fields: ReadonlySet<string>, keys: string) => {
    const scope = spec.scope ? ` AND ${spec.scope('r', parameters)}` : '';
    return `(SELECT coalesce(json_agg(${json(spec.entity, 'r', fields)}), '[]') FROM ${spec.table} r WHERE r.id IN (${keys})${scope}) AS ${name}`;
  };
  const pages = <T>(name: string, spec: PagedChildrenSpec<T>, request: PageRequest, fields: ReadonlySet<string>) => {
    const idColumn = spec.idColumn ?? 'id';
    const select = `${json(spec.entity, 'c', fields, [spec.sortColumn])} AS row__, c.${spec.sortColumn} AS sort__, c.${idColumn} AS id__`;
    const direction = readDirection(spec.direction, request);
    return `(SELECT coalesce(json_agg(json_build_object('parent', p.id::text, 'row', m.row__) ORDER BY p.id, m.sort__ ${direction}, m.id__ ${direction}), '[]')
      FROM page p CROSS JOIN LATERAL (${childPageSql(spec, request, 'p.id', parameters, select)}) m) AS ${name}`;
  };

  const ticketKeys = ['id', 'customer_id', 'order_id', 'seller_id', 'carrier_id', 'shipment_id'];
  const carried = read.carriedColumns ?? [];
  const columns = [
    `(SELECT coalesce(json_agg(json_build_object('ticket', ${json(Ticket, 'p', graph.ticket, ticketKeys)}, 'carried', json_build_object(${carried.map((column) => `'${column}', p.${column}`).join(', ')})) ${read.orderBy}), '[]') FROM page p) AS tickets`,
  ];
  if (graph.customer) columns.push(byId('customers', specs.customerOfVisibleTicket, graph.customer, 'SELECT customer_id FROM page'));
  if (graph.order) {
    columns.push(byId('orders', specs.order, graph.order.fields, 'SELECT order_id FROM page'));
    const shipments = graph.order.shipments;
    if (shipments) {
      columns.push(
        `(SELECT coalesce(json_agg(${json(Shipment, 'r', shipments.fields, ['order_id', 'carrier_id'])} ORDER BY r.order_id, r.id), '[]') FROM shipments r WHERE r.order_id IN (SELECT order_id FROM page)) AS order_shipments`,
      );
      if (shipments.carrier)
        columns.push(
          byId(
            'order_shipment_carriers',
            specs.carrier,
            shipments.carrier,
            'SELECT s.carrier_id FROM shipments s WHERE s.order_id IN (SELECT order_id FROM page)',
          ),
        );
    }
  }
  if (graph.seller) columns.push(byId('sellers', specs.seller, graph.seller, 'SELECT seller_id FROM page'));
  if (graph.carrier) columns.push(byId('carriers', specs.carrier, graph.carrier, 'SELECT carrier_id FROM page'));
  if (graph.shipment) columns.push(byId('shipments', specs.shipment, graph.shipment, 'SELECT shipment_id FROM page'));
  if (graph.messages) columns.push(pages('messages', specs.messages(graph.messages.order), graph.messages.page, graph.messages.fields));
  if (graph.events) columns.push(pages('events', specs.events, graph.events.page, graph.events.fields));
  if (graph.sla) columns.push(...slaGraphColumnsSql(graph.sla.clockFields));
  const text = `WITH page AS (${read.ticketsSql}) SELECT ${columns.join(',\n ')}`;
  const [row]: GraphRow[] = read.prepare
    ? await preparedStatements.query(dataSource, text, parameters.values)
    : await dataSource.query(text, parameters.values);

  const tickets = hydrateJson(
    dataSource,
    Ticket,
    row.tickets.map((entry) => entry.ticket),
  );
  holdRelations(dataSource, loaders, graph, row, tickets);
  return tickets.map((ticket, index) => ({ ticket, carried: carriedValues(row.tickets[index].carried) }));
}

/**
 * The page's clocks and deadlines, each one JSON document. They need no scope of their own: the tickets they hang
 * on are in scope.
 */
function slaGraphColumnsSql(clockFields: Parameters<typeof clockColumnsFor>[0]): string[] {
  const clockJson = slaClockJsonSql('k', clockColumnsFor(clockFields));
  return [
    `(SELECT coalesce(json_agg(${clockJson} ORDER BY k.ticket_id, k.id), '[]') FROM sla_clocks k WHERE k.ticket_id IN (SELECT id FROM page)) AS sla_clocks`,
    `(SELECT coalesce(json_agg(json_build_object('ticket_id', d.ticket_id::text, 'next_sla_due_at', d.next_sla_due_at, 'escalation_due_at', d.escalation_due_at)), '[]')
      FROM ticket_deadlines d WHERE d.ticket_id IN (SELECT id FROM page)) AS sla_deadlines`,
  ];
}

/** Timestamps come back as ISO 8601 text inside JSON. */
function carriedValues(values: JsonRow): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === 'string' && ISO_TIMESTAMP.test(value) ? new Date(value) : value]),
  );
}
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

function holdRelations(dataSource: DataSource, loaders: Loaders, graph: TicketGraph, row: GraphRow, tickets: readonly Ticket[]): void {
  const { prefetched, relations: specs } = loaders;
  const records = <T extends { id: string }>(spec: ByIdLoaderSpec<T>, objects: JsonRow[] | undefined) =>
    new Map(hydrateJson(dataSource, spec.entity, objects ?? []).map((record) => [record.id, spec.present ? spec.present(record) : record]));
  const holdOne = <T>(relation: string, found: Map<string, T>, keyOf: (ticket: Ticket) => string | null) => {
    for (const ticket of tickets) {
      const key = keyOf(ticket);
      prefetched.hold(ticket, relation, key === null ? null : (found.get(key) ?? null));
    }
  };

  if (graph.customer)
    holdOne(HELD.customer, records<Customer>(specs.customerOfVisibleTicket, row.customers), (ticket) => ticket.customerId);
  if (graph.order) {
    const orders = records<Order>(specs.order, row.orders);
    holdOne(HELD.order, orders, (ticket) => ticket.orderId);
    if (graph.order.shipments)
      holdOrderShipments(
        dataSource,
        loaders,
        orders,
        graph.order.shipments,
        row,
        records<Carrier>(specs.carrier, row.order_shipment_carriers),
      );
  }
  if (graph.seller) holdOne(HELD.seller, records<Seller>(specs.seller, row.sellers), (ticket) => ticket.sellerId);
  if (graph.carrier) holdOne(HELD.carrier, records<Carrier>(specs.carrier, row.carriers), (ticket) => ticket.carrierId);
  if (graph.shipment) holdOne(HELD.shipment, records<Shipment>(specs.shipment, row.shipments), (ticket) => ticket.shipmentId);
  if (graph.messages) {
    const { page, order } = graph.messages;
    holdPages(dataSource, loaders, tickets, HELD.messages(page, order), specs.messages(order), page, row.messages);
  }
  if (graph.events) holdPages(dataSource, loaders, tickets, HELD.events(graph.events.page), specs.events, graph.events.page, row.events);
  if (graph.sla) holdSlaStates(loaders, tickets, row);
}

/** Each order's shipments (an empty list for none), and each shipment's carrier when the query selects it. */
function holdOrderShipments(
  dataSource: DataSource,
  { prefetched }: Loaders,
  orders: Map<string, Order>,
  selection: NonNullable<NonNullable<TicketGraph['order']>['shipments']>,
  row: GraphRow,
  carriers: Map<string, Carrier>,
): void {
  const shipmentsByOrder = new Map<string, Shipment[]>([...orders.keys()].map((id) => [id, []]));
  for (const shipment of hydrateJson(dataSource, Shipment, row.order_shipments ?? [])) {
    shipmentsByOrder.get(shipment.orderId)?.push(shipment);
    if (selection.carrier) prefetched.hold(shipment, HELD.carrier, carriers.get(shipment.carrierId) ?? null);
  }
  for (const [id, order] of orders) prefetched.hold(order, HELD.shipments, shipmentsByOrder.get(id) ?? []);
}

/** Every ticket's clocks and stored deadlines (none: no clocks, no deadlines). */
function holdSlaStates({ prefetched }: Loaders, tickets: readonly Ticket[], row: GraphRow): void {
  const states = new Map<string, StoredSlaState>(
    tickets.map((ticket) => [ticket.id, { clocks: [], nextSlaDueAt: null, escalationDueAt: null }]),
  );
  for (const clock of row.sla_clocks ?? []) states.get(String(clock.ticket_id))?.clocks.push(slaClockFromJson(clock));
  for (const deadline of row.sla_deadlines ?? []) {
    const state = states.get(String(deadline.ticket_id));
    if (!state) continue;
    state.nextSlaDueAt = deadline.next_sla_due_at ? new Date(deadline.next_sla_due_at as string) : null;
    state.escalationDueAt = deadline.escalation_due_at ? new Date(deadline.escalation_due_at as string) : null;
  }
  for (const ticket of tickets) prefetched.hold(ticket, HELD.sla, states.get(ticket.id));
}

function holdPages<T>(
  dataSource: DataSource,
  loaders: Loaders,
  tickets: readonly Ticket[],
  relation: string,
  spec: PagedChildrenSpec<T>,
  page: PageRequest,
  entries: JsonRow[] | undefined,
): void {
  const children = new Map<string, T[]>(tickets.map((ticket) => [ticket.id, []]));
  const hydrated = hydrateJson(
    dataSource,
    spec.entity,
    (entries ?? []).map((entry) => entry.row as JsonRow),
  );
  (entries ?? []).forEach((entry, index) => children.get(String(entry.parent))?.push(hydrated[index]));
  for (const ticket of tickets) loaders.prefetched.hold(ticket, relation, toConnection(children.get(ticket.id) ?? [], page, spec.cursorOf));
}
