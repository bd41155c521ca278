import { TicketEventType, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { ChangeTicketPriorityParams } from './params/priority.params';
import { MutationResult, refused, succeeded, UserError, UserErrorCode, userError } from '../domain/user-error';
import { actorOf } from './actor';
import { decodeIdArgument } from './id-arguments';
import { RequestContext } from './request-context';
import { staffChangeRefusals } from './staff-ticket-change';
import { lockTicket } from './ticket-changes';
import { TicketChangeWriter } from './ticket-change-writer';
import { ticketVersionConflict } from '../rules/ticket-version.rule';

/** A platform agent or an admin sets a ticket's priority; the SLA clocks follow (sla-retarget.rule.ts). */
export class TicketPriorityService {
  constructor(private readonly ticketChanges: TicketChangeWriter) {}

  async changeTicketPriority(ctx: RequestContext, input: ChangeTicketPriorityParams): Promise<MutationResult<Ticket>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const { principal } = ctx;
    const refusedChange = staffChangeRefusals(principal, input.reason, "change a ticket's priority");
    if (refusedChange.length > 0) return refused(...refusedChange);
    const reason = input.reason.trim();
    const now = ctx.now();
    return ctx.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused<Ticket>(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
      const errors = refusals(ticket, input);
      if (errors.length > 0) return refused<Ticket>(...errors);
      return succeeded(
        await this.ticketChanges.applyTicketChange(manager, {
          ticket,
          actor: actorOf(principal),
          now,
          statusMove: null,
          columns: { priority: input.priority },
          events: [{ type: TicketEventType.PRIORITY_CHANGED, payload: { from: ticket.priority, to: input.priority, reason } }],
          policyFactsChanged: true,
        }),
      );
    });
  }
}

function refusals(ticket: Ticket, input: ChangeTicketPriorityParams): UserError[] {
  const conflict = ticketVersionConflict(ticket, input.expectedVersion);
  if (conflict.length > 0) return conflict;
  if (ticket.status === TicketStatus.CLOSED)
    return [userError(UserErrorCode.TICKET_CLOSED, 'The ticket is closed; its priority no longer matters', 'input.ticketId')];
  if (ticket.priority === input.priority)
    return [userError(UserErrorCode.INVALID_INPUT, `The ticket is already ${input.priority}`, 'input.priority')];
  return [];
}
