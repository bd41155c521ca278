import { isPlatformStaff, Principal, seesEverything } from '../auth/principal';
import { SqlParameters } from '../db/sql-parameters';
import { PrincipalRole } from '../domain/enums';
import { BadUserInputError } from '../domain/errors';
import { NodeTypeName } from '../domain/global-id';
import { characterCount } from '../rules/text-input.rule';
import { decodeIdArgument } from './id-arguments';
import { agentSubjectOf } from './platform-teams';
import { TicketFilterParams, SlaFilterParams } from './params/ticket-filter.params';

// The SQL conditions of a `tickets(filter:)` list, over the tickets aliased `t`: every given condition must hold
// (AND), a list matches any of its values (OR). Each condition's values are bound parameters, never text.

const MAXIMUM_DUE_WITHIN_MINUTES = 525_600; // a year

/** Every condition of `filter` for `principal`, at `now` (SLA due times). */
export function ticketFilterConditions(principal: Principal, now: Date, filter: TicketFilterParams, parameters: SqlParameters): string[] {
  return [
    ...valueConditions(filter, parameters),
    ...textConditions(principal, filter.text, parameters),
    ...queueConditions(principal, filter, parameters),
    ...slaConditions(now, filter.sla, parameters),
  ];
}

function valueConditions(filter: TicketFilterParams, parameters: SqlParameters): string[] {
  const conditions: string[] = [];
  const anyOf = (column: string, values: string[] | undefined) => {
    if (values && values.length > 0) conditions.push(`t.${column} = ANY(${parameters.add(values)}::text[])`);
  };
  anyOf('status', filter.status);
  anyOf('owner_party', filter.ownerParty);
  anyOf('category', filter.category);
  anyOf('priority', filter.priority);
  const idOf = (column: string, id: string | undefined | null, typeName: NodeTypeName, field: string) => {
    if (id) conditions.push(`t.${column} = ${parameters.add(decodeIdArgument(id, typeName, field))}`);
  };
  idOf('seller_id', filter.sellerId, 'Seller', 'filter.sellerId');
  idOf('carrier_id', filter.carrierId, 'Carrier', 'filter.carrierId');
  idOf('customer_id', filter.customerId, 'Customer', 'filter.customerId');
  idOf('order_id', filter.orderId, 'Order', 'filter.orderId');
  if (filter.createdAfter) conditions.push(`t.created_at >= ${parameters.add(filter.createdAfter)}`);
  if (filter.createdBefore) conditions.push(`t.created_at < ${parameters.add(filter.createdBefore)}`);
  return conditions;
}

/** `%` and `_` in a customer's search text are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function textConditions(principal: Principal, rawText: string | undefined | null, parameters: SqlParameters): string[] {
  if (rawText === undefined || rawText === null) return [];
  const text = rawText.trim();
  if (characterCount(text) < 2 || characterCount(text) > 200)
    throw new BadUserInputError('filter.text must be 2 to 200 characters long', 'filter.text');
  const pattern = parameters.add(likePattern(text));
  const visibility = isPlatformStaff(principal) ? '' : ` AND m.visibility = 'PUBLIC'`;
  // The matching ids first, each side through its trigram index, so that a rare word costs two index scans,
  // not a walk over every ticket in list order testing each one.
  return [
    `t.id IN (SELECT m.ticket_id FROM messages m WHERE m.body ILIKE ${pattern}${visibility} UNION SELECT s.id FROM tickets s WHERE s.subject ILIKE ${pattern})`,
  ];
}

/** The platform's work: assignee and queue filters, through ticket_queue_entries (its ids first, like text search). */
function queueConditions(principal: Principal, filter: TicketFilterParams, parameters: SqlParameters): string[] {
  const { assigneeId, assignedToMe, queue, unassigned } = filter;
  const asked = (assigneeId ?? null) !== null || assignedToMe === true || (queue ?? null) !== null || (unassigned ?? null) !== null;
  if (!asked) return [];
  // Queues and assignees do not exist for the other principals: nothing of theirs is found by them.
  if (!seesEverything(principal)) return ['false'];
  // Only an agent has tickets of its own.
  if (assignedToMe === true && principal.role !== PrincipalRole.AGENT) return ['false'];
  const entries = queueEntryConditions(principal, filter, parameters);
  return entries.length === 0 ? [] : [`t.id IN (SELECT qe.ticket_id FROM ticket_queue_entries qe WHERE ${entries.join(' AND ')})`];
}

/** The conditions on a ticket's queue entry `qe`, for a principal that sees the platform's queues. */
function queueEntryConditions(principal: Principal, filter: TicketFilterParams, parameters: SqlParameters): string[] {
  const { assigneeId, assignedToMe, queue, unassigned } = filter;
  const entries: string[] = [];
  if (assigneeId !== undefined && assigneeId !== null) entries.push(`qe.assignee_agent_id = ${parameters.add(agentSubjectOf(assigneeId))}`);
  if (assignedToMe === true && principal.role === PrincipalRole.AGENT)
    entries.push(`qe.assignee_agent_id = ${parameters.add(principal.agentId)}`);
  if (queue !== undefined && queue !== null) entries.push(`qe.is_waiting AND qe.team_id = ANY(${parameters.add(queue)}::text[])`);
  if (unassigned === true) entries.push(`qe.is_waiting AND qe.assignee_agent_id IS NULL`);
  if (unassigned === false) entries.push(`qe.assignee_agent_id IS NOT NULL`);
  return entries;
}

function slaConditions(now: Date, sla: SlaFilterParams | undefined | null, parameters: SqlParameters): string[] {
  if (!sla) return [];
  const conditions: string[] = [];
  const { breached, dueWithinMinutes } = sla;
  if (breached === true) conditions.push(`EXISTS (SELECT 1 FROM sla_clocks c WHERE c.ticket_id = t.id AND c.state = 'BREACHED')`);
  if (breached === false) conditions.push(`NOT EXISTS (SELECT 1 FROM sla_clocks c WHERE c.ticket_id = t.id AND c.state = 'BREACHED')`);
  if (dueWithinMinutes !== undefined && dueWithinMinutes !== null) {
    if (!Number.isInteger(dueWithinMinutes) || dueWithinMinutes < 0 || dueWithinMinutes > MAXIMUM_DUE_WITHIN_MINUTES) {
      throw new BadUserInputError(`filter.sla.dueWithinMinutes must be 0–${MAXIMUM_DUE_WITHIN_MINUTES}`, 'filter.sla.dueWithinMinutes');
    }
    const dueBy = parameters.add(new Date(now.getTime() + dueWithinMinutes * 60_000));
    conditions.push(`EXISTS (SELECT 1 FROM ticket_deadlines due WHERE due.ticket_id = t.id AND due.next_sla_due_at <= ${dueBy})`);
  }
  return conditions;
}
