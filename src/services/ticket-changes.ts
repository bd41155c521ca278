import { EntityManager } from 'typeorm';
import { ticketScopeSql } from '../auth/scope';
import { hydrate } from '../db/hydrate';
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
  const rows = await manager.query(`SELECT t.* FROM tickets t WHERE t.id = ${id}${scope} FOR NO KEY UPDATE`, parameters.values);
  return hydrate(manager.connection, Ticket, rows)[0] ?? null;
}

/** Column name → new value. Keys are trusted column names written in the services, never client input. */
export type TicketColumnChanges = Record<string, unknown>;

/** Applies changes, bumps `version` and `updated_at`, and returns the ticket as stored. */
export async function updateTicket(manager: EntityManager, ticketId: string, changes: TicketColumnChanges, now: Date): Promise<Ticket> {
  const parameters = new SqlParameters();
  const assignments = Object.entries(changes).map(([column, value]) => `${column} = ${parameters.add(value)}`);
  assignments.push(`updated_at = ${parameters.add(now)}`, 'version = version + 1');
  // TypeORM answers an UPDATE with [rows, affected count].
  const [rows] = await manager.query(
    `UPDATE tickets SET ${assignments.join(', ')} WHERE id = ${parameters.add(ticketId)} RETURNING *`,
    parameters.values,
  );
  return hydrate(manager.connection, Ticket, rows)[0];
}
