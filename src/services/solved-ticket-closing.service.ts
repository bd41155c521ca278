import { assertSystemPrincipal } from '../auth/principal';
import { TicketStatus } from '../domain/enums';
import { closableSolvedBefore, planTransition } from '../rules/ticket-status.rule';
import { actorOf } from './actor';
import { RequestContext } from './request-context';
import { lockSolvedTicketsForJob } from './ticket-changes';
import { transitionActorOf } from './ticket-actors';
import { TicketChange, TicketChangeWriter } from './ticket-change-writer';

/** Tickets closed per transaction by the close sweep (an UPDATE each, clocks and events per batch); it loops until fewer are due. */
const CLOSE_BATCH_SIZE = 200;

/** The close job's use case: tickets whose reopen window has passed are closed by the SYSTEM. */
export class SolvedTicketClosingService {
  constructor(private readonly ticketChanges: TicketChangeWriter) {}

  /**
   * Closes every ticket SOLVED for the whole reopen window (solved_at <= now − 7 days) the way an agent's close
   * does: the transition table's SYSTEM cell decides, applyTicketChanges writes (the clocks still waiting end with
   * the minutes used, exactly as on an agent's close). Batches of CLOSE_BATCH_SIZE tickets locked with SKIP LOCKED,
   * one transaction each; tickets another transaction holds are left for the next sweep. Returns how many closed.
   */
  async closeSolvedTickets(ctx: RequestContext): Promise<number> {
    assertSystemPrincipal(ctx.principal, 'Closing tickets whose reopen window has passed');
    const now = ctx.now();
    const solvedBefore = closableSolvedBefore(now);
    let closed = 0;
    for (;;) {
      const batch = await ctx.dataSource.transaction(async (manager) => {
        const tickets = await lockSolvedTicketsForJob(manager, solvedBefore, CLOSE_BATCH_SIZE);
        const changes = tickets.flatMap((ticket): TicketChange[] => {
          const actor = transitionActorOf(ctx.principal, ticket);
          if (actor === null) return [];
          const plan = planTransition({
            from: ticket.status,
            to: TicketStatus.CLOSED,
            actor,
            solvedAt: ticket.solvedAt,
            now,
            trigger: 'REOPEN_WINDOW_ELAPSED',
          });
          return plan.ok ? [{ ticket, actor: actorOf(ctx.principal), now, statusMove: plan.move, columns: {}, events: [] }] : [];
        });
        await this.ticketChanges.applyTicketChanges(manager, changes);
        return { locked: tickets.length, closed: changes.length };
      });
      closed += batch.closed;
      // A full batch the table refused entirely would be locked again and again: stop rather than loop.
      if (batch.locked < CLOSE_BATCH_SIZE || batch.closed === 0) return closed;
    }
  }
}
