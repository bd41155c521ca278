import { EntityManager } from 'typeorm';
import { isPlatformStaff, principalLabel } from '../auth/principal';
import { assertNever, MessageVisibility, TicketEventType, TicketStatus } from '../domain/enums';
import { Message, Ticket } from '../entities';
import { PostMessageParams } from './params/conversation.params';
import type { PostedMessage } from './views/posted-message.view';
import { MutationResult, refused, succeeded, UserErrorCode, userError } from '../domain/user-error';
import { MessagePlan, planMessageEffects, StatusMove } from '../rules/ticket-status.rule';
import { actorOf, SYSTEM_ACTOR } from './actor';
import { decodeIdArgument } from './id-arguments';
import { messageDraft, writerOf } from './message-authoring';
import { idempotentReplayOf } from './message-replay';
import { validateAttachments, validateBody, validateIdempotencyKey } from './message-validation';
import { RequestContext } from './request-context';
import { lockTicket } from './ticket-changes';
import { appendTicketEvents } from './ticket-events';
import { TicketChangeWriter } from './ticket-change-writer';
import { insertMessages, messagePostedPayload, NewMessage, storedMessageOf } from './ticket-messages';
import { newTicketSla, SlaClockService, slaEvents } from './sla-clock.service';
import { drawFollowUpIds, followUpColumns, followUpEvents } from './ticket-follow-up';
import { storeOpenedTicket } from './ticket-opening';
import { planQueuePlacements, ticketQueuedEvent } from './ticket-queues';
import { priorityRank } from '../rules/queue.rule';

const NO_SUCH_TICKET = userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId');

/** Another request of the same caller stored a message under the same idempotency key first (on another ticket). */
class IdempotencyKeyTakenError extends Error {}

export class TicketConversationService {
  constructor(
    private readonly ticketChanges: TicketChangeWriter,
    private readonly slaClock: SlaClockService,
  ) {}

  /**
   * Stores a message and applies what it means for the ticket (status moves, response timestamps) in one
   * transaction behind the ticket's row lock, with a constant number of statements per outcome. A repeated
   * idempotency key returns the first message and writes nothing.
   */
  async postMessage(ctx: RequestContext, input: PostMessageParams): Promise<MutationResult<PostedMessage>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const errors = [
      ...validateBody(input.body, 'input.body'),
      ...validateAttachments(input.attachments, 'input.attachments'),
      ...validateIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey'),
    ];
    if (errors.length > 0) return refused(...errors);
    try {
      return await this.postMessageOnce(ctx, ticketId, input);
    } catch (error) {
      // The transaction rolled back; the second attempt finds the first message under the key and returns it.
      if (error instanceof IdempotencyKeyTakenError) return this.postMessageOnce(ctx, ticketId, input);
      throw error;
    }
  }

  private async postMessageOnce(ctx: RequestContext, ticketId: string, input: PostMessageParams): Promise<MutationResult<PostedMessage>> {
    const { principal } = ctx;
    const visibility = input.visibility ?? MessageVisibility.PUBLIC;
    const now = ctx.now();
    return ctx.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused<PostedMessage>(NO_SUCH_TICKET);
      // A retry returns what the first attempt stored, even if the caller could no longer write it now.
      const replayed = await idempotentReplayOf(manager, ctx, ticket, input);
      if (replayed !== null) return replayed;
      const writer = writerOf(principal, ticket);
      if (writer === null) {
        return refused<PostedMessage>(
          userError(
            UserErrorCode.NOT_OWNER,
            `Only the owning party writes on this ticket; it is owned by ${ticket.ownerParty}`,
            'input.ticketId',
          ),
        );
      }
      if (visibility === MessageVisibility.INTERNAL && !isPlatformStaff(principal)) {
        return refused<PostedMessage>(
          userError(UserErrorCode.NOT_PERMITTED, 'INTERNAL notes are written by platform agents only', 'input.visibility'),
        );
      }
      const plan = planMessageEffects({
        status: ticket.status,
        solvedAt: ticket.solvedAt,
        firstRespondedAt: ticket.firstRespondedAt,
        writer,
        visibility,
        now,
      });
      const draft = messageDraft(ctx, ticket, input, visibility, now);
      switch (plan.outcome) {
        case 'REFUSED':
          return refused<PostedMessage>(userError(UserErrorCode.TICKET_CLOSED, plan.reason, 'input.ticketId'));
        case 'FOLLOW_UP':
          return succeeded(await this.openFollowUpTicket(manager, ctx, ticket, draft, plan.closeOriginal));
        case 'POST':
          return succeeded(await this.postOnTicket(manager, ctx, ticket, plan, draft));
        default:
          return assertNever(plan);
      }
    });
  }

  /** A PUBLIC message or an INTERNAL note on the ticket itself, with what it means for the ticket's status and SLA. */
  private async postOnTicket(
    manager: EntityManager,
    ctx: RequestContext,
    ticket: Ticket,
    plan: Extract<MessagePlan, { outcome: 'POST' }>,
    draft: NewMessage,
  ): Promise<PostedMessage> {
    const message = await this.insertMessage(manager, draft);
    if (draft.visibility === MessageVisibility.INTERNAL) return this.recordInternalNote(manager, ctx, ticket, message);
    const now = draft.createdAt;
    const changed = await this.ticketChanges.applyTicketChange(manager, {
      ticket,
      actor: actorOf(ctx.principal),
      now,
      statusMove: plan.statusMove,
      columns: {
        ...(plan.isCustomerMessage ? { lastCustomerMessageAt: now } : {}),
        ...(plan.isOwnerResponse ? { lastOwnerMessageAt: now } : {}),
        ...(plan.isFirstResponse ? { firstRespondedAt: now } : {}),
      },
      events: [{ type: TicketEventType.MESSAGE_POSTED, payload: messagePostedPayload(message) }],
      message: { isCustomerMessage: plan.isCustomerMessage, isOwnerResponse: plan.isOwnerResponse, isFirstResponse: plan.isFirstResponse },
    });
    return { message, ticket: changed, followUpTicket: null };
  }

  /**
   * An INTERNAL note leaves the ticket as it was: `version` and `updatedAt` are what customers, sellers and
   * carriers read too, and a note they may not see must not move them (issue #14: a seller watching `version`
   * learnt that agents were writing about its ticket). So the note is its message and its MESSAGE_POSTED event
   * (which only staff read; scope.ts) and nothing else: no status move, no SLA signal, no column, by the plan
   * (planMessageEffects gives an INTERNAL note none). Staff's optimistic concurrency (`expectedVersion`)
   * therefore ignores notes, which never conflict with a change of the ticket itself; staff see a note's time
   * on the message. The invariant: `version` counts the changes of a ticket that every reader of it can see.
   */
  private async recordInternalNote(manager: EntityManager, ctx: RequestContext, ticket: Ticket, message: Message): Promise<PostedMessage> {
    await appendTicketEvents(manager, [
      {
        ticketId: ticket.id,
        type: TicketEventType.MESSAGE_POSTED,
        actor: actorOf(ctx.principal),
        createdAt: message.createdAt,
        payload: { ...messagePostedPayload(message), version: ticket.version },
      },
    ]);
    return { message, ticket, followUpTicket: null };
  }

  /**
   * The customer wrote to a finished ticket: closes it if it is still SOLVED (its reopen window has passed),
   * then opens a follow-up carrying the message (src/services/ticket-follow-up.ts) through the one writer of new
   * tickets, with the follow-up owner's FIRST_RESPONSE clock, its deadlines and, on the platform, its queue.
   */
  private async openFollowUpTicket(
    manager: EntityManager,
    ctx: RequestContext,
    original: Ticket,
    draft: NewMessage,
    closeOriginal: StatusMove | null,
  ): Promise<PostedMessage> {
    const now = draft.createdAt;
    const ticket = closeOriginal
      ? await this.ticketChanges.applyTicketChange(manager, {
          ticket: original,
          actor: SYSTEM_ACTOR,
          now,
          statusMove: closeOriginal,
          columns: {},
          events: [],
        })
      : original;
    const ids = await drawFollowUpIds(manager, original.customerId);
    const columns = followUpColumns(original, ids, principalLabel(ctx.principal), now);
    const message = storedMessageOf({ ...draft, ticketId: columns.id }, ids.messageId);
    const opening = Object.assign(new Ticket(), { ...columns, status: TicketStatus.NEW });
    const [sla] = await this.slaClock.plan(
      manager,
      [{ ticket: opening, state: newTicketSla(ids.customerTier), signals: [{ kind: 'OWNER_ASSIGNED' }] }],
      now,
    );
    const [placement] = await planQueuePlacements(manager, [opening]);
    const stored = await storeOpenedTicket(manager, {
      ticket: columns,
      routingFacts: null,
      messages: [message],
      clocks: sla.startedClocks,
      deadlines: sla.deadlines,
      queue: placement?.decision ?? null,
      priorityRank: priorityRank(original.priority),
      events: [
        ...followUpEvents(actorOf(ctx.principal), columns, message),
        ...(placement ? [ticketQueuedEvent(placement, now)] : []),
        ...slaEvents([sla], now),
      ],
    });
    // The ticket has no key, so it is always written; the message is not when its key was used elsewhere meanwhile.
    if (stored === null || stored.messagesStored === 0)
      throw new IdempotencyKeyTakenError(`Idempotency key "${draft.idempotencyKey}" of ${draft.createdBy} was taken concurrently`);
    ctx.loaders.slaStateByTicketId.prime(stored.ticket.id, { clocks: sla.startedClocks, ...sla.deadlines });
    return { message, ticket, followUpTicket: stored.ticket };
  }

  /** One message; a key the caller already used elsewhere stores nothing and throws, so the transaction rolls back. */
  private async insertMessage(manager: EntityManager, message: NewMessage): Promise<Message> {
    const [stored] = await insertMessages(manager, [message]);
    if (!stored)
      throw new IdempotencyKeyTakenError(`Idempotency key "${message.idempotencyKey}" of ${message.createdBy} was taken concurrently`);
    return stored;
  }
}
