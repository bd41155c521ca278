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
     FROM unnest(${list(placements.map((placement) => placement.ticketId), 'bigint')}, ${list(placements.map((placement) => placement.decision.teamId), 'text')},
       ${list(placements.map((placement) => placement.decision.ruleId), 'text')}, ${list(placements.map((placement) => placement.decision.ruleVersion), 'int')},
       ${list(placements.map((placement) => placement.decision.reason), 'text')}) AS p(ticket_id, team_id, rule_id, rule_version, reason)
     JOIN tickets t ON t.id = p.ticket_id
     LEFT JOIN ticket_deadlines d ON d.ticket_id = t.id
     ON CONFLICT (ticket_id) DO UPDATE SET team_id = EXCLUDED.team_id, queue_rule_id = EXCLUDED.queue_rule_id, queue_rule_version = EXCLUDED.queue_rule_version,
       queue_reason = EXCLUDED.queue_reason, queued_at = EXCLUDED.queued_at, language = EXCLUDED.language, priority_rank = EXCLUDED.priority_rank,
       next_sla_due_at = EXCLUDED.next_sla_due_at, is_waiting = EXCLUDED.is_waiting`,
    parameters.values,
  );
}

/** A ticket's place in the platform's queues, as Ticket.queue shows it. */
export interface QueueEntryRecord {
  ticketId: string;
  team: { id: string; name: string; languages: Language[]; calendarId: string; callbackSlotMinutes: number; callbackSlotCapacity: number };
  ruleId: string;
  ruleVersion: number;
  reason: string;
  queuedAt: Date;
  /** Whether the ticket waits for the platform now (owned by it, neither SOLVED nor CLOSED). */
  isWaiting: boolean;
  assignee: { id: string; name: string; languages: Language[]; teamIds: string[] } | null;
  assignedAt: Date | null;
}

interface QueueEntryRow {
  ticket_id: string;
  team_id: string;
  team_name: string;
  team_languages: Language[];
  calendar_id: string;
  callback_slot_minutes: number;
  callback_slot_capacity: number;
  queue_rule_id: string;
  queue_rule_version: number;
  queue_reason: string;
  queued_at: Date;
  is_waiting: boolean;
  assignee_agent_id: string | null;
  assignee_name: string | null;
  assignee_languages: Language[] | null;
  assignee_team_ids: string[] | null;
  assigned_at: Date | null;
}

/** The queue entries of these tickets with their team and assignee, in one statement. */
export async function readQueueEntries(manager: EntityManager | { query: EntityManager['query'] }, ticketIds: readonly string[]): Promise<Map<string, QueueEntryRecord>> {
  const rows: QueueEntryRow[] = await manager.query(
    `SELECT e.ticket_id, e.team_id, team.name AS team_name, team.languages AS team_languages, team.calendar_id, team.callback_slot_minutes, team.callback_slot_capacity,
       e.queue_rule_id, e.queue_rule_version, e.queue_reason, e.queued_at, e.is_waiting, e.assignee_agent_id, e.assigned_at,
       a.name AS assignee_name, a.languages AS assignee_languages,
       (SELECT array_agg(m.team_id ORDER BY m.team_id) FROM agent_teams m WHERE m.agent_id = a.id) AS assignee_team_ids
     FROM ticket_queue_entries e JOIN teams team ON team.id = e.team_id LEFT JOIN agents a ON a.id = e.assignee_agent_id
     WHERE e.ticket_id = ANY($1::bigint[])`,
    [ticketIds],
  );
  return new Map(
    rows.map((row) => [
      String(row.ticket_id),
      {
        ticketId: String(row.ticket_id),
        team: { id: row.team_id, name: row.team_name, languages: row.team_languages, calendarId: row.calendar_id, callbackSlotMinutes: row.callback_slot_minutes, callbackSlotCapacity: row.callback_slot_capacity },
        ruleId: row.queue_rule_id,
        ruleVersion: row.queue_rule_version,
        reason: row.queue_reason,
        queuedAt: row.queued_at,
        isWaiting: row.is_waiting,
        assignee:
          row.assignee_agent_id === null
            ? null
            : { id: row.assignee_agent_id, name: row.assignee_name ?? '', languages: row.assignee_languages ?? [], teamIds: row.assignee_team_ids ?? [] },
        assignedAt: row.assigned_at,
      },
    ]),
  );
}
