import { EntityManager } from 'typeorm';
import { CustomerTier, TicketEventType } from '../domain/enums';
import { Message, Ticket } from '../entities';
import { Actor } from './actor';
import { NewTicketEvent } from './ticket-events';
import { messagePostedPayload } from './ticket-messages';
import { OpenedTicketColumns, ticketOpenedEvents } from './ticket-opening';

// A customer's message to a finished ticket opens a follow-up (postMessage): the same customer, order, parties,
// category, channel, language, priority and owner as the original, written by the one writer of new tickets
// (storeOpenedTicket) like a new contact, so that it gets clocks, deadlines, a queue and events the same way.

export const FOLLOW_UP_RULE_ID = 'follow-up';

/** The follow-up's new ids and the customer's tier (its SLA targets), drawn in one statement. */
export interface FollowUpIds {
  ticketId: string;
  ticketNumber: string;
  messageId: string;
  customerTier: CustomerTier;
}

export async function drawFollowUpIds(manager: EntityManager, customerId: string): Promise<FollowUpIds> {
  const [row]: Array<{ ticket_id: string; ticket_number: string; message_id: string; customer_tier: CustomerTier }> = await manager.query(
    `SELECT nextval(pg_get_serial_sequence('tickets', 'id'))::text AS ticket_id, next_ticket_number() AS ticket_number,
       nextval(pg_get_serial_sequence('messages', 'id'))::text AS message_id, c.tier AS customer_tier
     FROM customers c WHERE c.id = $1`,
    [customerId],
  );
  return { ticketId: row.ticket_id, ticketNumber: String(row.ticket_number), messageId: row.message_id, customerTier: row.customer_tier };
}

/**
 * The follow-up's columns. Neither its reason nor its events name the earlier ticket: they reach every reader of
 * the follow-up (its timeline, subscriptions, the event feed, webhooks), and a reader of the follow-up may not see
 * the earlier ticket (a carrier given the follow-up later never owned it). `Ticket.followUpOf` names it, through
 * the reader's scope (null for those who may not see it).
 */
export function followUpColumns(original: Ticket, ids: FollowUpIds, createdBy: string, now: Date): OpenedTicketColumns {
  return {
    id: ids.ticketId,
    number: ids.ticketNumber,
    subject: original.subject,
    category: original.category,
    classificationConfidence: original.classificationConfidence,
    channel: original.channel,
    language: original.language,
    priority: original.priority,
    ownerParty: original.ownerParty,
    customerId: original.customerId,
    orderId: original.orderId,
    shipmentId: original.shipmentId,
    sellerId: original.sellerId,
    carrierId: original.carrierId,
    involvedCarrierIds: original.involvedCarrierIds,
    followUpOfTicketId: original.id,
    isEscalated: original.isEscalated,
    escalatedAt: original.escalatedAt,
    routingRuleId: FOLLOW_UP_RULE_ID,
    routingRuleVersion: 1,
    routingReason: `Follow-up of a closed ticket of the same customer: it stays with that ticket's owner (${original.ownerParty})`,
    classifierModelVersion: original.classifierModelVersion,
    details: original.details,
    missingDetails: [],
    createdBy,
    // The ticket carries no idempotency key: the message does (a retry finds the follow-up through it).
    idempotencyKey: null,
    idempotencyInputDigest: null,
    openedAt: now,
  };
}

/** TICKET_OPENED, TICKET_ROUTED (by the follow-up rule, as SYSTEM) and the message's MESSAGE_POSTED. */
export function followUpEvents(actor: Actor, followUp: OpenedTicketColumns, message: Message): NewTicketEvent[] {
  return [
    ...ticketOpenedEvents(actor, followUp, { opened: { isFollowUp: true } }),
    {
      ticketId: followUp.id,
      actor,
      createdAt: followUp.openedAt,
      type: TicketEventType.MESSAGE_POSTED,
      payload: messagePostedPayload(message),
    },
  ];
}
