import {
  ActorRole,
  AdminAction,
  AdminEntityType,
  AuthorRole,
  CallerRole,
  CustomerTier,
  DeliveryMethod,
  FulfillmentChannel,
  Language,
  MessageVisibility,
  OrderStatus,
  OwnerParty,
  PaymentMethod,
  ReturnStatus,
  ShipmentStatus,
  TicketCategory,
  TicketChannel,
  TicketEventType,
  TicketPriority,
  TicketResolution,
  TicketStatus,
} from './enums';
import { UserErrorCode } from './user-error';

// What each value of the domain's enums means to a client, as data beside the enums: the schema's enum value
// descriptions (src/graphql/register-enums.ts). A Record per enum, so a new value does not compile without one.

export const OWNER_PARTY_DESCRIPTIONS: Record<OwnerParty, string> = {
  SELLER: 'The seller that sold the order (defects, wrong items, returns, delays before hand-over). Owns the ticket in `Ticket.seller`.',
  CARRIER:
    'The carrier that holds or held the parcel (in transit, delivered but not received, misdelivery). Owns the ticket in `Ticket.carrier`.',
  PLATFORM:
    'The marketplace itself: payments, accounts, fraud, memberships, platform-fulfilled orders, lost parcels, compensation and every escalation.',
};

export const TICKET_CATEGORY_DESCRIPTIONS: Record<TicketCategory, string> = {
  ITEM_NOT_RECEIVED: 'The parcel never arrived (or is marked delivered but the customer does not have it).',
  DELIVERY_DELAYED: 'The parcel is late against the promised delivery date.',
  MISDELIVERED: 'The parcel was delivered to the wrong address or person.',
  DAMAGED_IN_TRANSIT: "The parcel or its goods were damaged on the way; always the platform's.",
  DEFECTIVE_ITEM: 'The item arrived but does not work.',
  NOT_AS_DESCRIBED: 'The item differs from its listing (size, colour, model, condition).',
  MISSING_PARTS: 'Parts or items of the order are missing from the parcel.',
  RETURN_REQUEST: 'The customer wants to return goods.',
  REFUND_NOT_RECEIVED: 'A refund the customer expects (usually after a return) has not arrived.',
  CANCEL_ORDER: 'The customer wants to cancel an order.',
  CHANGE_ORDER: 'The customer wants to change an order: address, delivery date, redelivery, items.',
  PAYMENT_ISSUE: "A charge, double charge, failed payment or payment method question; always the platform's, HIGH priority.",
  ACCOUNT_ACCESS: 'Signing in, a second factor, a takeover or orders the customer did not place; URGENT when a takeover is reported.',
  FRAUD_PHISHING: "Phishing messages, fake shops, fraud in the customer's name; always the platform's, URGENT.",
  MEMBERSHIP: "The marketplace's paid membership: sign-up, renewal, cancellation, benefits.",
  DIGITAL_SERVICE: 'Apps, e-books, video, music, devices of the platform: a fault or a question.',
  OTHER: 'Anything else; routed to the platform at LOW priority.',
};

export const TICKET_CHANNEL_DESCRIPTIONS: Record<TicketChannel, string> = {
  CHAT: 'Live chat in the app or on the web; the tightest first-response target (10 minutes for the platform).',
  EMAIL: 'E-mail to customer service.',
  PHONE: 'A phone call or a callback request; the platform answers in its support hours.',
  APP: 'The contact form of the mobile app.',
  SOCIAL: 'A social media message.',
};

export const LANGUAGE_DESCRIPTIONS: Record<Language, string> = {
  ja: 'Japanese. (Values are lower-case ISO 639-1 codes, as stored and as clients send them.)',
  en: 'English.',
  zh: 'Chinese.',
  ko: 'Korean.',
};

export const TICKET_PRIORITY_DESCRIPTIONS: Record<TicketPriority, string> = {
  LOW: 'The OTHER category: no urgency.',
  NORMAL: 'The default for a customer issue.',
  HIGH: 'PAYMENT_ISSUE and every escalated ticket; PRIME and BUSINESS customers are raised to it from NORMAL.',
  URGENT: 'FRAUD_PHISHING, and ACCOUNT_ACCESS reporting a takeover or unauthorised orders; runs the platform-urgent SLA policy.',
};

export const TICKET_STATUS_DESCRIPTIONS: Record<TicketStatus, string> = {
  NEW: 'Opened; the owner has not answered yet.',
  OPEN: 'The owner is working on it.',
  PENDING: 'Waiting on the customer; pauses the resolution clock.',
  ON_HOLD: 'Waiting on a third party; pauses nothing the customer waits for.',
  SOLVED: 'Resolved; reopens if the customer writes within 7 days.',
  CLOSED: 'Final; a new message opens a follow-up ticket.',
};

export const TICKET_RESOLUTION_DESCRIPTIONS: Record<TicketResolution, string> = {
  REFUND: 'The customer was (or will be) refunded.',
  REPLACEMENT: 'A replacement item was sent.',
  RESHIPMENT: 'The same order was shipped again.',
  RETURN_LABEL: 'The customer was given a return label to send the goods back.',
  INFORMATION: 'The customer was given the information they needed; nothing else was done.',
  NO_ACTION: 'Nothing was done (no issue found, duplicate contact, customer withdrew).',
};

export const CUSTOMER_TIER_DESCRIPTIONS: Record<CustomerTier, string> = {
  STANDARD: 'An ordinary customer.',
  PRIME: 'A paid member: tickets get one priority level more (never above HIGH by tier alone).',
  BUSINESS: 'A business account: tickets get one priority level more (never above HIGH by tier alone).',
};

export const FULFILLMENT_CHANNEL_DESCRIPTIONS: Record<FulfillmentChannel, string> = {
  PLATFORM: "The platform stores and ships the goods from its own warehouses: delivery issues are the platform's.",
  SELLER: 'The seller ships the goods itself.',
};

export const ORDER_STATUS_DESCRIPTIONS: Record<OrderStatus, string> = {
  PENDING: 'Placed; payment not confirmed yet.',
  UNSHIPPED: 'Paid, waiting to be handed to a carrier.',
  SHIPPED: 'Handed to a carrier (at least one parcel).',
  DELIVERED: 'Every parcel was delivered.',
  CANCELLED: 'Cancelled before shipping.',
  RETURNED: 'The goods came back to the seller or warehouse.',
};

export const SHIPMENT_STATUS_DESCRIPTIONS: Record<ShipmentStatus, string> = {
  LABEL_CREATED: 'A label exists but the carrier does not have the parcel yet (not handed over).',
  IN_TRANSIT: 'The carrier has the parcel and is moving it.',
  OUT_FOR_DELIVERY: 'On the delivery vehicle today.',
  DELIVERED: 'The carrier reports it delivered (see deliveryMethod for how).',
  DELIVERY_FAILED: 'A delivery attempt failed (nobody home, wrong address); the carrier will retry or hold it.',
  LOST: 'The carrier lost the parcel; its tickets go to the platform.',
  RETURNED_TO_SENDER: 'The carrier sent the parcel back to the sender.',
};

export const DELIVERY_METHOD_DESCRIPTIONS: Record<DeliveryMethod, string> = {
  HAND_OVER: 'Handed to the recipient in person.',
  LEFT_AT_DOOR: 'Left at the door without a signature (置き配).',
  LOCKER: 'Put in a parcel locker for the recipient to collect.',
  MAILBOX: "Put in the recipient's mailbox.",
};

export const RETURN_STATUS_DESCRIPTIONS: Record<ReturnStatus, string> = {
  REQUESTED: 'The customer asked to return the goods.',
  IN_TRANSIT: 'The goods are on their way back.',
  RECEIVED: 'The seller or warehouse received the goods (receivedAt); the refund is due.',
  REFUNDED: 'The customer was refunded (refundedAt).',
  REJECTED: 'The return was refused.',
};

export const AUTHOR_ROLE_DESCRIPTIONS: Record<AuthorRole, string> = {
  CUSTOMER: "The ticket's customer.",
  SELLER: 'The seller of the order (its staff or its seller-scoped API key).',
  CARRIER: 'The carrier of the parcel.',
  AGENT: 'A platform agent (or an admin, or a platform API key).',
  BOT: "The platform's bot, e.g. asking for missing details; never counts as an owner response.",
  SYSTEM: 'The service itself (automatic notices); never counts as an owner response.',
};

export const MESSAGE_VISIBILITY_DESCRIPTIONS: Record<MessageVisibility, string> = {
  PUBLIC: 'Part of the conversation with the customer: the customer, the seller, the carrier and the platform see it.',
  INTERNAL: 'A note between platform agents; never shown to customers, sellers or carriers.',
};

export const TICKET_EVENT_TYPE_DESCRIPTIONS: Record<TicketEventType, string> = {
  TICKET_OPENED:
    'A ticket was opened: payload number, channel, category, classificationConfidence, language, priority, missingDetails, customerId, orderId (isFollowUp for a follow-up). Payload shapes: docs/events.md.',
  TICKET_ROUTED: 'The routing table chose the first owner (actor SYSTEM): payload owner, rule, ruleVersion, reason, sellerId, carrierId.',
  MESSAGE_POSTED:
    "A message was written (BOT for the bot's first answer): payload messageId, authorRole, visibility, version. INTERNAL notes reach agents and admins only.",
  STATUS_CHANGED:
    'The status moved: payload from, to, trigger (REQUEST, OWNER_FIRST_REPLY, CUSTOMER_REPLY, REOPEN_WINDOW_ELAPSED), version.',
  OWNER_CHANGED:
    "Another party owns the ticket, not by escalation: an agent's transfer, or re-routing after a reclassification: payload from, to, rule, reason, carrierId, version.",
  ESCALATED:
    'The ticket went to the platform: payload from, to (PLATFORM), rule and kind (customer-claim, hand-up, agent-escalation, seller-silent, carrier-stuck), reason, priority, previousPriority, carrierId, version.',
  SLA_WARNING:
    'A clock used its warning share of the target (75 % by default; actor SYSTEM): payload clockId, metric, owner, outcome WARNED, policy { id, version }, dueAt.',
  SLA_BREACHED:
    'A clock passed its due time unanswered, recorded once when it happened (actor SYSTEM): the SLA_WARNING payload with outcome BREACHED and breachedAt.',
  SLA_MET: 'The owner answered in time: the SLA_WARNING payload with outcome MET, metAt, usedBusinessMinutes, version.',
  SLA_RETARGETED:
    'A running clock moved to the policy that now matches (after a priority change or reclassification): outcome RETARGETED, the new policy, dueAt, warnAt, targetMinutes, calendar, version.',
  PRIORITY_CHANGED:
    'An agent or admin changed the priority (changeTicketPriority): payload from, to, reason, version; an SLA_RETARGETED follows per clock that moved.',
  TICKET_SOLVED: 'Marked SOLVED (after its STATUS_CHANGED): payload resolution, note, version.',
  TICKET_REOPENED: 'A SOLVED ticket went back to OPEN (after its STATUS_CHANGED): payload reopenedCount, reason, trigger, version.',
  TICKET_CLOSED:
    'CLOSED for good (by SYSTEM 7 days after the solve, or by an agent): payload solvedAt, trigger, version. A new message opens a follow-up.',
  TICKET_RATED: 'The customer rated the ticket: payload score (1–5), comment, version.',
  TICKET_RECLASSIFIED: 'An agent corrected the category: payload from, to, reason, priority, previousPriority.',
  TICKET_QUEUED:
    "The queue table placed a platform ticket in a team's queue: payload team, rule, ruleVersion, reason. Platform staff and platform integrations only.",
  TICKET_ASSIGNED:
    'An agent was assigned (assignTicket) or took the ticket (takeNextTicket): payload team, assigneeId, previousAssigneeId, how (ASSIGNED, TAKEN). Platform staff and platform integrations only.',
  TICKET_UNASSIGNED:
    'The ticket went back to its queue without an assignee: payload team, previousAssigneeId. Platform staff and platform integrations only.',
  CALLBACK_SCHEDULED:
    "A phone callback was scheduled (requested, or rescheduled after no answer): payload callbackId, callbackAt, team, attempt, phoneNumber (masked: last 4 digits). For the notifier's SMS; the customer sees it too, sellers and carriers never.",
  CALLBACK_DUE_SOON:
    "A scheduled callback's slot starts in 15 minutes (fired once per slot by the timer sweep): payload callbackId, callbackAt, team, attempt.",
  CALLBACK_RECORDED:
    'An agent recorded the outcome of a callback: payload callbackId, outcome (REACHED, NO_ANSWER), attempt, and for NO_ANSWER what follows (rescheduledAt, or askedToWrite).',
  CALLBACK_CANCELLED:
    'A scheduled callback was cancelled: on request (cancelCallback, by its caller), or because its ticket was closed or handed off away from the platform (by SYSTEM). Payload callbackId, callbackAt, team, attempt, reason (REQUESTED, TICKET_CLOSED, OWNER_CHANGED).',
};

export const PRINCIPAL_ROLE_DESCRIPTIONS: Record<CallerRole, string> = {
  CUSTOMER: 'A marketplace customer: own tickets and orders, PUBLIC messages.',
  SELLER: 'A seller: tickets on orders it sold (also after escalation), PUBLIC messages, customer contact masked.',
  CARRIER: 'A carrier: tickets it owns or owned, shipment and delivery address only (no payment, no prices).',
  AGENT: 'A platform agent: every ticket, INTERNAL notes included.',
  ADMIN: 'A platform admin: everything, plus routing rules, SLA policies, calendars, webhooks and API keys.',
  INTEGRATION: "An API key: what its scope sees (one seller's, or the platform's without INTERNAL notes).",
};

export const ACTOR_ROLE_DESCRIPTIONS: Record<ActorRole, string> = {
  CUSTOMER: "The ticket's customer.",
  SELLER: 'A seller (its staff token).',
  CARRIER: 'A carrier (its staff token or system).',
  AGENT: 'A platform agent.',
  ADMIN: 'A platform admin.',
  INTEGRATION: "An integration's API key.",
  BOT: "The platform's bot: its first answer on a new ticket (what the order's records tell, the details it asks for).",
  SYSTEM: 'The service itself: SLA timers, automatic escalations and closes, routing at intake, jobs.',
};

export const PAYMENT_METHOD_DESCRIPTIONS: Record<PaymentMethod, string> = {
  CREDIT_CARD: 'Credit or debit card.',
  CONVENIENCE_STORE: 'Paid in cash at a convenience store (コンビニ払い).',
  CASH_ON_DELIVERY: 'Paid to the carrier on delivery.',
  BANK_TRANSFER: 'Bank transfer.',
  GIFT_CARD: "The marketplace's gift card balance.",
  CARRIER_BILLING: "Added to the customer's mobile phone bill.",
};

export const ADMIN_ENTITY_TYPE_DESCRIPTIONS: Record<AdminEntityType, string> = {
  ROUTING_RULE: 'A row of the ownership routing table.',
  SLA_POLICY: 'An SLA policy (targets, calendar, conditions).',
  BUSINESS_CALENDAR: 'A business calendar (open hours, holidays, closures).',
};

export const ADMIN_ACTION_DESCRIPTIONS: Record<AdminAction, string> = {
  CREATE: 'A new entry, version 1 (or the next version of a retired id).',
  UPDATE: 'A new version of an active entry.',
  REORDER: 'A new version with another position only.',
  RETIRE: 'The entry is no longer active; its versions stay readable.',
};

/** What each refusal code means to a client that switches on it. */
export const USER_ERROR_CODE_DESCRIPTIONS: Record<UserErrorCode, string> = {
  NOT_FOUND:
    'The record named (`field` says which) does not exist or is not yours to see: a ticket, shipment, policy, endpoint, delivery, key…',
  ORDER_NOT_FOUND: "The order does not exist among the customer's orders.",
  CUSTOMER_NOT_FOUND: "No customer has this id (opening a ticket on a customer's behalf).",
  INVALID_INPUT:
    'A value is malformed or out of range (length, format, unknown reference, a no-op change); `field` and `message` say which and why.',
  BODY_EMPTY: 'The message body is empty or only white space.',
  BODY_TOO_LONG: 'The message body has more than 10,000 characters.',
  TOO_MANY_ATTACHMENTS: 'More than 10 attachments on one message.',
  INVALID_ATTACHMENT: "An attachment's name, content type, size (at most 25 MB), sha256 or url is malformed; `field` names it.",
  VERSION_CONFLICT: 'The ticket (or reference entry) changed since the version you gave as expectedVersion: read it again and retry.',
  INVALID_TRANSITION: 'The status move is not allowed now, or not for you; `allowedStatuses` lists the moves you may make.',
  NOT_OWNER: 'Only the owning party (or a platform agent) may do this on the ticket now, e.g. write, change the status, hand up, transfer.',
  ALREADY_OWNER: 'The ticket is already owned by the party you transfer it to.',
  NOT_ESCALATABLE: 'The ticket cannot be escalated: the platform already owns it.',
  CLAIM_NOT_ELIGIBLE:
    'The customer claim is too early or too late; `message` says why and `eligibleAt` when it becomes possible, if it will.',
  ALREADY_RATED: 'The ticket was rated before; a rating is given once.',
  NOT_RATEABLE: 'Only a SOLVED or CLOSED ticket can be rated.',
  TICKET_CLOSED: 'The ticket is CLOSED: it no longer changes (write to it to open a follow-up).',
  NOT_PERMITTED:
    'Your role may not do this on a record you can see (an INTERNAL note by a non-agent, a rating by anyone but the customer, an admin change by a non-admin).',
  ENDPOINT_DISABLED: 'The webhook endpoint is disabled: enable it first.',
  CARRIER_NOT_FOUND: 'No carrier has this id.',
  ORDER_NUMBER_TAKEN: 'Another order (another externalId) already has this order number.',
  CONFLICT: 'The input conflicts with data already stored (a database constraint refused it); `field` says where.',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used before by you with another input: use a new key for a new request.',
  NOT_PLATFORM_TICKET: 'The ticket is not owned by the platform: only platform tickets are assigned, queued or called back.',
  ALREADY_ASSIGNED: 'The ticket already has this assignee, or another agent took it first.',
  AGENT_NOT_IN_TEAM: 'The agent is not a member of the team whose queue holds the ticket.',
  AGENT_NOT_FOUND: 'No agent is registered with this id (admins register agents with saveAgent).',
  NOT_QUEUED: 'The ticket is in no team queue yet.',
  CALLBACK_ALREADY_SCHEDULED: 'A callback is already scheduled on this ticket.',
  NO_CALLBACK_SLOT:
    "No slot of the team's support hours is free within the scheduling horizon (14 days), or none matches the preferred windows.",
  NO_SCHEDULED_CALLBACK: 'The ticket has no scheduled callback to record an outcome for or to cancel.',
  CALLBACK_NOT_ALLOWED:
    "The caller may not do this with a callback: sellers, carriers and their API keys never request or see callbacks; only platform agents record a callback's outcome.",
  INVALID_PHONE_NUMBER:
    'The phone number cannot be called: not a valid number (national numbers are read as Japanese; write +CC for others), or a premium-rate, shared-cost, pager or voicemail number.',
};
