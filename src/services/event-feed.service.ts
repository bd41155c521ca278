import { eventVisibilitySql, ticketScopeSql } from '../auth/scope';
import { hydrate, RawRow } from '../db/hydrate';
import { SqlParameters } from '../db/sql-parameters';
import { TicketEvent } from '../entities';
import { Connection } from '../domain/connection';
import { EventFeedFilterParams } from './params/ticket-event-filter.params';
import { decodeIdArgument } from './id-arguments';
import { pageRequest, toConnection } from '../rules/pagination.rule';
import { RequestContext } from './request-context';

/**
 * Seconds after which a missing sequence is taken for a rollback. A sequence is drawn at INSERT and appears at
 * COMMIT, so the feed does not pass a missing number while the event after it is younger than this: the
 * missing one may still commit. The price: after a rollback the feed pauses at that point for up to this long.
 */
export const EVENT_FEED_SETTLE_SECONDS = 30;

export interface ListEventsInput {
  first?: number | null;
  after?: string | null;
  filter?: EventFeedFilterParams | null;
}

/**
 * The event feed (docs/events.md): the event log by global sequence, in the caller's scope (the rules of
 * `Ticket.events`), for integrations that catch up after downtime. Keyset-paginated on the sequence, so a
 * saved `endCursor` resumes exactly after the last event read, and never skips an event that commits later
 * than events after it (see EVENT_FEED_SETTLE_SECONDS).
 */
export class EventFeedService {
  /** One statement whatever the filter. */
  async listEvents(ctx: RequestContext, input: ListEventsInput): Promise<Connection<TicketEvent>> {
    const page = pageRequest(input.first, input.after, 'sequence');
    const filter = input.filter ?? {};
    const parameters = new SqlParameters();
    const after = parameters.add(page.after?.id ?? '0');
    const conditions = [
      `e.sequence > ${after}::bigint`,
      'e.sequence < coalesce((SELECT first_unsettled FROM horizon), 9223372036854775807)',
      ticketScopeSql(ctx.principal, 't', parameters),
      eventVisibilitySql(ctx.principal, 'e'),
    ];
    if (filter.ticketId) conditions.push(`e.ticket_id = ${parameters.add(decodeIdArgument(filter.ticketId, 'Ticket', 'filter.ticketId'))}`);
    if (filter.types && filter.types.length > 0) conditions.push(`e.type = ANY(${parameters.add(filter.types)}::text[])`);
    if (filter.since) conditions.push(`e.created_at >= ${parameters.add(filter.since)}`);
    const rows = await ctx.dataSource.query<RawRow[]>(
      // horizon: the first event after the cursor that follows a missing sequence and is still recent; the page
      // stops before it (the recorded_at index keeps this to the last seconds of the log).
      `WITH horizon AS (
         SELECT min(r.sequence) AS first_unsettled FROM ticket_events r
         WHERE r.recorded_at > statement_timestamp() - make_interval(secs => ${EVENT_FEED_SETTLE_SECONDS})
           AND r.sequence > ${after}::bigint + 1
           AND NOT EXISTS (SELECT 1 FROM ticket_events previous WHERE previous.sequence = r.sequence - 1)
       )
       SELECT e.* FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY e.sequence LIMIT ${page.first + 1}`,
      parameters.values,
    );
    return toConnection(hydrate(ctx.dataSource, TicketEvent, rows), page, (event) => ({ sortValue: event.sequence, id: event.sequence }));
  }
}
