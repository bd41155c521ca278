import { DataSource } from 'typeorm';
import { preparedStatements } from '../db/prepared-statements';
import { ActorRole, TicketEventType } from '../domain/enums';
import { signalCommittedEvents } from './committed-event-signal';
import { eventAppendCtesFrom, EVENT_APPEND_EFFECTS } from './ticket-events';

// takeNextTicket's statement (issue #17): reads the agent, picks the most urgent waiting entry of its teams and
// languages, claims it and appends TICKET_ASSIGNED in ONE statement, committed on its own. The row lock is held
// for that statement only (no transaction around it, no round trip while it is held), and the commit does not
// NOTIFY (runPull signals after it: committed-event-signal.ts), so concurrent pulls commit together
// (group commit) instead of one disk flush after another.

/** How many unassigned tickets per (team, language) a pull considers before locking one: more than agents pulling at once. */
export const PULL_CANDIDATES_PER_QUEUE = 64;

const PULL_ORDER = (alias: string) => `${alias}.next_sla_due_at ASC NULLS LAST, ${alias}.priority_rank DESC, ${alias}.ticket_id ASC`;
const WAITING = (alias: string) => `${alias}.is_waiting AND ${alias}.assignee_agent_id IS NULL`;

/** What one pull found: the agent's teams (null: no such agent) and the ticket it took (null: none). */
export interface PullOutcome {
  teamIds: string[] | null;
  ticketId: string | null;
}

/**
 * The entries a pull may take. Bounded: each (team, language) queue offers its first `candidatesPerQueue`
 * through the partial index `ticket_queue_entries_next_idx`, in pull order (an index-only read of a few pages
 * however long the queue is); SKIP LOCKED then passes over the ones other pulls hold. Unbounded (null): every
 * waiting entry of the agent's queues, for when all the candidates were held.
 */
function candidatesSql(candidatesPerQueue: number | null): string {
  if (candidatesPerQueue === null) {
    return `SELECT e.ticket_id FROM agent, ticket_queue_entries e
            WHERE e.team_id = ANY(agent.team_ids) AND e.language = ANY(agent.languages) AND ${WAITING('e')}`;
  }
  return `SELECT c.ticket_id FROM agent
            CROSS JOIN LATERAL unnest(agent.team_ids) AS team(id) CROSS JOIN LATERAL unnest(agent.languages) AS lang(code)
            CROSS JOIN LATERAL (
              SELECT c.ticket_id FROM ticket_queue_entries c
              WHERE c.team_id = team.id AND c.language = lang.code AND ${WAITING('c')}
              ORDER BY ${PULL_ORDER('c')} LIMIT ${candidatesPerQueue}
            ) c`;
}

function pullSql(candidatesPerQueue: number | null): string {
  const event = `SELECT claimed.ticket_id, '${TicketEventType.TICKET_ASSIGNED}'::text, '${ActorRole.AGENT}'::text, $1::text,
       jsonb_build_object('team', claimed.team_id, 'assigneeId', $1::text, 'previousAssigneeId', NULL, 'how', 'TAKEN'), $2::timestamptz FROM claimed`;
  return `WITH agent AS (
       SELECT a.id, a.languages, coalesce(array_agg(m.team_id ORDER BY m.team_id) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS team_ids
       FROM agents a LEFT JOIN agent_teams m ON m.agent_id = a.id WHERE a.id = $1::text GROUP BY a.id
     ), picked AS (
       SELECT e.ticket_id FROM ticket_queue_entries e
       WHERE e.ticket_id IN (${candidatesSql(candidatesPerQueue)}) AND ${WAITING('e')}
       ORDER BY ${PULL_ORDER('e')} LIMIT 1 FOR UPDATE OF e SKIP LOCKED
     ), claimed AS (
       UPDATE ticket_queue_entries e SET assignee_agent_id = $1::text, assigned_at = $2::timestamptz FROM picked
       WHERE e.ticket_id = picked.ticket_id RETURNING e.ticket_id, e.team_id
     ), ${eventAppendCtesFrom(event)}
     SELECT (SELECT team_ids FROM agent) AS team_ids, (SELECT ticket_id::text FROM claimed) AS ticket_id, ${EVENT_APPEND_EFFECTS}`;
}

const BOUNDED_PULL = pullSql(PULL_CANDIDATES_PER_QUEUE);
const UNBOUNDED_PULL = pullSql(null);

/**
 * One pull for `agentId` at `now`, outside any transaction (the statement is its own). The bounded statement
 * first; the unbounded one only when it found the agent in a team but took nothing (an empty queue, or more
 * concurrent pulls than candidates). A pull that took a ticket signals its committed event, as every statement
 * that appends events on its own does (committed-event-signal.ts).
 */
export async function pullNextEntry(dataSource: DataSource, agentId: string, now: Date): Promise<PullOutcome> {
  const bounded = await runPull(dataSource, BOUNDED_PULL, agentId, now);
  if (bounded.ticketId !== null || bounded.teamIds === null || bounded.teamIds.length === 0) return bounded;
  return runPull(dataSource, UNBOUNDED_PULL, agentId, now);
}

async function runPull(dataSource: DataSource, text: string, agentId: string, now: Date): Promise<PullOutcome> {
  const [row]: Array<{ team_ids: string[] | null; ticket_id: string | null }> = await preparedStatements.query(dataSource, text, [
    agentId,
    now,
  ]);
  if (row.ticket_id !== null) signalCommittedEvents(dataSource);
  return { teamIds: row.team_ids, ticketId: row.ticket_id };
}
