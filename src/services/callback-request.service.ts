import { assertSystemPrincipal, isPlatformStaff, Principal, principalLabel, readsCallbackPhoneNumbers } from '../auth/principal';
import { CallbackCancelReason, CallbackRecord } from '../domain/callback';
import { assertNever, OwnerParty, PrincipalRole, TicketEventType, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { checkCallbackRequest } from '../rules/callback-request.rule';
import { CallbackWindow } from '../domain/callback';
import { actorOf, SYSTEM_ACTOR } from './actor';
import {
  callbackEventPayload,
  callbackScheduledEvent,
  cancelScheduledCallbacks,
  claimDueCallbackWarnings,
  lockScheduledCallback,
  lockTeamSlotsOfTicket,
  maskedCallback,
} from './callback-requests';
import { CallbackScheduler } from './callback-scheduling';
import { readCallbacksByIds } from '../loaders/callback-rows';
import { decodeIdArgument } from './id-arguments';
import { RequestContext } from './request-context';
import { lockTicket } from './ticket-changes';
import { appendTicketEvents } from './ticket-events';
import { MutationResult, refused, succeeded, UserError, userError, UserErrorCode } from '../domain/user-error';

// Callback requests (issue #17, point 3; docs/queues.md "Callbacks"): a customer — or an agent, or the chat bot
// (a platform API key) on its behalf — asks to be phoned about a platform ticket; the next free slot of the team's
// support hours is booked and announced (CALLBACK_SCHEDULED, for the notifier's SMS); the timer sweep warns before
// each slot (CALLBACK_DUE_SOON). Outcomes: src/services/callback-outcome.service.ts.

export interface RequestCallbackInput {
  ticketId: string;
  /** As the customer wrote it; national numbers are read as Japanese. */
  phoneNumber: string;
  /** When the customer can take a call; empty or absent: any slot. */
  preferredWindows?: CallbackWindow[] | null;
}

export interface CallbackResult {
  callback: CallbackRecord;
  ticket: Ticket;
}

/** Callbacks sent by a sweep's transaction at most; the sweep loops while a batch is full. */
const WARNING_BATCH_SIZE = 500;
/** A sweep ends after this many batches even if warnings remain (the next tick continues). */
const MAXIMUM_WARNING_ROUNDS = 20;

/** Who may ask for a callback: the customer (its own tickets are the only ones it sees), staff, the platform's bot. */
function mayRequestCallback(principal: Principal): boolean {
  switch (principal.role) {
    case PrincipalRole.CUSTOMER:
    case PrincipalRole.SYSTEM:
    case PrincipalRole.AGENT:
    case PrincipalRole.ADMIN:
      return true;
    case PrincipalRole.INTEGRATION:
      return principal.sellerId === null;
    case PrincipalRole.SELLER:
    case PrincipalRole.CARRIER:
      return false;
    default:
      return assertNever(principal);
  }
}

/**
 * The callback as the principal may see it: whole for staff; for a platform key with CALLBACK_PHONE_NUMBERS (the
 * notifier) the number whole but not the agent; masked for the customer and the other platform keys; nothing for
 * sellers and carriers.
 */
export function presentCallback(principal: Principal, callback: CallbackRecord | null): CallbackRecord | null {
  if (callback === null || !mayRequestCallback(principal)) return null;
  if (isPlatformStaff(principal)) return callback;
  const masked = maskedCallback(callback);
  return readsCallbackPhoneNumbers(principal) ? { ...masked, phoneNumber: callback.phoneNumber } : masked;
}

function requestProblems(
  input: RequestCallbackInput,
  now: Date,
): { ok: true; phoneNumber: string; windows: CallbackWindow[] } | { ok: false; userErrors: UserError[] } {
  const check = checkCallbackRequest({ phoneNumber: input.phoneNumber, preferredWindows: input.preferredWindows ?? [] }, now);
  if (check.ok) return { ok: true, phoneNumber: check.phoneNumber, windows: check.preferredWindows };
  return {
    ok: false,
    userErrors: check.problems.map((problem) => ({
      code: problem.field === 'phoneNumber' ? UserErrorCode.INVALID_PHONE_NUMBER : UserErrorCode.INVALID_INPUT,
      field: `input.${problem.field}`,
      message: problem.message,
    })),
  };
}

export class CallbackRequestService {
  constructor(private readonly scheduler: CallbackScheduler) {}

  /** Ticket.callback: the ticket's latest callback (attempt), as the caller may see it. */
  async callbackOf(ctx: RequestContext, ticket: Ticket): Promise<CallbackRecord | null> {
    if (!mayRequestCallback(ctx.principal)) return null;
    return presentCallback(ctx.principal, await ctx.loaders.callbackByTicketId.load(ticket.id));
  }

  /**
   * `node(id)`, `nodes(ids)`: any attempt of a ticket the caller sees, shown as Ticket.callback shows it (masked
   * for the customer; none for sellers and carriers). Two statements: the attempts, then their tickets, scoped.
   */
  async callbacksByIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, CallbackRecord>> {
    if (!mayRequestCallback(ctx.principal)) return new Map();
    const callbacks = await readCallbacksByIds(ctx.dataSource, ids);
    const tickets = await Promise.all(callbacks.map((callback) => ctx.loaders.ticketById.load(callback.ticketId)));
    const visible = new Map<string, CallbackRecord>();
    callbacks.forEach((callback, index) => {
      const presented = tickets[index] === null ? null : presentCallback(ctx.principal, callback);
      if (presented !== null) visible.set(callback.id, presented);
    });
    return visible;
  }

  async requestCallback(ctx: RequestContext, input: RequestCallbackInput): Promise<MutationResult<CallbackResult>> {
    const { principal } = ctx;
    if (!mayRequestCallback(principal)) {
      return refused(
        userError(
          UserErrorCode.CALLBACK_NOT_ALLOWED,
          'Callbacks are arranged by the platform with the customer; sellers and carriers do not request them',
          'input.ticketId',
        ),
      );
    }
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const now = ctx.now();
    const checked = requestProblems(input, now);
    if (!checked.ok) return { ok: false, userErrors: checked.userErrors };
    const booked = await ctx.dataSource.transaction(async (manager): Promise<MutationResult<CallbackRecord>> => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
      if (ticket.status === TicketStatus.CLOSED)
        return refused(userError(UserErrorCode.TICKET_CLOSED, 'The ticket is closed', 'input.ticketId'));
      if (ticket.ownerParty !== OwnerParty.PLATFORM) {
        return refused(
          userError(
            UserErrorCode.NOT_PLATFORM_TICKET,
            `The ticket is owned by ${ticket.ownerParty}: only the platform calls customers back`,
            'input.ticketId',
          ),
        );
      }
      const team = await lockTeamSlotsOfTicket(manager, ticketId);
      if (team === null) return refused(userError(UserErrorCode.NOT_QUEUED, 'The ticket is in no team queue yet', 'input.ticketId'));
      if ((await lockScheduledCallback(manager, ticketId)) !== null) {
        return refused(
          userError(UserErrorCode.CALLBACK_ALREADY_SCHEDULED, 'A callback is already scheduled on this ticket', 'input.ticketId'),
        );
      }
      const result = await this.scheduler.book(manager, {
        ticketId,
        team,
        phoneNumber: checked.phoneNumber,
        preferredWindows: checked.windows,
        attempt: 1,
        rescheduledFromId: null,
        notBefore: null,
        requestedBy: principalLabel(principal),
        now,
      });
      if (result.ok) await appendTicketEvents(manager, [callbackScheduledEvent(result.value, actorOf(principal), now)]);
      return result;
    });
    if (!booked.ok) return booked;
    const ticket = await ctx.loaders.ticketById.load(ticketId);
    if (!ticket) return refused(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
    return succeeded({ callback: presentCallback(principal, booked.value)!, ticket });
  }

  /**
   * Calls off the ticket's scheduled callback on request: the customer on its own ticket, platform staff, or the
   * chat bot on the customer's behalf (whoever may request one). Its slot's place is free again, its
   * CALLBACK_DUE_SOON never fires, and CALLBACK_CANCELLED (reason REQUESTED, by the caller) is announced. Booking
   * a callback changes no SLA clock, so none is changed back: the ticket's FIRST_RESPONSE (or NEXT_RESPONSE)
   * keeps running until the platform answers in another way.
   */
  async cancelCallback(ctx: RequestContext, input: { ticketId: string }): Promise<MutationResult<CallbackResult>> {
    const { principal } = ctx;
    if (!mayRequestCallback(principal)) {
      return refused(
        userError(
          UserErrorCode.CALLBACK_NOT_ALLOWED,
          'Callbacks are arranged by the platform with the customer; sellers and carriers do not cancel them',
          'input.ticketId',
        ),
      );
    }
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const now = ctx.now();
    const cancelled = await ctx.dataSource.transaction(async (manager): Promise<MutationResult<true>> => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
      const events = await cancelScheduledCallbacks(manager, [ticketId], CallbackCancelReason.REQUESTED, now, actorOf(principal));
      if (events.length === 0)
        return refused(userError(UserErrorCode.NO_SCHEDULED_CALLBACK, 'The ticket has no scheduled callback to cancel', 'input.ticketId'));
      await appendTicketEvents(manager, events);
      return succeeded(true);
    });
    if (!cancelled.ok) return cancelled;
    const [ticket, callback] = await Promise.all([ctx.loaders.ticketById.load(ticketId), ctx.loaders.callbackByTicketId.load(ticketId)]);
    if (!ticket || !callback) return refused(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
    return succeeded({ callback: presentCallback(principal, callback)!, ticket });
  }

  /**
   * CALLBACK_DUE_SOON for every scheduled callback whose warning time has come (CALLBACK_WARNING_MINUTES before its
   * slot), run by the SLA timer loop each second. A warning is claimed, cleared and announced in one transaction
   * (SKIP LOCKED: instances share the work), so each slot warns exactly once. Returns how many warnings fired.
   */
  async fireDueCallbackWarnings(ctx: RequestContext): Promise<number> {
    assertSystemPrincipal(ctx.principal, 'Warning of due callbacks');
    const now = ctx.now();
    // Most ticks find nothing: one statement says so. Never prepared, like the SLA sweep's (a generic plan of `<= $1` scans).
    const [{ due }]: Array<{ due: boolean }> = await ctx.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM callback_requests WHERE due_soon_at <= $1) AS due`,
      [now],
    );
    let fired = 0;
    for (let round = 0; due && round < MAXIMUM_WARNING_ROUNDS; round += 1) {
      const batch = await ctx.dataSource.transaction(async (manager) => {
        const { claimed, due: warnings } = await claimDueCallbackWarnings(manager, now, WARNING_BATCH_SIZE);
        await appendTicketEvents(
          manager,
          warnings.map((callback) => ({
            ticketId: callback.ticketId,
            type: TicketEventType.CALLBACK_DUE_SOON,
            actor: SYSTEM_ACTOR,
            createdAt: now,
            payload: callbackEventPayload(callback),
          })),
        );
        return { claimed, fired: warnings.length };
      });
      fired += batch.fired;
      if (batch.claimed < WARNING_BATCH_SIZE) break;
    }
    return fired;
  }
}
