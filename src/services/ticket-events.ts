import { EntityManager } from 'typeorm';
import { TicketEventType } from '../domain/enums';
import { Actor } from './actor';

export interface NewTicketEvent {
  ticketId: string;
  type: TicketEventType;
  actor: Actor;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Appends events in ONE statement, inside the caller's transaction: an event exists exactly when its change
 * committed. Returns the sequences in input order.
 */
export async function appendTicketEvents(manager: EntityManager, events: NewTicketEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows: Array<{ sequence: string }> = await manager.query(
    `INSERT INTO ticket_events (ticket_id, type, actor_role, actor_id, payload, created_at)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[])
     RETURNING sequence`,
    [
      events.map((event) => event.ticketId),
      events.map((event) => event.type),
      events.map((event) => event.actor.role),
      events.map((event) => event.actor.id),
      events.map((event) => JSON.stringify(event.payload)),
      events.map((event) => event.createdAt),
    ],
  );
  return rows.map((row) => row.sequence);
}
