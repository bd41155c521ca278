import { registerEnumType } from 'type-graphql';
import {
  AdminAction, AdminEntityType, AuthorRole, CustomerTier, DeliveryMethod, FulfillmentChannel, Language, MessageVisibility, OrderStatus, OwnerParty,
  PaymentMethod, PrincipalRole, ReturnStatus, ShipmentStatus, TicketCategory, TicketChannel, TicketEventType,
  TicketPriority, TicketResolution, TicketStatus,
} from '../domain/enums';

registerEnumType(OwnerParty, { name: 'OwnerParty', description: 'The party that owns a ticket: it must answer and resolve it.' });
registerEnumType(TicketCategory, { name: 'TicketCategory', description: 'What the customer contacted us about.' });
registerEnumType(TicketChannel, { name: 'TicketChannel', description: 'How the customer reached us.' });
registerEnumType(Language, { name: 'Language', description: 'ISO 639-1 language of the conversation.' });
registerEnumType(TicketPriority, { name: 'TicketPriority' });
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  valuesConfig: {
    NEW: { description: 'Opened; the owner has not answered yet.' },
    OPEN: { description: 'The owner is working on it.' },
    PENDING: { description: 'Waiting on the customer; pauses the resolution clock.' },
    ON_HOLD: { description: 'Waiting on a third party; pauses nothing the customer waits for.' },
    SOLVED: { description: 'Resolved; reopens if the customer writes within 7 days.' },
    CLOSED: { description: 'Final; a new message opens a follow-up ticket.' },
  },
});
registerEnumType(TicketResolution, { name: 'TicketResolution', description: 'How a ticket was resolved.' });
registerEnumType(CustomerTier, { name: 'CustomerTier' });
registerEnumType(FulfillmentChannel, { name: 'FulfillmentChannel', description: 'Who stores and ships the goods of an order.' });
registerEnumType(OrderStatus, { name: 'OrderStatus' });
registerEnumType(ShipmentStatus, { name: 'ShipmentStatus' });
registerEnumType(DeliveryMethod, {
  name: 'DeliveryMethod',
  valuesConfig: { LEFT_AT_DOOR: { description: 'Left at the door without a signature (置き配).' } },
});
registerEnumType(ReturnStatus, { name: 'ReturnStatus' });
registerEnumType(AuthorRole, { name: 'AuthorRole', description: 'Who wrote a message.' });
registerEnumType(MessageVisibility, {
  name: 'MessageVisibility',
  valuesConfig: { INTERNAL: { description: 'A note between platform agents; never shown to customers, sellers or carriers.' } },
});
registerEnumType(TicketEventType, {
  name: 'TicketEventType',
  valuesConfig: {
    TICKET_RECLASSIFIED: { description: 'An agent corrected the category: payload from, to, reason, priority, previousPriority.' },
    TICKET_QUEUED: { description: "The queue table placed a platform ticket in a team's queue: payload team, rule, ruleVersion, reason. Platform staff and platform integrations only." },
    TICKET_ASSIGNED: { description: 'An agent was assigned (assignTicket) or took the ticket (takeNextTicket): payload team, assigneeId, previousAssigneeId, how (ASSIGNED, TAKEN). Platform staff and platform integrations only.' },
    TICKET_UNASSIGNED: { description: 'The ticket went back to its queue without an assignee: payload team, previousAssigneeId. Platform staff and platform integrations only.' },
    CALLBACK_SCHEDULED: { description: "A phone callback was scheduled (requested, or rescheduled after no answer): payload callbackId, callbackAt, team, attempt, phoneNumber (masked: last 4 digits). For the notifier's SMS; the customer sees it too, sellers and carriers never." },
    CALLBACK_DUE_SOON: { description: "A scheduled callback's slot starts in 15 minutes (fired once per slot by the timer sweep): payload callbackId, callbackAt, team, attempt." },
    CALLBACK_RECORDED: { description: 'An agent recorded the outcome of a callback: payload callbackId, outcome (REACHED, NO_ANSWER), attempt, and for NO_ANSWER what follows (rescheduledAt, or askedToWrite).' },
    CALLBACK_CANCELLED: { description: 'A scheduled callback was cancelled because its ticket was closed or handed off away from the platform: payload callbackId, callbackAt, team, attempt, reason (TICKET_CLOSED, OWNER_CHANGED).' },
  },
});
registerEnumType(PrincipalRole, { name: 'PrincipalRole' });
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });
registerEnumType(AdminEntityType, {
  name: 'AdminEntityType',
  description: 'Reference data an admin changes through the API.',
  valuesConfig: {
    ROUTING_RULE: { description: 'A row of the ownership routing table.' },
    SLA_POLICY: { description: 'An SLA policy (targets, calendar, conditions).' },
    BUSINESS_CALENDAR: { description: 'A business calendar (open hours, holidays, closures).' },
  },
});
registerEnumType(AdminAction, {
  name: 'AdminAction',
  description: 'What an admin change did.',
  valuesConfig: {
    CREATE: { description: 'A new entry, version 1 (or the next version of a retired id).' },
    UPDATE: { description: 'A new version of an active entry.' },
    REORDER: { description: 'A new version with another position only.' },
    RETIRE: { description: 'The entry is no longer active; its versions stay readable.' },
  },
});
