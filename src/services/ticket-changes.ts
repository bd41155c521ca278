import { EntityManager } from 'typeorm';
import { ticketScopeSql } from '../auth/scope';
import { hydrate, RawRow } from '../db/hydrate';
import { SqlParameters } from '../db/sql-parameters';
import { Ticket } from '../entities';
import { RequestContext } from './request-context';

/**
 * Locks a ticket the caller may see (`FOR NO KEY UPDATE`: ids never change, so inserts of its events and
 * messages need not wait): concurrent changes of one ticket queue up behind each other,
 * so none is lost and `version` counts every one. Null when the ticket is not visible (it does not exist for the
 * caller). Without a request context (background jobs) no scope applies.
 */
export async function lockTicket(manager: EntityManager, ctx: RequestContext | null, ticketId: string): Promise<Ticket | null> {
  const parameters = new SqlParameters();
  const id = parameters.add(ticketId);
  const scope = ctx ? ` AND ${ticketScopeSql(ctx.principal, 't', parameters)}` : '';
  const rows = await manager.query<RawRow[]>(`SELECT t.* FROM tickets t WHERE t.id = ${id}${scope} FOR NO KEY UPDATE`, parameters.values);
  return hydrate(manager.connection, Ticket, rows)[0] ?? null;
}

/** The ticket columns a change of one ticket writes besides `version` and `updatedAt` (which updateTicket sets). */
type ChangeableTicketColumn =
  | 'status'
  | 'solvedAt'
  | 'closedAt'
  | 'resolution'
  | 'resolutionNote'
  | 'reopenedCount'
  | 'satisfactionScore'
  | 'satisfactionComment'
  | 'ratedAt'
  | 'lastCustomerMessageAt'
  | 'lastOwnerMessageAt'
  | 'firstRespondedAt'
  | 'priority'
  | 'category'
  | 'classificationConfidence'
  | 'classifierModelVersion';

/** New values by Ticket property: the compiler checks each name and its type; updateTicket writes their columns. */
export type TicketColumnChanges = Partial<Pick<Ticket, ChangeableTicketColumn>>;

/** The database column of a Ticket property (entity metadata: the one place names are mapped). */
function ticketColumnOf(manager: EntityManager, property: string): string {
  const column = manager.connection.getMetadata(Ticket).findColumnWithPropertyName(property);
  if (!column) throw new Error(`Ticket has no column for the property ${property}`);
  return column.databaseName;
}

/** Applies changes, bumps `version` and `updated_at`, and returns the ticket as stored. */
export async function updateTicket(manager: EntityManager, ticketId: string, changes: TicketColumnChanges, now: Date): Promise<Ticket> {
  const parameters = new SqlParameters();
  const assignments = Object.entries(changes).map(([property, value]) => `${ticketColumnOf(manager, property)} = ${parameters.add(value)}`);
  assignments.push(`updated_at = ${parameters.add(now)}`, 'version = version + 1');
  // TypeORM answers an UPDATE with [rows, affected count].
  const [rows] = await manager.query<[RawRow[], number]>(
    `UPDATE tickets SET ${assignments.join(', ')} WHERE id = ${parameters.add(ticketId)} RETURNING *`,
    parameters.values,
  );
  return hydrate(manager.connection, Ticket, rows)[0];
}

/** Locks tickets for a background job (no scope), in id order so that two lockers of overlapping sets never deadlock. */
export async function lockTicketsForJob(manager: EntityManager, ticketIds: readonly string[]): Promise<Ticket[]> {
  if (ticketIds.length === 0) return [];
  const rows = await manager.query<RawRow[]>(`SELECT t.* FROM tickets t WHERE t.id = ANY($1::bigint[]) ORDER BY t.id FOR NO KEY UPDATE`, [
    ticketIds,
  ]);
  return hydrate(manager.connection, Ticket, rows);
}

/**
 * Locks up to `limit` tickets SOLVED at or before `solvedBefore` for the close job, oldest solve first; tickets
 * another transaction holds are skipped (the next sweep takes them). NO KEY UPDATE like every other ticket change,
 * so that inserts referencing the ticket (events, clocks) never wait on it.
 */
export async function lockSolvedTicketsForJob(manager: EntityManager, solvedBefore: Date, limit: number): Promise<Ticket[]> {
  const rows = await manager.query<RawRow[]>(
    `SELECT t.* FROM tickets t WHERE t.status = 'SOLVED' AND t.solved_at <= $1 ORDER BY t.solved_at, t.id LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
    [solvedBefore, limit],
  );
  return hydrate(manager.connection, Ticket, rows);
}

/**
 * Stores the owner of each ticket as given (owner, carrier, routing decision, escalation, priority) in one
 * statement, bumping `version` and `updated_at` like every change; returns the tickets as stored.
 */
export async function storeOwnerChanges(manager: EntityManager, tickets: readonly Ticket[], now: Date): Promise<Ticket[]> {
  if (tickets.length === 0) return [];
  const rows = await manager.query<RawRow[]>(
    `WITH changed AS (
       UPDATE tickets t SET owner_party = u.owner_party, carrier_id = u.carrier_id, involved_carrier_ids = u.involved_carrier_ids::bigint[],
         routing_rule_id = u.routing_rule_id, routing_rule_version = u.routing_rule_version, routing_reason = u.routing_reason, routed_at = u.routed_at,
         is_escalated = u.is_escalated, escalated_at = u.escalated_at, priority = u.priority, updated_at = $12, version = t.version + 1
       FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::int[], $7::text[], $8::timestamptz[], $9::boolean[], $10::timestamptz[], $11::text[])
         AS u(id, owner_party, carrier_id, involved_carrier_ids, routing_rule_id, routing_rule_version, routing_reason, routed_at, is_escalated, escalated_at, priority)
       WHERE t.id = u.id
       RETURNING t.*)
     SELECT * FROM changed ORDER BY id`,
    [
      tickets.map((ticket) => ticket.id),
      tickets.map((ticket) => ticket.ownerParty),
      tickets.map((ticket) => ticket.carrierId),
      // One PostgreSQL array literal per ticket: unnest would flatten an array of arrays.
      tickets.map((ticket) => `{${ticket.involvedCarrierIds.join(',')}}`),
      tickets.map((ticket) => ticket.routingRuleId),
      tickets.map((ticket) => ticket.routingRuleVersion),
      tickets.map((ticket) => ticket.routingReason),
      tickets.map((ticket) => ticket.routedAt),
      tickets.map((ticket) => ticket.isEscalated),
      tickets.map((ticket) => ticket.escalatedAt),
      tickets.map((ticket) => ticket.priority),
      now,
    ],
  );
  return hydrate(manager.connection, Ticket, rows);
}
