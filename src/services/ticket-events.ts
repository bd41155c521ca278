import { EntityManager } from 'typeorm';
import { webhookEndpointSeesTicketSql, webhookEventVisibilitySql } from '../auth/scope';
import { TicketEventType } from '../domain/enums';
import { SqlParameters } from '../db/sql-parameters';
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
 * When the listeners hear of appended events:
 * - `at-commit`: a `pg_notify` in the appending statement, which PostgreSQL delivers at COMMIT and drops on
 *   ROLLBACK. Every notifying transaction takes one lock of the whole database at commit and keeps it until its
 *   commit record is flushed to disk, so notifying transactions commit one at a time, each waiting for its own
 *   flush (no group commit): ≈ 3–5× fewer commits per second with 10 connections on this machine's disk.
 * - `after-commit`: no NOTIFY in the transaction; the caller signals after COMMIT (`signalCommittedEvents`, one
 *   coalesced, non-durable NOTIFY per round trip). A process that dies between the two leaves the events to the
 *   listeners' next read (their poll, or the next NOTIFY): late, never lost.
 */
export type EventNotification = 'at-commit' | 'after-commit';

/**
 * Appends events in ONE statement, inside the caller's transaction, so that everything that follows from an
 * event exists exactly when its change committed (a rollback leaves no trace anywhere):
 * - the events themselves;
 * - a webhook delivery for every enabled endpoint whose event types and scope match, each with its
 *   graphile-worker job (scope: `webhookEndpointSeesTicketSql`, evaluated against the ticket as it stands);
 * - the NOTIFY to every instance's event listener, at or after commit (`EventNotification`).
 * Returns the sequences in input order (identity values are drawn in the order the rows are inserted).
 */
export async function appendTicketEvents(
  manager: EntityManager,
  events: NewTicketEvent[],
  notify: EventNotification = 'at-commit',
): Promise<string[]> {
  if (events.length === 0) return [];
  const parameters = new SqlParameters();
  const rows: Array<{ sequence: string }> = await manager.query(
    `WITH ${eventAppendCtes(events, parameters, { notify })}
     SELECT sequence, ${EVENT_APPEND_EFFECTS} FROM appended ORDER BY sequence`,
    parameters.values,
  );
  return rows.map((row) => row.sequence);
}

/** Where appended events come from, and how their statement is conditioned and announced. */
export interface EventAppendOptions {
  /**
   * The relation (id, seller_id) the webhook scope reads the events' tickets from: a CTE of the same statement
   * when it inserts the ticket, whose new row the statement's other parts cannot see in `tickets`.
   */
  tickets?: string;
  /** SQL: the events are appended only if it holds. */
  when?: string;
  /** Default `at-commit`. */
  notify?: EventNotification;
}

/**
 * The CTEs of `appendTicketEvents` (`appended`, `deliveries`, `jobs`, `notified`), for statements that append
 * events along with other changes. The statement must select EVENT_APPEND_EFFECTS: a CTE without data
 * modification runs only when read.
 */
export function eventAppendCtes(events: NewTicketEvent[], parameters: SqlParameters, options: EventAppendOptions = {}): string {
  const columns = [
    parameters.add(events.map((event) => event.ticketId)),
    parameters.add(events.map((event) => event.type)),
    parameters.add(events.map((event) => event.actor.role)),
    parameters.add(events.map((event) => event.actor.id)),
    parameters.add(events.map((event) => JSON.stringify(event.payload))),
    parameters.add(events.map((event) => event.createdAt)),
  ];
  return eventAppendCtesFrom(
    `SELECT * FROM unnest(${columns[0]}::bigint[], ${columns[1]}::text[], ${columns[2]}::text[], ${columns[3]}::text[], ${columns[4]}::jsonb[], ${columns[5]}::timestamptz[])`,
    options,
  );
}

/**
 * The same CTEs for events a statement derives from its own rows (a ticket it picked and changed): `source` is a
 * SELECT of (ticket_id bigint, type text, actor_role text, actor_id text, payload jsonb, created_at timestamptz).
 */
export function eventAppendCtesFrom(source: string, options: EventAppendOptions = {}): string {
  const notified =
    (options.notify ?? 'at-commit') === 'at-commit'
      ? `SELECT pg_notify('${TICKET_EVENTS_CHANNEL}', max(sequence)::text) FROM appended HAVING count(*) > 0`
      : 'SELECT WHERE false';
  return `appended AS (
       INSERT INTO ticket_events (ticket_id, type, actor_role, actor_id, payload, created_at)
       SELECT * FROM (${source}) AS source
       ${options.when ? `WHERE ${options.when}` : ''}
       RETURNING sequence, ticket_id, type, payload, created_at
     ), deliveries AS (
       INSERT INTO webhook_deliveries (endpoint_id, event_sequence, status, next_attempt_at, created_at, updated_at)
       SELECT endpoint.id, appended.sequence, 'PENDING', appended.created_at, appended.created_at, appended.created_at
       FROM appended
       JOIN webhook_endpoints endpoint ON endpoint.is_enabled AND appended.type = ANY(endpoint.event_types)
       WHERE ${webhookEventVisibilitySql('appended', 'endpoint')} AND ${webhookEndpointSeesTicketSql('endpoint', 'appended.ticket_id', options.tickets ?? 'tickets')}
       RETURNING id
     ), jobs AS (
       SELECT ${enqueueDeliveryJobSql('deliveries.id', 'NULL')} FROM deliveries
     ), notified AS (
       ${notified}
     )`;
}

/** What a statement with eventAppendCtes selects so that its deliveries' jobs and its NOTIFY happen. */
export const EVENT_APPEND_EFFECTS = `(SELECT count(*) FROM jobs) AS jobs, (SELECT count(*) FROM notified) AS notified`;
