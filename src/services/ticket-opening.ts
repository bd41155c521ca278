import { EntityManager } from 'typeorm';
import { hydrateJson, jsonObjectSql } from '../db/json-rows';
import { preparedStatements } from '../db/prepared-statements';
import { SqlParameters } from '../db/sql-parameters';
import { Ticket } from '../entities';
import { SlaClock } from '../rules/sla-clock-model.rule';
import { TicketDeadlines } from '../rules/ticket-sla-plan.rule';
import { QueueDecision } from '../rules/queue.rule';
import { clockOwnerIdSql, STARTED_CLOCK_COLUMNS, startedClockArraysSql } from '../loaders/sla-clock-rows';
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
  routingFacts: IntakeRoutingFacts;
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

/**
 * Writes a new ticket and everything that comes with it — messages, SLA clocks, deadlines, the facts routing
 * decided on, events with their
 * webhook deliveries and NOTIFY — in ONE statement: atomic without a transaction around it, and one round trip.
 * Every part is conditional on the ticket row: when the idempotency key is taken, nothing is written and null
 * is returned (the caller answers with the ticket that holds the key).
 */
export async function storeOpenedTicket(manager: EntityManager, opened: OpenedTicket): Promise<Ticket | null> {
  const { ticket, messages, clocks, events } = opened;
  // An array of zero or one: the statement's text is the same with and without a queue (it is prepared).
  const queued = opened.queue === null ? [] : [opened.queue];
  const parameters = new SqlParameters();
  const value = (column: unknown) => parameters.add(column);
  const list = (values: unknown[], type: string) => `${parameters.add(values)}::${type}[]`;
  const rows: Array<{ ticket__: Record<string, unknown> | null }> = await preparedStatements.query(
    manager,
    `WITH opened AS (
       INSERT INTO tickets (id, number, subject, category, classification_confidence, channel, language, priority, status, owner_party,
         customer_id, order_id, shipment_id, seller_id, carrier_id, involved_carrier_ids, routing_rule_id, routing_rule_version, routing_reason,
         classifier_model_version, routed_at, details, missing_details, created_by, idempotency_key, idempotency_input_digest, last_customer_message_at, created_at, updated_at)
       OVERRIDING SYSTEM VALUE
       VALUES (${value(ticket.id)}, ${value(ticket.number)}, ${value(ticket.subject)}, ${value(ticket.category)}, ${value(ticket.classificationConfidence)},
         ${value(ticket.channel)}, ${value(ticket.language)}, ${value(ticket.priority)}, 'NEW', ${value(ticket.ownerParty)}, ${value(ticket.customerId)},
         ${value(ticket.orderId)}, ${value(ticket.shipmentId)}, ${value(ticket.sellerId)}, ${value(ticket.carrierId)},
         ${list(ticket.ownerParty === 'CARRIER' && ticket.carrierId !== null ? [ticket.carrierId] : [], 'bigint')},
         ${value(ticket.routingRuleId)}, ${value(ticket.routingRuleVersion)}, ${value(ticket.routingReason)}, ${value(ticket.classifierModelVersion)}, ${value(ticket.openedAt)},
         ${value(JSON.stringify(ticket.details))}, ${list(ticket.missingDetails, 'text')}, ${value(ticket.createdBy)}, ${value(ticket.idempotencyKey)}, ${value(ticket.idempotencyInputDigest)},
         ${value(ticket.openedAt)}, ${value(ticket.openedAt)}, ${value(ticket.openedAt)})
       ON CONFLICT (created_by, idempotency_key) DO NOTHING
       RETURNING id, seller_id, carrier_id, ${jsonObjectSql(manager.connection, Ticket, 'tickets')} AS ticket__
     ), opened_messages AS (
       INSERT INTO messages (id, ${MESSAGE_COLUMNS})
       OVERRIDING SYSTEM VALUE
       SELECT m.* FROM opened, unnest(${list(messages.map((message) => message.id), 'bigint')}, ${messageColumnArrays(messages).map((column) => list(column.values, column.type)).join(', ')})
         AS m(id, ${MESSAGE_COLUMNS})
     ), opened_clocks AS (
       INSERT INTO sla_clocks (ticket_id, owner_id, ${STARTED_CLOCK_COLUMNS})
       SELECT opened.id, ${clockOwnerIdSql('k.owner_party', 'opened')}, k.* FROM opened, unnest(${startedClockArraysSql(clocks, parameters)}) AS k(${STARTED_CLOCK_COLUMNS})
     ), opened_routing_facts AS (
       INSERT INTO ticket_routing_facts (ticket_id, category, classification_confidence, category_is_guess, customer_tier, order_facts, owner_party, routing_rule_id, routing_rule_version, routed_at)
       SELECT opened.id, ${value(ticket.category)}, ${value(ticket.classificationConfidence)}::float8, ${value(opened.routingFacts.categoryIsGuess)}::boolean, ${value(opened.routingFacts.customerTier)},
         ${value(opened.routingFacts.orderFacts === null ? null : JSON.stringify(opened.routingFacts.orderFacts))}::jsonb, ${value(ticket.ownerParty)},
         ${value(ticket.routingRuleId)}, ${value(ticket.routingRuleVersion)}::int, ${value(ticket.openedAt)}::timestamptz
       FROM opened
     ), opened_deadlines AS (
       INSERT INTO ticket_deadlines (ticket_id, next_sla_due_at, escalation_due_at)
       SELECT opened.id, ${value(opened.deadlines.nextSlaDueAt)}::timestamptz, ${value(opened.deadlines.escalationDueAt)}::timestamptz FROM opened
     ), opened_queue AS (
       INSERT INTO ticket_queue_entries (ticket_id, team_id, queue_rule_id, queue_rule_version, queue_reason, queued_at, language, priority_rank, next_sla_due_at, is_waiting)
       SELECT opened.id, q.team_id, q.rule_id, q.rule_version, q.reason, ${value(ticket.openedAt)}::timestamptz, ${value(ticket.language)}, ${value(opened.priorityRank)}::smallint,
         ${value(opened.deadlines.nextSlaDueAt)}::timestamptz, true
       FROM opened, unnest(${list(queued.map((decision) => decision.teamId), 'text')}, ${list(queued.map((decision) => decision.ruleId), 'text')},
         ${list(queued.map((decision) => decision.ruleVersion), 'int')}, ${list(queued.map((decision) => decision.reason), 'text')}) AS q(team_id, rule_id, rule_version, reason)
     ), ${eventAppendCtes(events, parameters, { tickets: 'opened', when: 'EXISTS (SELECT 1 FROM opened)' })}
     SELECT (SELECT ticket__ FROM opened) AS ticket__, ${EVENT_APPEND_EFFECTS}`,
    parameters.values,
  );
  const stored = rows[0]?.ticket__;
  return stored ? hydrateJson(manager.connection, Ticket, [stored])[0] : null;
}
