import { EntityManager } from 'typeorm';
import { assertSystemPrincipal, Principal } from '../auth/principal';
import { assertNever, OwnerParty, PrincipalRole, TicketEventType, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { ChangeTicketStatusParams, RateTicketParams, ReopenTicketParams, ResolveTicketParams } from './params/lifecycle.params';
import { MutationResult, refused, succeeded, UserError, UserErrorCode, userError } from '../domain/user-error';
import {
  allowedStatuses,
  closableSolvedBefore,
  isRateable,
  planTransition,
  StatusMove,
  TransitionActor,
} from '../rules/ticket-status.rule';
import { Actor, actorOf } from './actor';
import { decodeIdArgument } from './id-arguments';
import { RequestContext } from './request-context';
import { lockSolvedTicketsForJob, lockTicket, TicketColumnChanges, updateTicket } from './ticket-changes';
import { appendTicketEvents, NewTicketEvent } from './ticket-events';
import { SlaClockService } from './sla-clock.service';
import { SlaSignal } from '../rules/sla-clock.rule';
import { CallbackCancelReason } from '../domain/callback';
import { cancelScheduledCallbacks } from './callback-requests';
import { characterCount } from '../rules/text-input.rule';
import { ticketVersionConflict } from '../rules/ticket-version.rule';

const MAXIMUM_NOTE_CHARACTERS = 2000;
const MAXIMUM_REASON_CHARACTERS = 1000;
/** Tickets closed per transaction by the close sweep (an UPDATE each, clocks and events per batch); it loops until fewer are due. */
const CLOSE_BATCH_SIZE = 200;
const NO_SUCH_TICKET = userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId');

/** One change of one locked ticket: a status move, a posted message, a rating — or several at once. */
export interface TicketChange {
  /** As locked by the caller (`lockTicket`) in the current transaction. */
  ticket: Ticket;
  actor: Actor;
  now: Date;
  statusMove: StatusMove | null;
  /** Columns besides those of the status move (message timestamps, resolution, rating). */
  columns: TicketColumnChanges;
  /** Events that precede the status events (MESSAGE_POSTED, TICKET_RATED); each payload gets the new `version`. */
  events: Array<{ type: TicketEventType; payload: Record<string, unknown> }>;
  /** Recorded on TICKET_REOPENED. */
  reopenReason?: string | null;
  /** What a posted message means for response clocks (docs/sla.md); absent when the change is not a message. */
  message?: { isCustomerMessage: boolean; isOwnerResponse: boolean; isFirstResponse: boolean };
  /** `columns` change what selects the SLA policy (priority, category): running clocks are re-targeted. */
  policyFactsChanged?: boolean;
}

/** The owning seller or carrier of the ticket (platform staff are handled apart). */
export function isOwningParty(principal: Principal, ticket: Ticket): boolean {
  switch (principal.role) {
    case PrincipalRole.SELLER:
      return ticket.ownerParty === OwnerParty.SELLER && ticket.sellerId === principal.sellerId;
    case PrincipalRole.CARRIER:
      return ticket.ownerParty === OwnerParty.CARRIER && ticket.carrierId === principal.carrierId;
    case PrincipalRole.CUSTOMER:
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
    case PrincipalRole.INTEGRATION:
    case PrincipalRole.SYSTEM:
      return false;
    default:
      return assertNever(principal);
  }
}

/** The principal's row of the transition table for a ticket it can see; null when it may not move it at all. */
function transitionActorOf(principal: Principal, ticket: Ticket): TransitionActor | null {
  switch (principal.role) {
    case PrincipalRole.CUSTOMER:
      return 'CUSTOMER';
    case PrincipalRole.SELLER:
    case PrincipalRole.CARRIER:
      return isOwningParty(principal, ticket) ? 'OWNER' : null;
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return 'AGENT';
    case PrincipalRole.INTEGRATION:
      return null;
    case PrincipalRole.SYSTEM:
      return 'SYSTEM';
    default:
      return assertNever(principal);
  }
}

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

/** The status columns a move writes. Reopening forgets the resolution: the ticket is no longer solved. */
function statusColumns(ticket: Ticket, move: StatusMove | null, now: Date): TicketColumnChanges {
  if (move === null) return {};
  switch (move.kind) {
    case 'CHANGE':
      return { status: move.to };
    case 'SOLVE':
      return { status: move.to, solvedAt: now };
    case 'REOPEN':
      return { status: move.to, solvedAt: null, resolution: null, resolutionNote: null, reopenedCount: ticket.reopenedCount + 1 };
    case 'CLOSE':
      return { status: move.to, closedAt: now };
    default:
      return assertNever(move.kind);
  }
}

function statusEvents(before: Ticket, after: Ticket, move: StatusMove | null, reopenReason: string | null): TicketChange['events'] {
  if (move === null) return [];
  const changed = { type: TicketEventType.STATUS_CHANGED, payload: { from: move.from, to: move.to, trigger: move.trigger } };
  switch (move.kind) {
    case 'CHANGE':
      return [changed];
    case 'SOLVE':
      return [changed, { type: TicketEventType.TICKET_SOLVED, payload: { resolution: after.resolution, note: after.resolutionNote } }];
    case 'REOPEN':
      return [
        changed,
        {
          type: TicketEventType.TICKET_REOPENED,
          payload: { reopenedCount: after.reopenedCount, reason: reopenReason, trigger: move.trigger },
        },
      ];
    case 'CLOSE':
      return [changed, { type: TicketEventType.TICKET_CLOSED, payload: { solvedAt: before.solvedAt, trigger: move.trigger } }];
    default:
      return assertNever(move.kind);
  }
}

/** The clocks' view of a change, status first (a customer reply resumes a PENDING ticket's clock before it starts NEXT_RESPONSE). */
function slaSignalsOf(change: TicketChange): SlaSignal[] {
  const signals: SlaSignal[] = [];
  if (change.statusMove) signals.push({ kind: 'STATUS_CHANGED', from: change.statusMove.from, to: change.statusMove.to });
  if (change.message?.isOwnerResponse) signals.push({ kind: 'OWNER_RESPONDED' });
  if (change.message?.isCustomerMessage) signals.push({ kind: 'CUSTOMER_WROTE' });
  if (change.policyFactsChanged) signals.push({ kind: 'POLICY_FACTS_CHANGED' });
  return signals;
}

export class TicketLifecycleService {
  constructor(private readonly slaClock: SlaClockService) {}

  /**
   * THE way a locked ticket changes, for every use case (status requests, messages, ratings, the close job): one
   * UPDATE that bumps `version`, one INSERT of its events, each payload carrying the new version. SLA clocks hook in
   * here: `statusMove` (PENDING pauses RESOLUTION, SOLVED stops it, REOPEN restarts it, CLOSED ends what still
   * waits with the minutes used) and `message` (FIRST_RESPONSE / NEXT_RESPONSE met by an owner response,
   * NEXT_RESPONSE started by a customer message).
   */
  async applyTicketChange(manager: EntityManager, change: TicketChange): Promise<Ticket> {
    const [changed] = await this.applyTicketChanges(manager, [change]);
    return changed;
  }

  /**
   * applyTicketChange for many locked tickets at one instant (the close job's batch): an UPDATE per ticket (their
   * columns differ), then the SLA clocks of all of them read, planned and written at once, and one INSERT of all
   * their events. Returns the tickets as stored, in the order of `changes`.
   */
  async applyTicketChanges(manager: EntityManager, changes: readonly TicketChange[]): Promise<Ticket[]> {
    if (changes.length === 0) return [];
    const now = changes[0].now;
    if (changes.some((change) => change.now.getTime() !== now.getTime()))
      throw new Error('applyTicketChanges: every change of a batch happens at the same instant');
    const changed: Ticket[] = [];
    for (const change of changes)
      changed.push(
        await updateTicket(manager, change.ticket.id, { ...change.columns, ...statusColumns(change.ticket, change.statusMove, now) }, now),
      );
    const slaEvents = await this.slaClock.applySignalsToTickets(
      manager,
      changes.map((change, index) => ({ ticket: changed[index], signals: slaSignalsOf(change) })),
      now,
    );
    // A closed ticket's scheduled callback is off (docs/queues.md "Callbacks").
    const closedIds = changes.filter((change) => change.statusMove?.to === TicketStatus.CLOSED).map((change) => change.ticket.id);
    const cancelledCallbacks = await cancelScheduledCallbacks(manager, closedIds, CallbackCancelReason.TICKET_CLOSED, now);
    await appendTicketEvents(
      manager,
      changes.flatMap((change, index) => {
        const ticket = changed[index];
        const events = [...change.events, ...statusEvents(change.ticket, ticket, change.statusMove, change.reopenReason ?? null)];
        return [
          ...events.map((event): NewTicketEvent => ({
            ticketId: ticket.id,
            type: event.type,
            actor: change.actor,
            createdAt: now,
            payload: { ...event.payload, version: ticket.version },
          })),
          ...[...slaEvents, ...cancelledCallbacks]
            .filter((event) => event.ticketId === ticket.id)
            .map((event) => ({ ...event, payload: { ...event.payload, version: ticket.version } })),
        ];
      }),
    );
    return changed;
  }

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
        await this.applyTicketChange(manager, {
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
        await this.applyTicketChanges(manager, changes);
        return { locked: tickets.length, closed: changes.length };
      });
      closed += batch.closed;
      // A full batch the table refused entirely would be locked again and again: stop rather than loop.
      if (batch.locked < CLOSE_BATCH_SIZE || batch.closed === 0) return closed;
    }
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
        await this.applyTicketChange(manager, {
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
