import { ticketScopeSql } from '../auth/scope';
import { hydrate } from '../db/hydrate';
import { SqlParameters } from '../db/sql-parameters';
import { assertNever } from '../domain/enums';
import { isPlatformStaff, seesEverything } from '../auth/principal';
import { PrincipalRole } from '../domain/enums';
import { Ticket } from '../entities';
import { Connection } from '../domain/connection';
import { BadUserInputError } from '../domain/errors';
import { TicketFilterParams } from './params/ticket-filter.params';
import { TicketOrder } from '../domain/enums';
import { EVERY_TICKET_COLUMN, readTicketGraph, TicketGraph } from '../loaders/ticket-graph.loader';
import { decodeIdArgument } from './id-arguments';
import { bidirectionalPageRequest, KeysetCursor, keysetComparison, readDirection, toConnection } from '../rules/pagination.rule';
import { RequestContext } from './request-context';
import { characterCount } from '../rules/text-input.rule';

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
  return Boolean(filter.createdAfter || filter.createdBefore || filter.text || (filter.sla && filter.sla.dueWithinMinutes !== undefined && filter.sla.dueWithinMinutes !== null));
}

/** `%` and `_` in a customer's search text are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export class TicketQueryService {
  async getTicket(ctx: RequestContext, input: { id: string; graph?: TicketGraph | null }): Promise<Ticket | null> {
    const id = decodeIdArgument(input.id, 'Ticket', 'id');
    return input.graph ? ctx.loaders.ticketsWithGraph(input.graph).load(id) : ctx.loaders.ticketById.load(id);
  }

  async getTicketByNumber(ctx: RequestContext, input: { number: string }): Promise<Ticket | null> {
    const parameters = new SqlParameters();
    const number = parameters.add(input.number.trim().toUpperCase());
    const rows = await ctx.dataSource.query(
      `SELECT t.* FROM tickets t WHERE t.number = ${number} AND ${ticketScopeSql(ctx.principal, 't', parameters)}`,
      parameters.values,
    );
    return hydrate(ctx.dataSource, Ticket, rows)[0] ?? null;
  }

  /**
   * One statement whatever the filter and the included relations: scope, filters and keyset position are all
   * predicates of it, and the relations are computed for the page's rows only.
   */
  async listTickets(ctx: RequestContext, input: ListTicketsInput): Promise<Connection<Ticket>> {
    const page = bidirectionalPageRequest(input);
    const sort = sortSpecOf(input.orderBy ?? TicketOrder.CREATED_AT_DESC);
    const parameters = new SqlParameters();
    const conditions = [ticketScopeSql(ctx.principal, 't', parameters), ...this.filterConditions(ctx, input.filter ?? {}, parameters)];
    if (sort.joinsDeadlines) conditions.push(`${sort.value} IS NOT NULL`);
    // A backward page reads the same index the other way (readDirection) and toConnection turns it round.
    const direction = readDirection(sort.direction, page);
    if (page.after) {
      conditions.push(`(${sort.value}, ${sort.id}) ${keysetComparison(sort.direction, page)} (${parameters.add(page.after.sortValue)}::timestamptz, ${parameters.add(page.after.id)}::bigint)`);
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
    return toConnection(read.map(({ ticket }) => ticket), page, cursorOf);
  }

  /** The platform's work: assignee and queue filters, through ticket_queue_entries (its ids first, like text search). */
  // eslint-disable-next-line complexity -- #18: split pending
  private queueConditions(ctx: RequestContext, filter: TicketFilterParams, parameters: SqlParameters): string[] {
    const { assigneeId, assignedToMe, queue, unassigned } = filter;
    const asked = (assigneeId ?? null) !== null || assignedToMe === true || (queue ?? null) !== null || (unassigned ?? null) !== null;
    if (!asked) return [];
    // Queues and assignees do not exist for the other principals: nothing of theirs is found by them.
    if (!seesEverything(ctx.principal)) return ['false'];
    const entries: string[] = [];
    if (assigneeId !== undefined && assigneeId !== null) entries.push(`qe.assignee_agent_id = ${parameters.add(assigneeId)}`);
    if (assignedToMe === true) {
      // Only an agent has tickets of its own.
      if (ctx.principal.role !== PrincipalRole.AGENT) return ['false'];
      entries.push(`qe.assignee_agent_id = ${parameters.add(ctx.principal.agentId)}`);
    }
    if (queue !== undefined && queue !== null) entries.push(`qe.is_waiting AND qe.team_id = ANY(${parameters.add(queue)}::text[])`);
    if (unassigned === true) entries.push(`qe.is_waiting AND qe.assignee_agent_id IS NULL`);
    if (unassigned === false) entries.push(`qe.assignee_agent_id IS NOT NULL`);
    return entries.length === 0 ? [] : [`t.id IN (SELECT qe.ticket_id FROM ticket_queue_entries qe WHERE ${entries.join(' AND ')})`];
  }

  // eslint-disable-next-line complexity -- #18: split pending
  private filterConditions(ctx: RequestContext, filter: TicketFilterParams, parameters: SqlParameters): string[] {
    const conditions: string[] = [];
    const anyOf = (column: string, values: string[] | undefined) => {
      if (values && values.length > 0) conditions.push(`t.${column} = ANY(${parameters.add(values)}::text[])`);
    };
    anyOf('status', filter.status);
    anyOf('owner_party', filter.ownerParty);
    anyOf('category', filter.category);
    anyOf('priority', filter.priority);
    if (filter.sellerId) conditions.push(`t.seller_id = ${parameters.add(decodeIdArgument(filter.sellerId, 'Seller', 'filter.sellerId'))}`);
    if (filter.carrierId) conditions.push(`t.carrier_id = ${parameters.add(decodeIdArgument(filter.carrierId, 'Carrier', 'filter.carrierId'))}`);
    if (filter.customerId) conditions.push(`t.customer_id = ${parameters.add(decodeIdArgument(filter.customerId, 'Customer', 'filter.customerId'))}`);
    if (filter.orderId) conditions.push(`t.order_id = ${parameters.add(decodeIdArgument(filter.orderId, 'Order', 'filter.orderId'))}`);
    if (filter.createdAfter) conditions.push(`t.created_at >= ${parameters.add(filter.createdAfter)}`);
    if (filter.createdBefore) conditions.push(`t.created_at < ${parameters.add(filter.createdBefore)}`);
    if (filter.text !== undefined && filter.text !== null) {
      const text = filter.text.trim();
      if (characterCount(text) < 2 || characterCount(text) > 200) throw new BadUserInputError('filter.text must be 2 to 200 characters long', 'filter.text');
      const pattern = parameters.add(likePattern(text));
      const visibility = isPlatformStaff(ctx.principal) ? '' : ` AND m.visibility = 'PUBLIC'`;
      // The matching ids first, each side through its trigram index, so that a rare word costs two index scans,
      // not a walk over every ticket in list order testing each one.
      conditions.push(
        `t.id IN (SELECT m.ticket_id FROM messages m WHERE m.body ILIKE ${pattern}${visibility} UNION SELECT s.id FROM tickets s WHERE s.subject ILIKE ${pattern})`,
      );
    }
    conditions.push(...this.queueConditions(ctx, filter, parameters));
    if (filter.sla) {
      const { breached, dueWithinMinutes } = filter.sla;
      if (breached === true) conditions.push(`EXISTS (SELECT 1 FROM sla_clocks c WHERE c.ticket_id = t.id AND c.state = 'BREACHED')`);
      if (breached === false) conditions.push(`NOT EXISTS (SELECT 1 FROM sla_clocks c WHERE c.ticket_id = t.id AND c.state = 'BREACHED')`);
      if (dueWithinMinutes !== undefined && dueWithinMinutes !== null) {
        if (!Number.isInteger(dueWithinMinutes) || dueWithinMinutes < 0 || dueWithinMinutes > 525_600) {
          throw new BadUserInputError('filter.sla.dueWithinMinutes must be 0–525600', 'filter.sla.dueWithinMinutes');
        }
        const dueBy = parameters.add(new Date(ctx.now().getTime() + dueWithinMinutes * 60_000));
        conditions.push(`EXISTS (SELECT 1 FROM ticket_deadlines due WHERE due.ticket_id = t.id AND due.next_sla_due_at <= ${dueBy})`);
      }
    }
    return conditions;
  }
}
