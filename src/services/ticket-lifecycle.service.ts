import { PrincipalRole, TicketEventType, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { ChangeTicketStatusParams, RateTicketParams, ReopenTicketParams, ResolveTicketParams } from './params/lifecycle.params';
import { MutationResult, refused, succeeded, UserError, UserErrorCode, userError } from '../domain/user-error';
import { allowedStatuses, isRateable, planTransition } from '../rules/ticket-status.rule';
import { actorOf } from './actor';
import { decodeIdArgument } from './id-arguments';
import { RequestContext } from './request-context';
import { lockTicket, TicketColumnChanges } from './ticket-changes';
import { transitionActorOf } from './ticket-actors';
import { TicketChangeWriter } from './ticket-change-writer';
import { characterCount } from '../rules/text-input.rule';
import { ticketVersionConflict } from '../rules/ticket-version.rule';

const MAXIMUM_NOTE_CHARACTERS = 2000;
const MAXIMUM_REASON_CHARACTERS = 1000;
const NO_SUCH_TICKET = userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId');

function validateText(text: string | null | undefined, maximum: number, field: string): UserError[] {
  if (text === undefined || text === null || characterCount(text) <= maximum) return [];
  return [
    userError(UserErrorCode.INVALID_INPUT, `${field} has ${characterCount(text)} characters; at most ${maximum} are accepted`, field),
  ];
}

/** Trimmed, or null when absent or blank. */
function optionalText(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

/** What people ask of a ticket's lifecycle: a status change, solving, reopening, rating. */
export class TicketLifecycleService {
  constructor(private readonly ticketChanges: TicketChangeWriter) {}

  async changeTicketStatus(ctx: RequestContext, input: ChangeTicketStatusParams): Promise<MutationResult<Ticket>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    if (input.status === TicketStatus.SOLVED) {
      return refused(
        userError(UserErrorCode.INVALID_INPUT, 'Solve a ticket with resolveTicket, which records the resolution', 'input.status'),
      );
    }
    return this.requestTransition(ctx, ticketId, {
      to: input.status,
      expectedVersion: input.expectedVersion,
      columns: {},
      statusField: 'input.status',
    });
  }

  async resolveTicket(ctx: RequestContext, input: ResolveTicketParams): Promise<MutationResult<Ticket>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const errors = validateText(input.note, MAXIMUM_NOTE_CHARACTERS, 'input.note');
    if (errors.length > 0) return refused(...errors);
    return this.requestTransition(ctx, ticketId, {
      to: TicketStatus.SOLVED,
      expectedVersion: input.expectedVersion,
      columns: { resolution: input.resolution, resolutionNote: optionalText(input.note) },
      statusField: 'input.ticketId',
    });
  }

  async reopenTicket(ctx: RequestContext, input: ReopenTicketParams): Promise<MutationResult<Ticket>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const errors = validateText(input.reason, MAXIMUM_REASON_CHARACTERS, 'input.reason');
    if (errors.length > 0) return refused(...errors);
    return this.requestTransition(ctx, ticketId, {
      to: TicketStatus.OPEN,
      expectedVersion: input.expectedVersion,
      columns: {},
      requiredStatus: TicketStatus.SOLVED,
      reopenReason: optionalText(input.reason),
      statusField: 'input.ticketId',
    });
  }

  async rateTicket(ctx: RequestContext, input: RateTicketParams): Promise<MutationResult<Ticket>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const errors = [...validateText(input.comment, MAXIMUM_NOTE_CHARACTERS, 'input.comment')];
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
      errors.push(userError(UserErrorCode.INVALID_INPUT, 'score must be a whole number from 1 (bad) to 5 (excellent)', 'input.score'));
    }
    if (errors.length > 0) return refused(...errors);
    const now = ctx.now();
    return ctx.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused<Ticket>(NO_SUCH_TICKET);
      if (ctx.principal.role !== PrincipalRole.CUSTOMER) {
        return refused<Ticket>(userError(UserErrorCode.NOT_PERMITTED, 'Only the customer of a ticket rates it', 'input.ticketId'));
      }
      if (ticket.ratedAt !== null)
        return refused<Ticket>(userError(UserErrorCode.ALREADY_RATED, 'The ticket has already been rated', 'input.ticketId'));
      if (!isRateable(ticket.status)) {
        return refused<Ticket>(
          userError(UserErrorCode.NOT_RATEABLE, `A ticket is rated once it is solved; it is ${ticket.status}`, 'input.ticketId'),
        );
      }
      const comment = optionalText(input.comment);
      return succeeded(
        await this.ticketChanges.applyTicketChange(manager, {
          ticket,
          actor: actorOf(ctx.principal),
          now,
          statusMove: null,
          columns: { satisfactionScore: input.score, satisfactionComment: comment, ratedAt: now },
          events: [{ type: TicketEventType.TICKET_RATED, payload: { score: input.score, comment } }],
        }),
      );
    });
  }

  /**
   * Lock, authorise against the transition table, apply. `requiredStatus`: the move only means what was asked
   * from there (reopen); `statusField`: the input field an INVALID_TRANSITION names.
   */
  private async requestTransition(
    ctx: RequestContext,
    ticketId: string,
    request: {
      to: TicketStatus;
      expectedVersion?: number | null;
      columns: TicketColumnChanges;
      statusField: string;
      requiredStatus?: TicketStatus;
      reopenReason?: string | null;
    },
  ): Promise<MutationResult<Ticket>> {
    const now = ctx.now();
    return ctx.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused<Ticket>(NO_SUCH_TICKET);
      const actor = transitionActorOf(ctx.principal, ticket);
      if (actor === null) {
        return refused<Ticket>(
          userError(
            UserErrorCode.NOT_OWNER,
            `Only the owning party changes the status; the ticket is owned by ${ticket.ownerParty}`,
            'input.ticketId',
          ),
        );
      }
      const conflict = ticketVersionConflict(ticket, request.expectedVersion);
      if (conflict.length > 0) return refused<Ticket>(...conflict);
      if (request.requiredStatus !== undefined && ticket.status !== request.requiredStatus) {
        return refused<Ticket>(
          userError(
            UserErrorCode.INVALID_TRANSITION,
            `Only a ${request.requiredStatus} ticket can be reopened; this one is ${ticket.status}`,
            request.statusField,
            {
              allowedStatuses: allowedStatuses(ticket.status, actor, ticket.solvedAt, now),
            },
          ),
        );
      }
      const plan = planTransition({ from: ticket.status, to: request.to, actor, solvedAt: ticket.solvedAt, now });
      if (!plan.ok) {
        return refused<Ticket>(
          userError(UserErrorCode.INVALID_TRANSITION, plan.reason, request.statusField, { allowedStatuses: plan.allowedStatuses }),
        );
      }
      return succeeded(
        await this.ticketChanges.applyTicketChange(manager, {
          ticket,
          actor: actorOf(ctx.principal),
          now,
          statusMove: plan.move,
          columns: request.columns,
          events: [],
          reopenReason: request.reopenReason ?? null,
        }),
      );
    });
  }
}
