import { EntityManager } from 'typeorm';
import { webhookEndpointScopeSql, webhookEventVisibilitySql } from '../auth/scope';
import { TicketEventType } from '../domain/enums';
import { enqueueDeliveryJobSql } from '../webhooks/webhook-delivery-queue';
import { Actor } from './actor';

export interface NewTicketEvent {
  ticketId: string;
  type: TicketEventType;
  actor: Actor;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** The NOTIFY channel of appended events; the payload is the highest sequence appended (src/events). */
export const TICKET_EVENTS_CHANNEL = 'ticket_events';

/**
 * Appends events in ONE statement, inside the caller's transaction, so that everything that follows from an
 * event exists exactly when its change committed (a rollback leaves no trace anywhere):
 * - the events themselves;
 * - a webhook delivery for every enabled endpoint whose event types and scope match, each with its
 *   graphile-worker job (scope: `webhookEndpointScopeSql`, evaluated against the ticket as it stands);
 * - `pg_notify` to every instance's event listener, which PostgreSQL delivers at COMMIT and drops on ROLLBACK.
 * Returns the sequences in input order (identity values are drawn in the order the rows are inserted).
 */
export async function appendTicketEvents(manager: EntityManager, events: NewTicketEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows: Array<{ sequence: string }> = await manager.query(
    `WITH appended AS (
       INSERT INTO ticket_events (ticket_id, type, actor_role, actor_id, payload, created_at)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[])
       RETURNING sequence, ticket_id, type, payload, created_at
     ), deliveries AS (
       INSERT INTO webhook_deliveries (endpoint_id, event_sequence, status, next_attempt_at, created_at, updated_at)
       SELECT endpoint.id, appended.sequence, 'PENDING', appended.created_at, appended.created_at, appended.created_at
       FROM appended
       JOIN tickets ticket ON ticket.id = appended.ticket_id
       JOIN webhook_endpoints endpoint ON endpoint.is_enabled AND appended.type = ANY(endpoint.event_types) AND ${webhookEndpointScopeSql('endpoint', 'ticket')}
       WHERE ${webhookEventVisibilitySql('appended')}
       RETURNING id
     ), jobs AS (
       SELECT ${enqueueDeliveryJobSql('deliveries.id', 'NULL')} FROM deliveries
     ), notified AS (
       SELECT pg_notify('${TICKET_EVENTS_CHANNEL}', max(sequence)::text) FROM appended
     )
     -- A CTE without data modification runs only when read: the counts make the jobs and the NOTIFY happen.
     SELECT sequence, (SELECT count(*) FROM jobs) AS jobs, (SELECT count(*) FROM notified) AS notified
     FROM appended ORDER BY sequence`,
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
