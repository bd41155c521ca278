import { isEventVisible, isTicketInScope } from '../auth/scope';
import { TicketEvent } from '../entities';
import { BoundedEventQueue } from '../events/bounded-event-queue';
import { CommittedTicketEvent, TicketEventHub } from '../events/ticket-event.hub';
import { SubscriberTooSlowError } from '../domain/errors';
import { TicketEventSubscriptionFilterParams } from './params/ticket-event-filter.params';
import { decodeIdArgument } from './id-arguments';
import { RequestContext } from './request-context';

/** Events a subscriber may have waiting before it is cut off (it resumes from the feed). */
export const MAXIMUM_BUFFERED_EVENTS = 1_000;

/** What a subscriber receives last when more than MAXIMUM_BUFFERED_EVENTS waited for it. */
export function subscriberTooSlowError(): SubscriberTooSlowError {
  return new SubscriberTooSlowError(
    `More than ${MAXIMUM_BUFFERED_EVENTS} events waited for this subscriber; resume from the events feed after the last sequence received`,
  );
}

/**
 * The `ticketEvents` subscription (docs/events.md "Subscriptions"): committed events of this instance's fan-out, in sequence order
 * per ticket, with the scope of `Ticket.events` (docs/security.md) applied to each event as it is delivered — the
 * ticket's scope columns as they stand then, and no MESSAGE_POSTED of an INTERNAL note for non-staff. A ticket
 * the subscriber may not see behaves like one that does not exist: its events simply never arrive.
 *
 * This is the source event stream of one SubscriptionGroup (src/events/shared-subscription-executor.ts): the
 * subscriptions of one visibility identity with the same document and variables share it, and each event is
 * executed once for all of them, with fresh loaders each time.
 */
export class TicketEventSubscriptionService {
  constructor(private readonly hub: TicketEventHub) {}

  subscribe(
    ctx: RequestContext,
    input: { filter?: TicketEventSubscriptionFilterParams | null },
  ): AsyncIterableIterator<TicketEvent | SubscriberTooSlowError> {
    const { principal } = ctx;
    const filter = input.filter ?? {};
    const ticketId = filter.ticketId ? decodeIdArgument(filter.ticketId, 'Ticket', 'filter.ticketId') : null;
    const types = filter.types && filter.types.length > 0 ? new Set<string>(filter.types) : null;
    const owner = filter.owner ?? null;
    const wanted = ({ event, ticket }: CommittedTicketEvent) =>
      (ticketId === null || event.ticketId === ticketId) &&
      (types === null || types.has(event.type)) &&
      (owner === null || ticket.ownerParty === owner) &&
      isTicketInScope(principal, ticket) &&
      isEventVisible(principal, event);

    const queue = new BoundedEventQueue<TicketEvent | SubscriberTooSlowError>({
      capacity: MAXIMUM_BUFFERED_EVENTS,
      overflowItem: subscriberTooSlowError,
      onEnd: () => removeSubscriber(),
    });
    const removeSubscriber = this.hub.add({
      offer: (committed) => {
        if (wanted(committed)) queue.push(committed.event);
      },
      close: () => queue.end(),
    });
    return queue;
  }
}
