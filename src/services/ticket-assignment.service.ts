import { EntityManager } from 'typeorm';
import { seesEverything } from '../auth/principal';
import { OwnerParty, PrincipalRole, TicketEventType, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { actorOf, Actor } from './actor';
import { decodeIdArgument } from './id-arguments';
import { agentSubjectOf, readAgent } from './platform-teams';
import { pullNextEntry } from './queue-pull';
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
      if (ticket.status === TicketStatus.CLOSED)
        return refused(userError(UserErrorCode.TICKET_CLOSED, 'The ticket is closed', 'input.ticketId'));
      if (ticket.ownerParty !== OwnerParty.PLATFORM) {
        return refused(
          userError(
            UserErrorCode.NOT_PLATFORM_TICKET,
            `The ticket is owned by ${ticket.ownerParty}: only platform tickets are assigned`,
            'input.ticketId',
          ),
        );
      }
      const [entry]: LockedEntry[] = await manager.query(
        `SELECT ticket_id, team_id, assignee_agent_id FROM ticket_queue_entries WHERE ticket_id = $1 FOR UPDATE`,
        [ticketId],
      );
      if (!entry) return refused(userError(UserErrorCode.NOT_QUEUED, 'The ticket is in no team queue yet', 'input.ticketId'));
      const refusal = await this.assignmentRefusal(manager, entry, agentId);
      if (refusal) return refusal;
      await this.storeAssignee(manager, { entry, agentId, actor: actorOf(principal), now: ctx.now() });
      return succeeded(ticketId);
    });
    return this.withTicket(ctx, result);
  }

  /**
   * The most urgent unassigned ticket waiting in the calling agent's teams' queues, in its languages: earliest next
   * SLA due time first (tickets without a running clock last), then higher priority, then the older ticket. Rows
   * another pull holds are skipped (SKIP LOCKED), so concurrent pulls never take the same ticket. Null when no
   * ticket waits. The agent read, the pick, the claim and the event are one statement (queue-pull.ts).
   */
  async takeNextTicket(ctx: RequestContext): Promise<MutationResult<Ticket | null>> {
    const { principal } = ctx;
    if (principal.role !== PrincipalRole.AGENT)
      return refused(userError(UserErrorCode.NOT_PERMITTED, 'Only platform agents take tickets from queues'));
    const pulled = await pullNextEntry(ctx.dataSource, principal.agentId, ctx.now());
    if (pulled.teamIds === null)
      return refused(
        userError(UserErrorCode.AGENT_NOT_FOUND, 'You are not registered as an agent yet: an admin registers agents with saveAgent'),
      );
    if (pulled.teamIds.length === 0)
      return refused(userError(UserErrorCode.AGENT_NOT_IN_TEAM, 'You belong to no team: an admin adds you to teams with saveAgent'));
    if (pulled.ticketId === null) return succeeded(null);
    return succeeded(await ctx.loaders.ticketById.load(pulled.ticketId));
  }

  private async assignmentRefusal(
    manager: EntityManager,
    entry: LockedEntry,
    agentId: string | null,
  ): Promise<MutationResult<string> | null> {
    if (agentId === null) {
      return entry.assignee_agent_id === null
        ? refused(userError(UserErrorCode.INVALID_INPUT, 'The ticket already waits in its queue without an assignee', 'input.agentId'))
        : null;
    }
    if (entry.assignee_agent_id === agentId)
      return refused(userError(UserErrorCode.ALREADY_ASSIGNED, 'The ticket is already assigned to this agent', 'input.agentId'));
    const agent = await readAgent(manager, agentId);
    if (agent === null) return refused(userError(UserErrorCode.AGENT_NOT_FOUND, 'No agent is registered with this id', 'input.agentId'));
    if (!agent.teamIds.includes(entry.team_id)) {
      return refused(
        userError(
          UserErrorCode.AGENT_NOT_IN_TEAM,
          `The agent is not in team ${entry.team_id}, whose queue holds the ticket`,
          'input.agentId',
        ),
      );
    }
    return null;
  }

  /** Stores an assignment by assignTicket; the caller signals the event after COMMIT. */
  private async storeAssignee(
    manager: EntityManager,
    change: { entry: LockedEntry; agentId: string | null; actor: Actor; now: Date },
  ): Promise<void> {
    const { entry, agentId, now } = change;
    await manager.query(`UPDATE ticket_queue_entries SET assignee_agent_id = $2, assigned_at = $3 WHERE ticket_id = $1`, [
      entry.ticket_id,
      agentId,
      agentId === null ? null : now,
    ]);
    await appendTicketEvents(manager, [
      {
        ticketId: String(entry.ticket_id),
        type: agentId === null ? TicketEventType.TICKET_UNASSIGNED : TicketEventType.TICKET_ASSIGNED,
        actor: change.actor,
        createdAt: now,
        payload:
          agentId === null
            ? { team: entry.team_id, previousAssigneeId: entry.assignee_agent_id }
            : { team: entry.team_id, assigneeId: agentId, previousAssigneeId: entry.assignee_agent_id, how: 'ASSIGNED' },
      },
    ]);
  }

  private async withTicket(ctx: RequestContext, result: MutationResult<string>): Promise<MutationResult<Ticket>> {
    if (!result.ok) return result;
    const ticket = await ctx.loaders.ticketById.load(result.value);
    return ticket ? succeeded(ticket) : refused(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
  }
}
