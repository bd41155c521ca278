import { ticketScopeSql } from '../auth/scope';
import { hydrate, RawRow } from '../db/hydrate';
import { SqlParameters } from '../db/sql-parameters';
import { assertNever } from '../domain/enums';
import { Ticket } from '../entities';
import { BoundedCountRow, boundedCountSql } from '../db/bounded-count';
import { preparedStatements } from '../db/prepared-statements';
import { BoundedCount, CountedConnection } from '../domain/connection';
import { TicketFilterParams } from './params/ticket-filter.params';
import { TicketOrder } from '../domain/enums';
import { EVERY_TICKET_COLUMN, readTicketGraph, TicketGraph } from '../loaders/ticket-graph.loader';
import { decodeIdArgument } from './id-arguments';
import {
  bidirectionalPageRequest,
  boundedCountOf,
  KeysetCursor,
  keysetComparison,
  readDirection,
  toConnection,
} from '../rules/pagination.rule';
import { RequestContext } from './request-context';
import { ticketFilterConditions } from './ticket-filter-conditions';

export interface ListTicketsInput {
  filter?: TicketFilterParams | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  orderBy?: TicketOrder | null;
  /** What the caller will ask of the tickets and the records around them, fetched with the page (src/loaders/ticket-graph.loader.ts). */
  graph?: TicketGraph | null;
}

interface SortSpec {
  /** The sort value (a timestamptz) and the tie-break id, as SQL over `t` (and `d`, the ticket's deadlines, when joined). */
  value: string;
  id: string;
  direction: 'ASC' | 'DESC';
  /** Joins the ticket's deadlines as `d` (only the ticket's tickets with one: the order skips the others). */
  joinsDeadlines: boolean;
}

function sortSpecOf(order: TicketOrder): SortSpec {
  switch (order) {
    case TicketOrder.CREATED_AT_DESC:
      return { value: 't.created_at', id: 't.id', direction: 'DESC', joinsDeadlines: false };
    case TicketOrder.CREATED_AT_ASC:
      return { value: 't.created_at', id: 't.id', direction: 'ASC', joinsDeadlines: false };
    case TicketOrder.UPDATED_AT_DESC:
      return { value: 't.updated_at', id: 't.id', direction: 'DESC', joinsDeadlines: false };
    case TicketOrder.UPDATED_AT_ASC:
      return { value: 't.updated_at', id: 't.id', direction: 'ASC', joinsDeadlines: false };
    case TicketOrder.NEXT_SLA_DUE:
      // d.ticket_id (= t.id) so that the order is the one of ticket_deadlines_next_sla_due_idx.
      return { value: 'd.next_sla_due_at', id: 'd.ticket_id', direction: 'ASC', joinsDeadlines: true };
    default:
      return assertNever(order);
  }
}

/** Filters whose plan depends on their values: a prepared statement's generic plan would guess (PreparedStatements). */
function comparesByRange(filter: TicketFilterParams): boolean {
  return Boolean(
    filter.createdAfter ||
    filter.createdBefore ||
    filter.text ||
    (filter.sla && filter.sla.dueWithinMinutes !== undefined && filter.sla.dueWithinMinutes !== null),
  );
}

export class TicketQueryService {
  async getTicket(ctx: RequestContext, input: { id: string; graph?: TicketGraph | null }): Promise<Ticket | null> {
    const id = decodeIdArgument(input.id, 'Ticket', 'id');
    return input.graph ? ctx.loaders.ticketsWithGraph(input.graph).load(id) : ctx.loaders.ticketById.load(id);
  }

  async getTicketByNumber(ctx: RequestContext, input: { number: string }): Promise<Ticket | null> {
    const parameters = new SqlParameters();
    const number = parameters.add(input.number.trim().toUpperCase());
    const rows = await ctx.dataSource.query<RawRow[]>(
      `SELECT t.* FROM tickets t WHERE t.number = ${number} AND ${ticketScopeSql(ctx.principal, 't', parameters)}`,
      parameters.values,
    );
    return hydrate(ctx.dataSource, Ticket, rows)[0] ?? null;
  }

  /**
   * One statement whatever the filter and the included relations: scope, filters and keyset position are all
   * predicates of it, and the relations are computed for the page's rows only. Its totalCount is one more
   * statement, read only when asked for, over the same list (scope, filter, order's joins) without the position.
   */
  async listTickets(ctx: RequestContext, input: ListTicketsInput): Promise<CountedConnection<Ticket>> {
    const page = bidirectionalPageRequest(input);
    const sort = sortSpecOf(input.orderBy ?? TicketOrder.CREATED_AT_DESC);
    // One instant for the page and its count: a filter relative to now (sla.dueWithinMinutes) selects alike.
    const now = ctx.now();
    const parameters = new SqlParameters();
    const conditions = listConditions(ctx, input, sort, now, parameters);
    // A backward page reads the same index the other way (readDirection) and toConnection turns it round.
    const direction = readDirection(sort.direction, page);
    if (page.after) {
      conditions.push(
        `(${sort.value}, ${sort.id}) ${keysetComparison(sort.direction, page)} (${parameters.add(page.after.sortValue)}::timestamptz, ${parameters.add(page.after.id)}::bigint)`,
      );
    }
    const read = await readTicketGraph({
      dataSource: ctx.dataSource,
      loaders: ctx.loaders,
      graph: input.graph ?? EVERY_TICKET_COLUMN,
      ticketsSql: `SELECT t.*, ${sort.value} AS sort_value__ FROM tickets t${sort.joinsDeadlines ? ' JOIN ticket_deadlines d ON d.ticket_id = t.id' : ''}
        WHERE ${conditions.join(' AND ')}
        ORDER BY ${sort.value} ${direction}, ${sort.id} ${direction} LIMIT ${page.first + 1}`,
      carriedColumns: ['sort_value__'],
      orderBy: `ORDER BY p.sort_value__ ${direction}, p.id ${direction}`,
      parameters,
      // The keyset position is a range too, but in the order of the index the page is read by.
      prepare: !comparesByRange(input.filter ?? {}),
    });
    const sortValues = new Map(read.map(({ ticket, carried }) => [ticket.id, carried.sort_value__ as Date]));
    const cursorOf = (ticket: Ticket): KeysetCursor => ({ sortValue: sortValues.get(ticket.id)!.toISOString(), id: ticket.id });
    let count: Promise<BoundedCount> | null = null;
    return {
      ...toConnection(
        read.map(({ ticket }) => ticket),
        page,
        cursorOf,
      ),
      countItems: () => (count ??= countTickets(ctx, input, sort, now)),
    };
  }
}

/** The list's predicates without the keyset position: who may see a ticket, the filter, and what the order requires. */
function listConditions(ctx: RequestContext, input: ListTicketsInput, sort: SortSpec, now: Date, parameters: SqlParameters): string[] {
  const conditions = [
    ticketScopeSql(ctx.principal, 't', parameters),
    ...ticketFilterConditions(ctx.principal, now, input.filter ?? {}, parameters),
  ];
  if (sort.joinsDeadlines) conditions.push(`${sort.value} IS NOT NULL`);
  return conditions;
}

/** The bounded count of the list a page of `tickets` is read from (TOTAL_COUNT_BOUND): the page's own predicates. */
async function countTickets(ctx: RequestContext, input: ListTicketsInput, sort: SortSpec, now: Date): Promise<BoundedCount> {
  const parameters = new SqlParameters();
  const conditions = listConditions(ctx, input, sort, now, parameters);
  const text = boundedCountSql(
    `tickets t${sort.joinsDeadlines ? ' JOIN ticket_deadlines d ON d.ticket_id = t.id' : ''} WHERE ${conditions.join(' AND ')}`,
  );
  // Prepared exactly when the page is: a range filter's plan depends on its values (comparesByRange).
  const rows: BoundedCountRow[] = comparesByRange(input.filter ?? {})
    ? await ctx.dataSource.query(text, parameters.values)
    : await preparedStatements.query(ctx.dataSource, text, parameters.values);
  return boundedCountOf(rows[0].counted);
}
