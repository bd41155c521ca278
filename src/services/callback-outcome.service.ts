import { EntityManager } from 'typeorm';
import { CallbackOutcome, CallbackRecord, CallbackStatus } from '../domain/callback';
import { assertNever, AuthorRole, MessageVisibility, PrincipalRole, TicketChannel, TicketEventType, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { ASK_TO_WRITE_MESSAGES, callbackFollowUpOf } from '../rules/callback-request.rule';
import { Actor, actorOf } from './actor';
import {
  callbackEventPayload,
  callbackScheduledEvent,
  lockScheduledCallback,
  lockTeamSlotsOfTicket,
  storeCallbackOutcome,
} from './callback-requests';
import { CallbackResult, presentCallback } from './callback-request.service';
import { CallbackScheduler } from './callback-scheduling';
import { decodeIdArgument } from './id-arguments';
import { RequestContext } from './request-context';
import { lockTicket } from './ticket-changes';
import { appendTicketEvents } from './ticket-events';
import type { TicketChangeWriter } from './ticket-change-writer';
import { insertMessages, messagePostedPayload } from './ticket-messages';
import { MutationResult, refused, succeeded, userError, UserErrorCode } from '../domain/user-error';

// An agent records how a callback went (issue #17, point 3; docs/queues.md "Callbacks"), and what follows it by the
// outcome table (src/rules/callback-request.rule.ts): REACHED counts as the platform's response on a PHONE ticket
// (its FIRST_RESPONSE clock is met through the ticket change writer, like an owner's reply); the first NO_ANSWER books
// the next free slot after the missed one; the second (or a first with no slot left) posts a PUBLIC message asking
// the customer to write instead, in the ticket's language.

export interface RecordCallbackInput {
  ticketId: string;
  outcome: CallbackOutcome;
}

interface Recording {
  manager: EntityManager;
  ticket: Ticket;
  callback: CallbackRecord;
  agentId: string;
  actor: Actor;
  now: Date;
}

export class CallbackOutcomeService {
  constructor(
    private readonly ticketChanges: TicketChangeWriter,
    private readonly scheduler: CallbackScheduler,
  ) {}

  async recordCallback(ctx: RequestContext, input: RecordCallbackInput): Promise<MutationResult<CallbackResult>> {
    const { principal } = ctx;
    if (principal.role !== PrincipalRole.AGENT)
      return refused(
        userError(UserErrorCode.CALLBACK_NOT_ALLOWED, 'Only platform agents record the outcome of a callback', 'input.ticketId'),
      );
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const now = ctx.now();
    const recorded = await ctx.dataSource.transaction(async (manager): Promise<MutationResult<CallbackRecord>> => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
      const callback = await lockScheduledCallback(manager, ticketId);
      if (callback === null)
        return refused(
          userError(UserErrorCode.NO_SCHEDULED_CALLBACK, 'The ticket has no scheduled callback to record an outcome for', 'input.ticketId'),
        );
      const recording: Recording = { manager, ticket, callback, agentId: principal.agentId, actor: actorOf(principal), now };
      const followUp = callbackFollowUpOf(input.outcome, callback.attempt);
      switch (followUp) {
        case 'RESPONDED':
          return succeeded(await this.recordReached(recording));
        case 'RESCHEDULE':
          return succeeded(await this.reschedule(recording));
        case 'ASK_TO_WRITE':
          return succeeded(await this.askToWrite(recording));
        default:
          return assertNever(followUp);
      }
    });
    if (!recorded.ok) return recorded;
    const ticket = await ctx.loaders.ticketById.load(ticketId);
    if (!ticket) return refused(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
    return succeeded({ callback: presentCallback(principal, recorded.value)!, ticket });
  }

  /** The customer was reached: on a PHONE ticket the call is the platform's response (FIRST_RESPONSE met, a NEW ticket opens). */
  private async recordReached({ manager, ticket, callback, agentId, actor, now }: Recording): Promise<CallbackRecord> {
    await storeCallbackOutcome(manager, { callbackId: callback.id, status: CallbackStatus.REACHED, agentId, now, askedToWrite: false });
    const recordedEvent = {
      type: TicketEventType.CALLBACK_RECORDED,
      payload: { ...callbackEventPayload(callback), outcome: CallbackOutcome.REACHED },
    };
    if (ticket.channel !== TicketChannel.PHONE) {
      await appendTicketEvents(manager, [{ ticketId: ticket.id, actor, createdAt: now, ...recordedEvent }]);
    } else {
      const isFirstResponse = ticket.firstRespondedAt === null;
      await this.ticketChanges.applyTicketChange(manager, {
        ticket,
        actor,
        now,
        statusMove:
          ticket.status === TicketStatus.NEW
            ? { from: ticket.status, to: TicketStatus.OPEN, kind: 'CHANGE', trigger: 'OWNER_FIRST_REPLY' }
            : null,
        columns: isFirstResponse ? { firstRespondedAt: now } : {},
        events: [recordedEvent],
        message: { isCustomerMessage: false, isOwnerResponse: true, isFirstResponse },
      });
    }
    return { ...callback, status: CallbackStatus.REACHED, outcomeRecordedBy: agentId, outcomeRecordedAt: now, dueSoonAt: null };
  }

  /** The first unanswered call: the next free slot after the missed one, or (none left) the message asking to write. */
  private async reschedule(recording: Recording): Promise<CallbackRecord> {
    const { manager, ticket, callback, agentId, actor, now } = recording;
    const team = await lockTeamSlotsOfTicket(manager, ticket.id);
    if (team === null) return this.askToWrite(recording);
    await storeCallbackOutcome(manager, { callbackId: callback.id, status: CallbackStatus.NO_ANSWER, agentId, now, askedToWrite: false });
    const booked = await this.scheduler.book(manager, {
      ticketId: ticket.id,
      team,
      phoneNumber: callback.phoneNumber,
      preferredWindows: callback.preferredWindows,
      attempt: callback.attempt + 1,
      rescheduledFromId: callback.id,
      notBefore: callback.slotEndsAt,
      requestedBy: `AGENT:${agentId}`,
      now,
    });
    if (!booked.ok) return this.askToWrite(recording);
    await appendTicketEvents(manager, [
      {
        ticketId: ticket.id,
        type: TicketEventType.CALLBACK_RECORDED,
        actor,
        createdAt: now,
        payload: {
          ...callbackEventPayload(callback),
          outcome: CallbackOutcome.NO_ANSWER,
          rescheduledAt: booked.value.callbackAt.toISOString(),
        },
      },
      callbackScheduledEvent(booked.value, actor, now),
    ]);
    return booked.value;
  }

  /** No answer for the last time: a PUBLIC SYSTEM message in the ticket's language asks the customer to write instead. */
  private async askToWrite({ manager, ticket, callback, agentId, actor, now }: Recording): Promise<CallbackRecord> {
    await storeCallbackOutcome(manager, { callbackId: callback.id, status: CallbackStatus.NO_ANSWER, agentId, now, askedToWrite: true });
    const [message] = await insertMessages(manager, [
      {
        ticketId: ticket.id,
        authorRole: AuthorRole.SYSTEM,
        visibility: MessageVisibility.PUBLIC,
        authorId: null,
        body: ASK_TO_WRITE_MESSAGES[ticket.language],
        attachments: [],
        createdBy: null,
        idempotencyKey: null,
        createdAt: now,
      },
    ]);
    await this.ticketChanges.applyTicketChange(manager, {
      ticket,
      actor,
      now,
      statusMove: null,
      columns: {},
      events: [
        {
          type: TicketEventType.CALLBACK_RECORDED,
          payload: { ...callbackEventPayload(callback), outcome: CallbackOutcome.NO_ANSWER, askedToWrite: true },
        },
        { type: TicketEventType.MESSAGE_POSTED, payload: messagePostedPayload(message) },
      ],
    });
    return {
      ...callback,
      status: CallbackStatus.NO_ANSWER,
      outcomeRecordedBy: agentId,
      outcomeRecordedAt: now,
      askedToWriteAt: now,
      dueSoonAt: null,
    };
  }
}
