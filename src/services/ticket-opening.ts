import { EntityManager } from 'typeorm';
import { hydrateJson, jsonObjectSql } from '../db/json-rows';
import { preparedStatements } from '../db/prepared-statements';
import { SqlParameters } from '../db/sql-parameters';
import { Ticket } from '../entities';
import { SlaClock } from '../rules/sla-clock-model.rule';
import { TicketDeadlines } from '../rules/ticket-sla-plan.rule';
import { QueueDecision } from '../rules/queue.rule';
import { clockOwnerIdSql, STARTED_CLOCK_COLUMNS, startedClockArraysSql } from '../loaders/sla-clock-rows';
import { TicketEventType } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Actor, SYSTEM_ACTOR } from './actor';
import { signalEventsAtCommit } from './committed-event-signal';
import { EVENT_APPEND_EFFECTS, eventAppendCtes, NewTicketEvent } from './ticket-events';
import { MESSAGE_COLUMNS, messageColumnArrays, NewMessage } from './ticket-messages';

/** The columns of a new ticket that intake decides; the others take their defaults. */
export interface OpenedTicketColumns {
  id: string;
  number: string;
  subject: string;
  category: string;
  classificationConfidence: number;
  channel: string;
  language: string;
  priority: string;
  ownerParty: string;
  customerId: string;
  orderId: string | null;
  shipmentId: string | null;
  sellerId: string | null;
  carrierId: string | null;
  /** The carriers that see the ticket (scope): the owning carrier at intake; a follow-up keeps its original's. */
  involvedCarrierIds: string[];
  /** The finished ticket a follow-up continues; null for a new contact. */
  followUpOfTicketId: string | null;
  /** A follow-up stays escalated (and keeps since when) as its original was; a new contact is not. */
  isEscalated: boolean;
  escalatedAt: Date | null;
  routingRuleId: string;
  routingRuleVersion: number;
  routingReason: string;
  classifierModelVersion: string | null;
  /** Structured facts the customer gave (TicketDetails), stored as jsonb. */
  details: object;
  missingDetails: string[];
  createdBy: string;
  idempotencyKey: string | null;
  /** sha256 of the whole input under the key (src/rules/idempotency.rule.ts); null without a key. */
  idempotencyInputDigest: string | null;
  openedAt: Date;
}

/** What routing decided on at intake, kept for simulateRoutingTable (ticket_routing_facts). */
export interface IntakeRoutingFacts {
  customerTier: string;
  /** The category did not settle the owner (a guess, or a classified OTHER): routed to triage. */
  categoryIsGuess: boolean;
  /** OrderFacts, or null without an order. */
  orderFacts: object | null;
}

export interface OpenedTicket {
  ticket: OpenedTicketColumns;
  /** Null for a follow-up: the follow-up rule routed it, not the table (simulateRoutingTable replays the table's). */
  routingFacts: IntakeRoutingFacts | null;
  /** With the ids drawn for them (loadIntakeContext). */
  messages: Array<NewMessage & { id: string }>;
  clocks: SlaClock[];
  deadlines: TicketDeadlines;
  /** The team queue of a ticket the platform owns (src/services/ticket-queues.ts); null for a seller's or carrier's. */
  queue: QueueDecision | null;
  /** The ticket's priority as ranked in queues (priorityRank). */
  priorityRank: number;
  events: NewTicketEvent[];
}

/** What storeOpenedTicket wrote: the ticket, and how many of its messages (one whose idempotency key its author already used elsewhere is not). */
export interface StoredOpening {
  ticket: Ticket;
  messagesStored: number;
}

/**
 * The array parameters the opening's unnests read, comma-separated per unnest. Arrays of zero or one for the queue
 * entry and the routing facts: the statement's text is the same with and without them (it is prepared).
 */
function openingArrays(opened: OpenedTicket, list: (values: unknown[], type: string) => string) {
  const arrays = (columns: Array<[values: unknown[], type: string]>) => columns.map(([values, type]) => list(values, type)).join(', ');
  const queued = opened.queue === null ? [] : [opened.queue];
  const routingFacts = opened.routingFacts === null ? [] : [opened.routingFacts];
  return {
    messageArrays: arrays([
      [opened.messages.map((message) => message.id), 'bigint'],
      ...messageColumnArrays(opened.messages).map((column): [unknown[], string] => [column.values, column.type]),
    ]),
    routingFactArrays: arrays([
      [routingFacts.map((facts) => facts.categoryIsGuess), 'boolean'],
      [routingFacts.map((facts) => facts.customerTier), 'text'],
      [routingFacts.map((facts) => (facts.orderFacts === null ? null : JSON.stringify(facts.orderFacts))), 'jsonb'],
    ]),
    queueArrays: arrays([
      [queued.map((decision) => decision.teamId), 'text'],
      [queued.map((decision) => decision.ruleId), 'text'],
      [queued.map((decision) => decision.ruleVersion), 'int'],
      [queued.map((decision) => decision.reason), 'text'],
    ]),
  };
}

/**
 * The one writer of new tickets — a new contact (openTicket) and a follow-up of a finished one (postMessage) —
 * with everything that comes with it: messages, SLA clocks, deadlines, the facts routing decided on, the queue
 * entry, events with their webhook deliveries — in ONE statement (the NOTIFY follows its commit): atomic without a transaction around
 * it, and one round trip. Every part is conditional on the ticket row: when the ticket's idempotency key is taken,
 * nothing is written and null is returned (the caller answers with the ticket that holds the key).
 */
export async function storeOpenedTicket(manager: EntityManager, opened: OpenedTicket): Promise<StoredOpening | null> {
  const { ticket, clocks, events } = opened;
  const parameters = new SqlParameters();
  const value = (column: unknown) => parameters.add(column);
  const list = (values: unknown[], type: string) => `${parameters.add(values)}::${type}[]`;
  const { messageArrays, routingFactArrays, queueArrays } = openingArrays(opened, list);
  const rows: Array<{ ticket__: Record<string, unknown> | null; messages_stored: number }> = await preparedStatements.query(
    manager,
    `WITH opened AS (
       INSERT INTO tickets (id, number, subject, category, classification_confidence, channel, language, priority, status, owner_party,
         customer_id, order_id, shipment_id, seller_id, carrier_id, involved_carrier_ids, follow_up_of_ticket_id, is_escalated, escalated_at, routing_rule_id, routing_rule_version, routing_reason,
         classifier_model_version, routed_at, details, missing_details, created_by, idempotency_key, idempotency_input_digest, last_customer_message_at, created_at, updated_at)
       OVERRIDING SYSTEM VALUE
       VALUES (${value(ticket.id)}, ${value(ticket.number)}, ${value(ticket.subject)}, ${value(ticket.category)}, ${value(ticket.classificationConfidence)},
         ${value(ticket.channel)}, ${value(ticket.language)}, ${value(ticket.priority)}, 'NEW', ${value(ticket.ownerParty)}, ${value(ticket.customerId)},
         ${value(ticket.orderId)}, ${value(ticket.shipmentId)}, ${value(ticket.sellerId)}, ${value(ticket.carrierId)},
         ${list(ticket.involvedCarrierIds, 'bigint')}, ${value(ticket.followUpOfTicketId)}::bigint, ${value(ticket.isEscalated)}::boolean, ${value(ticket.escalatedAt)}::timestamptz,
         ${value(ticket.routingRuleId)}, ${value(ticket.routingRuleVersion)}, ${value(ticket.routingReason)}, ${value(ticket.classifierModelVersion)}, ${value(ticket.openedAt)},
         ${value(JSON.stringify(ticket.details))}, ${list(ticket.missingDetails, 'text')}, ${value(ticket.createdBy)}, ${value(ticket.idempotencyKey)}, ${value(ticket.idempotencyInputDigest)},
         ${value(ticket.openedAt)}, ${value(ticket.openedAt)}, ${value(ticket.openedAt)})
       ON CONFLICT (created_by, idempotency_key) DO NOTHING
       RETURNING id, seller_id, carrier_id, ${jsonObjectSql(manager.connection, Ticket, 'tickets')} AS ticket__
     ), opened_messages AS (
       INSERT INTO messages (id, ${MESSAGE_COLUMNS})
       OVERRIDING SYSTEM VALUE
       SELECT m.* FROM opened, unnest(${messageArrays}) AS m(id, ${MESSAGE_COLUMNS})
       ON CONFLICT (created_by, idempotency_key) DO NOTHING
       RETURNING id
     ), opened_clocks AS (
       INSERT INTO sla_clocks (ticket_id, owner_id, ${STARTED_CLOCK_COLUMNS})
       SELECT opened.id, ${clockOwnerIdSql('k.owner_party', 'opened')}, k.* FROM opened, unnest(${startedClockArraysSql(clocks, parameters)}) AS k(${STARTED_CLOCK_COLUMNS})
     ), opened_routing_facts AS (
       INSERT INTO ticket_routing_facts (ticket_id, category, classification_confidence, category_is_guess, customer_tier, order_facts, owner_party, routing_rule_id, routing_rule_version, routed_at)
       SELECT opened.id, ${value(ticket.category)}, ${value(ticket.classificationConfidence)}::float8, f.category_is_guess, f.customer_tier, f.order_facts, ${value(ticket.ownerParty)},
         ${value(ticket.routingRuleId)}, ${value(ticket.routingRuleVersion)}::int, ${value(ticket.openedAt)}::timestamptz
       FROM opened, unnest(${routingFactArrays}) AS f(category_is_guess, customer_tier, order_facts)
     ), opened_deadlines AS (
       INSERT INTO ticket_deadlines (ticket_id, next_sla_due_at, escalation_due_at)
       SELECT opened.id, ${value(opened.deadlines.nextSlaDueAt)}::timestamptz, ${value(opened.deadlines.escalationDueAt)}::timestamptz FROM opened
     ), opened_queue AS (
       INSERT INTO ticket_queue_entries (ticket_id, team_id, queue_rule_id, queue_rule_version, queue_reason, queued_at, language, priority_rank, next_sla_due_at, is_waiting)
       SELECT opened.id, q.team_id, q.rule_id, q.rule_version, q.reason, ${value(ticket.openedAt)}::timestamptz, ${value(ticket.language)}, ${value(opened.priorityRank)}::smallint,
         ${value(opened.deadlines.nextSlaDueAt)}::timestamptz, true
       FROM opened, unnest(${queueArrays}) AS q(team_id, rule_id, rule_version, reason)
     ), ${eventAppendCtes(events, parameters, { tickets: 'opened', when: 'EXISTS (SELECT 1 FROM opened)' })}
     SELECT (SELECT ticket__ FROM opened) AS ticket__, (SELECT count(*)::int FROM opened_messages) AS messages_stored, ${EVENT_APPEND_EFFECTS}`,
    parameters.values,
  );
  const stored = rows[0]?.ticket__;
  if (stored) signalEventsAtCommit(manager);
  return stored ? { ticket: hydrateJson(manager.connection, Ticket, [stored])[0], messagesStored: rows[0].messages_stored } : null;
}

/**
 * TICKET_OPENED (by `actor`) and TICKET_ROUTED (by SYSTEM) of a new ticket, from the columns it is written with;
 * `extra` adds what only one kind of opening says (a follow-up's `isFollowUp`, the classifier's model version).
 */
export function ticketOpenedEvents(
  actor: Actor,
  ticket: OpenedTicketColumns,
  extra: { opened?: object; routed?: object } = {},
): NewTicketEvent[] {
  const opened = { ticketId: ticket.id, createdAt: ticket.openedAt };
  return [
    {
      ...opened,
      type: TicketEventType.TICKET_OPENED,
      actor,
      payload: {
        number: ticket.number,
        channel: ticket.channel,
        category: ticket.category,
        classificationConfidence: ticket.classificationConfidence,
        language: ticket.language,
        priority: ticket.priority,
        missingDetails: ticket.missingDetails,
        customerId: toGlobalId('Customer', ticket.customerId),
        orderId: ticket.orderId ? toGlobalId('Order', ticket.orderId) : null,
        ...extra.opened,
      },
    },
    {
      ...opened,
      type: TicketEventType.TICKET_ROUTED,
      actor: SYSTEM_ACTOR,
      payload: {
        owner: ticket.ownerParty,
        rule: ticket.routingRuleId,
        ruleVersion: ticket.routingRuleVersion,
        reason: ticket.routingReason,
        ...extra.routed,
        sellerId: ticket.sellerId ? toGlobalId('Seller', ticket.sellerId) : null,
        carrierId: ticket.carrierId ? toGlobalId('Carrier', ticket.carrierId) : null,
      },
    },
  ];
}
