import { EntityManager } from 'typeorm';
import { seesEverything } from '../auth/principal';
import { OwnerParty, PrincipalRole, TicketEventType, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { actorOf, Actor } from './actor';
import { decodeIdArgument } from './id-arguments';
import { agentSubjectOf, AgentRecord, readAgent } from './platform-teams';
import { RequestContext } from './request-context';
import { lockTicket } from './ticket-changes';
import { appendTicketEvents } from './ticket-events';
import { QueueEntryRecord } from '../loaders/queue-entries';
import { MutationResult, refused, succeeded, userError, UserErrorCode } from '../domain/user-error';

// Assignment inside the platform (issue #17, point 2): an agent or admin assigns a queued ticket to an agent of
// its team or back to the queue; an agent pulls the most urgent unassigned ticket of its teams and languages.
// The assignee lives on the ticket's queue entry, not on the ticket row: assigning does not change the ticket's
// version, and a pull touches one narrow row (docs/queues.md).

export interface AssignTicketInput {
  ticketId: string;
  /** The agent to assign; null sends the ticket back to its queue without an assignee. */
  agentId?: string | null;
}

/** How many unassigned tickets per (team, language) a pull considers before locking one: more than agents pulling at once. */
const PULL_CANDIDATES_PER_QUEUE = 64;

const PULL_ORDER = 'next_sla_due_at ASC NULLS LAST, priority_rank DESC, ticket_id ASC';

interface LockedEntry {
  ticket_id: string;
  team_id: string;
  assignee_agent_id: string | null;
}

export class TicketAssignmentService {
  /** Ticket.queue: where the ticket waits and who has it; null for callers that do not see the platform's work. */
  async queueOf(ctx: RequestContext, ticket: Ticket): Promise<QueueEntryRecord | null> {
    if (!seesEverything(ctx.principal)) return null;
    return ctx.loaders.queueEntryByTicketId.load(ticket.id);
  }

  async assignTicket(ctx: RequestContext, input: AssignTicketInput): Promise<MutationResult<Ticket>> {
    const { principal } = ctx;
    if (principal.role !== PrincipalRole.AGENT && principal.role !== PrincipalRole.ADMIN) {
      return refused(userError(UserErrorCode.NOT_PERMITTED, 'Only platform agents and admins assign tickets', 'input.ticketId'));
    }
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const agentId = input.agentId ? agentSubjectOf(input.agentId) : null;
    const result = await ctx.dataSource.transaction(async (manager): Promise<MutationResult<string>> => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
      if (ticket.status === TicketStatus.CLOSED) return refused(userError(UserErrorCode.TICKET_CLOSED, 'The ticket is closed', 'input.ticketId'));
      if (ticket.ownerParty !== OwnerParty.PLATFORM) {
        return refused(userError(UserErrorCode.NOT_PLATFORM_TICKET, `The ticket is owned by ${ticket.ownerParty}: only platform tickets are assigned`, 'input.ticketId'));
      }
      const [entry]: LockedEntry[] = await manager.query(`SELECT ticket_id, team_id, assignee_agent_id FROM ticket_queue_entries WHERE ticket_id = $1 FOR UPDATE`, [ticketId]);
      if (!entry) return refused(userError(UserErrorCode.NOT_QUEUED, 'The ticket is in no team queue yet', 'input.ticketId'));
      const refusal = await this.assignmentRefusal(manager, entry, agentId);
      if (refusal) return refusal;
      await this.storeAssignee(manager, { entry, agentId, actor: actorOf(principal), now: ctx.now(), how: 'ASSIGNED' });
      return succeeded(ticketId);
    });
    return this.withTicket(ctx, result);
  }

  /**
   * The most urgent unassigned ticket waiting in the calling agent's teams' queues, in its languages: earliest next
   * SLA due time first (tickets without a running clock last), then higher priority, then the older ticket. Rows
   * another pull holds are skipped (SKIP LOCKED), so concurrent pulls never take the same ticket. Null when no
   * ticket waits.
   */
  async takeNextTicket(ctx: RequestContext): Promise<MutationResult<Ticket | null>> {
    const { principal } = ctx;
    if (principal.role !== PrincipalRole.AGENT) return refused(userError(UserErrorCode.NOT_PERMITTED, 'Only platform agents take tickets from queues'));
    const agent = await readAgent(ctx.dataSource, principal.agentId);
    if (agent === null) return refused(userError(UserErrorCode.AGENT_NOT_FOUND, 'You are not registered as an agent yet: an admin registers agents with saveAgent'));
    if (agent.teamIds.length === 0) return refused(userError(UserErrorCode.AGENT_NOT_IN_TEAM, 'You belong to no team: an admin adds you to teams with saveAgent'));
    const taken = await ctx.dataSource.transaction(async (manager) => {
      const entry = (await this.lockNextEntry(manager, agent, PULL_CANDIDATES_PER_QUEUE)) ?? (await this.lockNextEntry(manager, agent, null));
      if (entry === null) return null;
      await this.storeAssignee(manager, { entry, agentId: agent.id, actor: actorOf(principal), now: ctx.now(), how: 'TAKEN' });
      return entry.ticket_id;
    });
    if (taken === null) return succeeded(null);
    return succeeded(await ctx.loaders.ticketById.load(String(taken)));
  }

  /**
   * Locks the first entry in pull order. With `candidatesPerQueue`, each (team, language) queue offers its first
   * few through the partial index (a bounded read however long the queues are); without, every waiting entry is
   * considered (the fallback when all the candidates were held by other pulls).
   */
  private async lockNextEntry(manager: EntityManager, agent: AgentRecord, candidatesPerQueue: number | null): Promise<LockedEntry | null> {
    const waiting = `e.is_waiting AND e.assignee_agent_id IS NULL`;
    const rows: LockedEntry[] =
      candidatesPerQueue === null
        ? await manager.query(
            `SELECT e.ticket_id, e.team_id, e.assignee_agent_id FROM ticket_queue_entries e
             WHERE e.team_id = ANY($1::text[]) AND e.language = ANY($2::text[]) AND ${waiting}
             ORDER BY ${PULL_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [agent.teamIds, agent.languages],
          )
        : await manager.query(
            `SELECT e.ticket_id, e.team_id, e.assignee_agent_id FROM ticket_queue_entries e
             WHERE e.ticket_id IN (
               SELECT candidate.ticket_id FROM unnest($1::text[]) AS team(id) CROSS JOIN unnest($2::text[]) AS lang(code)
               CROSS JOIN LATERAL (
                 SELECT c.ticket_id FROM ticket_queue_entries c
                 WHERE c.team_id = team.id AND c.language = lang.code AND c.is_waiting AND c.assignee_agent_id IS NULL
                 ORDER BY c.${PULL_ORDER.replace(/, /g, ', c.')} LIMIT ${candidatesPerQueue}
               ) candidate
             ) AND ${waiting}
             ORDER BY ${PULL_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [agent.teamIds, agent.languages],
          );
    return rows[0] ?? null;
  }

  private async assignmentRefusal(manager: EntityManager, entry: LockedEntry, agentId: string | null): Promise<MutationResult<string> | null> {
    if (agentId === null) {
      return entry.assignee_agent_id === null ? refused(userError(UserErrorCode.INVALID_INPUT, 'The ticket already waits in its queue without an assignee', 'input.agentId')) : null;
    }
    if (entry.assignee_agent_id === agentId) return refused(userError(UserErrorCode.ALREADY_ASSIGNED, 'The ticket is already assigned to this agent', 'input.agentId'));
    const agent = await readAgent(manager, agentId);
    if (agent === null) return refused(userError(UserErrorCode.AGENT_NOT_FOUND, 'No agent is registered with this id', 'input.agentId'));
    if (!agent.teamIds.includes(entry.team_id)) {
      return refused(userError(UserErrorCode.AGENT_NOT_IN_TEAM, `The agent is not in team ${entry.team_id}, whose queue holds the ticket`, 'input.agentId'));
    }
    return null;
  }

  private async storeAssignee(manager: EntityManager, change: { entry: LockedEntry; agentId: string | null; actor: Actor; now: Date; how: 'ASSIGNED' | 'TAKEN' }): Promise<void> {
    const { entry, agentId, now } = change;
    await manager.query(`UPDATE ticket_queue_entries SET assignee_agent_id = $2, assigned_at = $3 WHERE ticket_id = $1`, [entry.ticket_id, agentId, agentId === null ? null : now]);
    await appendTicketEvents(manager, [
      {
        ticketId: String(entry.ticket_id),
        type: agentId === null ? TicketEventType.TICKET_UNASSIGNED : TicketEventType.TICKET_ASSIGNED,
        actor: change.actor,
        createdAt: now,
        payload: agentId === null ? { team: entry.team_id, previousAssigneeId: entry.assignee_agent_id } : { team: entry.team_id, assigneeId: agentId, previousAssigneeId: entry.assignee_agent_id, how: change.how },
      },
    ]);
  }

  private async withTicket(ctx: RequestContext, result: MutationResult<string>): Promise<MutationResult<Ticket>> {
    if (!result.ok) return result;
    const ticket = await ctx.loaders.ticketById.load(result.value);
    return ticket ? succeeded(ticket) : refused(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
  }
}
