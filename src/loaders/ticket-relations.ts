import { DataSource } from 'typeorm';
import { hydrateJson, jsonObjectSql } from '../db/json-rows';
import { preparedStatements } from '../db/prepared-statements';
import { SqlParameters } from '../db/sql-parameters';
import { Ticket } from '../entities';
import { PageRequest } from '../services/pagination';
import { slaClockFromJson, slaClockJsonSql } from '../services/sla-clock-rows';
import { ByIdLoaderSpec } from './by-id.loader';
import type { Loaders, MessageOrder, RelationSpecs } from './index';
import { childPageSql, PagedChildrenSpec } from './paged-children.loader';

/**
 * The relations of tickets that a request will ask for (read off its query, src/graphql/ticket-inclusion.ts),
 * fetched in the same statement as the tickets and handed to the request's loaders. A prefetch only fills the
 * loaders' caches with what they would have read themselves, under the same scope and masking (the same
 * RelationSpecs): a relation it does not cover is still loaded, in one statement per relation as before.
 */
export interface TicketInclusion {
  customer: boolean;
  order: boolean;
  seller: boolean;
  carrier: boolean;
  shipment: boolean;
  sla: boolean;
  /** The first page of messages, in the order asked for. */
  messages: { page: PageRequest; order: MessageOrder } | null;
  /** The first page of the timeline. */
  events: { page: PageRequest } | null;
}

export const NO_TICKET_RELATIONS: TicketInclusion = Object.freeze({
  customer: false,
  order: false,
  seller: false,
  carrier: false,
  shipment: false,
  sla: false,
  messages: null,
  events: null,
});

/** A stable key of what an inclusion fetches (loaders are kept per inclusion). */
export function inclusionKey(inclusion: TicketInclusion): string {
  return JSON.stringify(inclusion);
}

/** Select-list items computed per ticket row aliased `ticket`: one JSON column per included relation. */
export function ticketRelationColumns(dataSource: DataSource, specs: RelationSpecs, inclusion: TicketInclusion, ticket: string, parameters: SqlParameters): string[] {
  const columns: string[] = [];
  const one = <T>(name: string, spec: ByIdLoaderSpec<T>, foreignKey: string) => {
    const scope = spec.scope ? ` AND ${spec.scope('r', parameters)}` : '';
    columns.push(`(SELECT ${jsonObjectSql(dataSource, spec.entity, 'r')} FROM ${spec.table} r WHERE r.id = ${ticket}.${foreignKey}${scope}) AS ${name}`);
  };
  const page = <T>(name: string, spec: PagedChildrenSpec<T>, request: PageRequest) => {
    const select = `${jsonObjectSql(dataSource, spec.entity, 'c')} AS row__, c.${spec.sortColumn} AS sort__, c.${spec.idColumn ?? 'id'} AS id__`;
    const rows = childPageSql(spec, request, `${ticket}.id`, parameters, select);
    columns.push(`(SELECT coalesce(json_agg(p.row__ ORDER BY p.sort__ ${spec.direction}, p.id__ ${spec.direction}), '[]') FROM (${rows}) p) AS ${name}`);
  };
  if (inclusion.customer) one('customer__', specs.customerOfVisibleTicket, 'customer_id');
  if (inclusion.order) one('order__', specs.order, 'order_id');
  if (inclusion.seller) one('seller__', specs.seller, 'seller_id');
  if (inclusion.carrier) one('carrier__', specs.carrier, 'carrier_id');
  if (inclusion.shipment) one('shipment__', specs.shipment, 'shipment_id');
  if (inclusion.messages) page('messages__', specs.messages(inclusion.messages.order), inclusion.messages.page);
  if (inclusion.events) page('events__', specs.events, inclusion.events.page);
  if (inclusion.sla) {
    // Clocks and deadlines need no scope of their own: the ticket row they hang on is in scope.
    columns.push(`(SELECT json_build_object('next_sla_due_at', d.next_sla_due_at, 'escalation_due_at', d.escalation_due_at) FROM ticket_deadlines d WHERE d.ticket_id = ${ticket}.id) AS sla_deadlines__`);
    columns.push(`(SELECT coalesce(json_agg(${slaClockJsonSql('k')} ORDER BY k.id), '[]') FROM sla_clocks k WHERE k.ticket_id = ${ticket}.id) AS sla_clocks__`);
  }
  return columns;
}

type RelationRow = Record<string, unknown> & {
  sla_deadlines__?: { next_sla_due_at: string | null; escalation_due_at: string | null } | null;
  sla_clocks__?: Array<Record<string, unknown>>;
};

/** Fills the request's loaders with the relations read by `ticketRelationColumns`, row by row with their tickets. */
export function primeTicketRelations(dataSource: DataSource, loaders: Loaders, specs: RelationSpecs, inclusion: TicketInclusion, rows: readonly RelationRow[], tickets: readonly Ticket[]): void {
  const oneOf = <T>(spec: ByIdLoaderSpec<T>, value: unknown): T | null => (value ? hydrateJson(dataSource, spec.entity, [value as Record<string, unknown>])[0] : null);
  rows.forEach((row, index) => {
    const ticket = tickets[index];
    loaders.ticketById.prime(ticket.id, ticket);
    if (inclusion.customer) loaders.customerById.primeStored(ticket.customerId, oneOf(specs.customerOfVisibleTicket, row.customer__));
    if (inclusion.order && ticket.orderId) loaders.orderById.primeStored(ticket.orderId, oneOf(specs.order, row.order__));
    if (inclusion.seller && ticket.sellerId) loaders.sellerById.primeStored(ticket.sellerId, oneOf(specs.seller, row.seller__));
    if (inclusion.carrier && ticket.carrierId) loaders.carrierById.primeStored(ticket.carrierId, oneOf(specs.carrier, row.carrier__));
    if (inclusion.shipment && ticket.shipmentId) loaders.shipmentById.primeStored(ticket.shipmentId, oneOf(specs.shipment, row.shipment__));
    if (inclusion.messages) {
      const { page, order } = inclusion.messages;
      loaders.messagesPage(page, order).primeRows(ticket.id, hydrateJson(dataSource, specs.messages(order).entity, row.messages__ as Array<Record<string, unknown>>));
    }
    if (inclusion.events) {
      loaders.eventsPage(inclusion.events.page).primeRows(ticket.id, hydrateJson(dataSource, specs.events.entity, row.events__ as Array<Record<string, unknown>>));
    }
    if (inclusion.sla) {
      const deadlines = row.sla_deadlines__ ?? null;
      loaders.slaStateByTicketId.prime(ticket.id, {
        clocks: (row.sla_clocks__ ?? []).map(slaClockFromJson),
        nextSlaDueAt: deadlines?.next_sla_due_at ? new Date(deadlines.next_sla_due_at) : null,
        escalationDueAt: deadlines?.escalation_due_at ? new Date(deadlines.escalation_due_at) : null,
      });
    }
  });
}

export interface TicketRelationsRead {
  dataSource: DataSource;
  loaders: Loaders;
  inclusion: TicketInclusion;
  /** The tickets to read: a statement selecting `t.*` from `tickets t`, and any columns the caller wants back. */
  ticketsSql: string;
  /** Columns of `ticketsSql` besides the ticket's own, returned with each row. */
  carriedColumns?: readonly string[];
  /** Ordering of the outer statement over the selected rows aliased `t`. */
  orderBy: string;
  parameters: SqlParameters;
  /** False when `ticketsSql` compares a parameter by range or pattern (see PreparedStatements). */
  prepare: boolean;
}

/**
 * Reads tickets with their included relations in one statement and primes the request's loaders with them.
 * The relations are computed over the selected tickets only (the inner statement's LIMIT applies first).
 */
export async function readTicketsWithRelations(read: TicketRelationsRead): Promise<Array<{ ticket: Ticket; row: Record<string, unknown> }>> {
  const { dataSource, loaders, inclusion, parameters } = read;
  const specs = loaders.relations;
  const relations = ticketRelationColumns(dataSource, specs, inclusion, 't', parameters);
  const text = `SELECT ${[...(read.carriedColumns ?? []).map((column) => `t.${column}`), `${jsonObjectSql(dataSource, Ticket, 't')} AS ticket__`, ...relations].join(', ')}
     FROM (${read.ticketsSql}) t ${read.orderBy}`;
  const rows: RelationRow[] = read.prepare ? await preparedStatements.query(dataSource, text, parameters.values) : await dataSource.query(text, parameters.values);
  const tickets = hydrateJson(dataSource, Ticket, rows.map((row) => row.ticket__ as Record<string, unknown>));
  primeTicketRelations(dataSource, loaders, specs, inclusion, rows, tickets);
  return tickets.map((ticket, index) => ({ ticket, row: rows[index] }));
}
