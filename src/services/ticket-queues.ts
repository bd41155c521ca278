import { EntityManager } from 'typeorm';
import { SqlParameters } from '../db/sql-parameters';
import { Language, OwnerParty, TicketCategory, TicketChannel, TicketEventType, TicketPriority } from '../domain/enums';
import { chooseQueue, QueueDecision, QueueFacts } from '../rules/queue.rule';
import { Actor, SYSTEM_ACTOR } from './actor';
import { queueRules } from './platform-teams';
import { NewTicketEvent } from './ticket-events';

// Where a platform ticket waits (issue #17, point 1): the queue table decides its team when it reaches the
// platform — at intake, by an owner change back to the platform or an escalation, by a reclassification — and one
// row of ticket_queue_entries records the decision. The assignee on that row is never touched here: it follows
// the ticket through owner changes.

/** The escalation kinds of src/services/ticket-ownership.service.ts (EscalationKind), as stored in routing_rule_id. */
const ESCALATION_KINDS: ReadonlySet<string> = new Set(['customer-claim', 'hand-up', 'agent-escalation', 'seller-silent', 'carrier-stuck']);

/** What the queue table reads of a ticket. */
export interface QueuedTicketFacts {
  id: string;
  category: TicketCategory;
  language: Language;
  channel: TicketChannel;
  priority: TicketPriority;
  ownerParty: OwnerParty;
  routingRuleId: string;
  isEscalated: boolean;
}

export interface QueuePlacement {
  ticketId: string;
  decision: QueueDecision;
}

export function queueFactsOf(ticket: QueuedTicketFacts): QueueFacts {
  return {
    category: ticket.category,
    language: ticket.language,
    channel: ticket.channel,
    priority: ticket.priority,
    routingRuleId: ticket.routingRuleId,
    escalationKind: ticket.isEscalated && ESCALATION_KINDS.has(ticket.routingRuleId) ? ticket.routingRuleId : null,
  };
}

/** The queue of every ticket of `tickets` that the platform owns (the others keep their entry as it is). */
export async function planQueuePlacements(manager: EntityManager, tickets: readonly QueuedTicketFacts[]): Promise<QueuePlacement[]> {
  const platformTickets = tickets.filter((ticket) => ticket.ownerParty === OwnerParty.PLATFORM);
  if (platformTickets.length === 0) return [];
  const rules = await queueRules.load(manager);
  return platformTickets.map((ticket) => ({ ticketId: ticket.id, decision: chooseQueue(rules, queueFactsOf(ticket)) }));
}

export function ticketQueuedEvent(placement: QueuePlacement, now: Date, actor: Actor = SYSTEM_ACTOR): NewTicketEvent {
  const { decision } = placement;
  return {
    ticketId: placement.ticketId,
    type: TicketEventType.TICKET_QUEUED,
    actor,
    createdAt: now,
    payload: { team: decision.teamId, rule: decision.ruleId, ruleVersion: decision.ruleVersion, reason: decision.reason },
  };
}

/**
 * Stores placements of tickets already written (their language, priority, owner and status as they stand, their
 * next SLA due time from ticket_deadlines) in one statement; an existing entry keeps its assignee.
 */
export async function storeQueuePlacements(manager: EntityManager, placements: readonly QueuePlacement[], now: Date): Promise<void> {
  if (placements.length === 0) return;
  const parameters = new SqlParameters();
  const list = (values: unknown[], type: string) => `${parameters.add(values)}::${type}[]`;
  await manager.query(
    `INSERT INTO ticket_queue_entries (ticket_id, team_id, queue_rule_id, queue_rule_version, queue_reason, queued_at, language, priority_rank, next_sla_due_at, is_waiting)
     SELECT t.id, p.team_id, p.rule_id, p.rule_version, p.reason, ${parameters.add(now)}::timestamptz, t.language, ticket_priority_rank(t.priority), d.next_sla_due_at,
       t.owner_party = 'PLATFORM' AND t.status NOT IN ('SOLVED','CLOSED')
     FROM unnest(${list(
       placements.map((placement) => placement.ticketId),
       'bigint',
     )}, ${list(
       placements.map((placement) => placement.decision.teamId),
       'text',
     )},
       ${list(
         placements.map((placement) => placement.decision.ruleId),
         'text',
       )}, ${list(
         placements.map((placement) => placement.decision.ruleVersion),
         'int',
       )},
       ${list(
         placements.map((placement) => placement.decision.reason),
         'text',
       )}) AS p(ticket_id, team_id, rule_id, rule_version, reason)
     JOIN tickets t ON t.id = p.ticket_id
     LEFT JOIN ticket_deadlines d ON d.ticket_id = t.id
     ON CONFLICT (ticket_id) DO UPDATE SET team_id = EXCLUDED.team_id, queue_rule_id = EXCLUDED.queue_rule_id, queue_rule_version = EXCLUDED.queue_rule_version,
       queue_reason = EXCLUDED.queue_reason, queued_at = EXCLUDED.queued_at, language = EXCLUDED.language, priority_rank = EXCLUDED.priority_rank,
       next_sla_due_at = EXCLUDED.next_sla_due_at, is_waiting = EXCLUDED.is_waiting`,
    parameters.values,
  );
}
