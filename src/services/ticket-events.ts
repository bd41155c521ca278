import { EntityManager } from 'typeorm';
import { webhookEndpointSeesTicketSql, webhookEventVisibilitySql } from '../auth/scope';
import { TicketEventType } from '../domain/enums';
import { SqlParameters } from '../db/sql-parameters';
import { enqueueDeliveryJobSql } from '../webhooks/webhook-delivery-queue';
import { Actor } from './actor';
import { signalEventsAtCommit } from './committed-event-signal';

export interface NewTicketEvent {
  ticketId: string;
  type: TicketEventType;
  actor: Actor;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Appends events in ONE statement, inside the caller's transaction, so that everything that follows from an
 * event exists exactly when its change committed (a rollback leaves no trace anywhere):
 * - the events themselves;
 * - a webhook delivery for every enabled endpoint whose event types and scope match, each with its
 *   graphile-worker job (scope: `webhookEndpointSeesTicketSql`, evaluated against the ticket as it stands);
 * and, once the transaction has committed, the NOTIFY to every instance's event listener (`signalEventsAtCommit`:
 * never inside the transaction, whose commit would then serialise with every other notifying one).
 * Returns the sequences in input order (identity values are drawn in the order the rows are inserted).
 */
export async function appendTicketEvents(manager: EntityManager, events: NewTicketEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const parameters = new SqlParameters();
  const rows: Array<{ sequence: string }> = await manager.query(
    `WITH ${eventAppendCtes(events, parameters)}
     SELECT sequence, ${EVENT_APPEND_EFFECTS} FROM appended ORDER BY sequence`,
    parameters.values,
  );
  signalEventsAtCommit(manager);
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
}

/**
 * The CTEs of `appendTicketEvents` (`appended`, `deliveries`, `jobs`), for statements that append events along
 * with other changes. The statement must select EVENT_APPEND_EFFECTS (a CTE without data modification runs only
 * when read), and its caller signals the listeners after it: `signalEventsAtCommit(manager)` in a transaction,
 * `signalCommittedEvents(dataSource)` for a statement run on its own.
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
     )`;
}

/** What a statement with eventAppendCtes selects so that its deliveries' jobs are enqueued. */
export const EVENT_APPEND_EFFECTS = `(SELECT count(*) FROM jobs) AS jobs`;
