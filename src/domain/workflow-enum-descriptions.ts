import { CallbackCancelReason, CallbackOutcome, CallbackStatus } from './callback';
import {
  ApiKeyPermission,
  ApiKeyScope,
  MessageOrder,
  TicketOrder,
  WantedOutcome,
  WebhookDeliveryStatus,
  WebhookEndpointScope,
} from './enums';

// What each value of the workflow enums (callbacks, webhooks, API keys, list orders, what a customer wants) means
// to a client, as data beside the enums: the schema's enum value descriptions (src/graphql/register-enums.ts).
// A Record per enum, so a new value does not compile without one.

export const CALLBACK_STATUS_DESCRIPTIONS: Record<CallbackStatus, string> = {
  SCHEDULED: 'Booked in a slot; the platform will call at callbackAt.',
  REACHED: 'An agent called and reached the customer.',
  NO_ANSWER:
    'An agent called and nobody answered: the next attempt is scheduled, or (after the second) the customer was asked to write instead.',
  CANCELLED:
    'Called off: by cancelCallback, or because the ticket was closed or handed off away from the platform (cancelledReason says which).',
};

export const CALLBACK_OUTCOME_DESCRIPTIONS: Record<CallbackOutcome, string> = {
  REACHED: "The customer was reached; on a PHONE ticket the call is the platform's response (FIRST_RESPONSE met).",
  NO_ANSWER: 'Nobody answered: the first time the callback moves to the next free slot, the second time the customer is asked to write.',
};

export const CALLBACK_CANCEL_REASON_DESCRIPTIONS: Record<CallbackCancelReason, string> = {
  TICKET_CLOSED: 'The ticket was closed.',
  OWNER_CHANGED: 'The ticket was handed off from the platform to a seller or carrier, who do not call customers.',
  REQUESTED: "Called off with cancelCallback by the customer, by platform staff, or by the chat bot on the customer's behalf.",
};

export const WEBHOOK_ENDPOINT_SCOPE_DESCRIPTIONS: Record<WebhookEndpointScope, string> = {
  PLATFORM: 'Events of every ticket (INTERNAL notes excepted), as a platform API key sees them.',
  SELLER: "Events of the tickets its seller sees, as that seller's API key sees them.",
};

export const WEBHOOK_DELIVERY_STATUS_DESCRIPTIONS: Record<WebhookDeliveryStatus, string> = {
  PENDING: 'Not attempted yet (or replayed): an attempt is queued.',
  DELIVERED: 'The receiver answered 2xx.',
  FAILED: 'The last attempt failed; another is scheduled at nextAttemptAt.',
  DEAD: 'Every attempt of the retry schedule failed (or the endpoint was disabled): dead-lettered. redeliverWebhook replays it.',
};

export const API_KEY_SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  PLATFORM: 'Sees what the platform sees (INTERNAL notes excepted); may sync orders and shipments.',
  SELLER: 'Sees exactly what its seller sees.',
};

export const API_KEY_PERMISSION_DESCRIPTIONS: Record<ApiKeyPermission, string> = {
  CALLBACK_PHONE_NUMBERS:
    "Reads a callback's number whole (E.164) in Ticket.callback, for the notifier that phones or texts the customer; every other caller but platform staff reads it masked, and events always carry it masked.",
};

export const WANTED_OUTCOME_DESCRIPTIONS: Record<WantedOutcome, string> = {
  REFUND: 'The money back.',
  REPLACEMENT: 'The same item again, working.',
  REPAIR: 'The item repaired.',
};

export const TICKET_ORDER_DESCRIPTIONS: Record<TicketOrder, string> = {
  CREATED_AT_DESC: 'Newest first (by createdAt): the default.',
  CREATED_AT_ASC: 'Oldest first (by createdAt).',
  UPDATED_AT_DESC: 'Most recently changed first (by updatedAt).',
  UPDATED_AT_ASC: 'Least recently changed first (by updatedAt).',
  NEXT_SLA_DUE: 'Earliest SLA due time first; lists only tickets with a counting clock.',
};

export const MESSAGE_ORDER_DESCRIPTIONS: Record<MessageOrder, string> = {
  OLDEST_FIRST: 'The conversation as it was written: the default.',
  NEWEST_FIRST: 'The latest message first.',
};
