import { toGlobalId } from '../domain/global-id';
import { TicketEvent } from '../entities';

/** One event as a Standard Webhooks message: the id that every attempt repeats, and the exact body signed. */
export interface WebhookMessage {
  /** The event's global id: `webhook-id`, stable across retries and replays (the receiver's idempotency key). */
  id: string;
  body: string;
}

export function webhookMessageOf(
  event: Pick<TicketEvent, 'sequence' | 'ticketId' | 'type' | 'actorRole' | 'payload' | 'createdAt'>,
): WebhookMessage {
  const id = toGlobalId('TicketEvent', event.sequence);
  const body = JSON.stringify({
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: {
      id,
      sequence: event.sequence,
      type: event.type,
      ticketId: toGlobalId('Ticket', event.ticketId),
      actorRole: event.actorRole,
      createdAt: event.createdAt.toISOString(),
      payload: event.payload,
    },
  });
  return { id, body };
}
