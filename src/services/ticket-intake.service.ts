import { EntityManager } from 'typeorm';
import { principalLabel } from '../auth/principal';
import { hydrate, RawRow } from '../db/hydrate';
import { ActorRole, AuthorRole, MessageVisibility, OwnerParty, PrincipalRole, TicketEventType, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { ForbiddenError } from '../domain/errors';
import { OpenTicketParams } from './params/open-ticket.params';
import { MutationResult, refused, succeeded, UserError, UserErrorCode, userError } from '../domain/user-error';
import { classifyContact } from '../intake/contact-classifier';
import { idempotentInputDigest } from '../rules/idempotency.rule';
import { decideIntake, IntakeDecision } from '../rules/intake.rule';
import { TicketDetails } from '../rules/missing-details.rule';
import { firstBotMessage, orderAnswerLines } from '../rules/order-answer.rule';
import { actorOf } from './actor';
import { decodeIdArgument } from './id-arguments';
import { storedAttachments, validateAttachments, validateBody, validateIdempotencyKey, validateSubject } from './message-validation';
import { loadIntakeContext, RoutingContext, routingRules } from './order-facts';
import { RequestContext } from './request-context';
import { newTicketSla, SlaClockService, slaEvents } from './sla-clock.service';
import { OpenedTicketColumns, storeOpenedTicket, ticketOpenedEvents } from './ticket-opening';
import { NewTicketEvent } from './ticket-events';
import { messagePostedPayload, NewMessage } from './ticket-messages';
import { planQueuePlacements, ticketQueuedEvent } from './ticket-queues';
import { priorityRank } from '../rules/queue.rule';

const IDEMPOTENCY_KEY_REUSED = userError(
  UserErrorCode.IDEMPOTENCY_KEY_REUSED,
  'This idempotency key opened a ticket with another input; send a new key for a new request',
  'input.idempotencyKey',
);

function validateOpening(input: OpenTicketParams): UserError[] {
  return [
    ...validateSubject(input.subject, 'input.subject'),
    ...validateBody(input.body, 'input.body'),
    ...validateAttachments(input.attachments, 'input.attachments'),
    ...validateIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey'),
  ];
}

export class TicketIntakeService {
  constructor(private readonly slaClock: SlaClockService) {}

  /**
   * Opens, classifies and routes a ticket in two statements and no transaction around them: one reads the order
   * facts and draws the new records' ids, one writes the ticket with its messages, clocks and events atomically
   * (src/services/ticket-opening.ts). Everything between is pure: intake rules, routing, the SLA plan, payloads.
   * A repeated idempotency key returns the first ticket.
   */
  async openTicket(ctx: RequestContext, input: OpenTicketParams): Promise<MutationResult<Ticket>> {
    const errors = validateOpening(input);
    if (errors.length > 0) return refused(...errors);

    const customerId = this.customerOf(ctx, input);
    const orderId = input.orderId ? decodeIdArgument(input.orderId, 'Order', 'input.orderId') : null;
    if (customerId === null && orderId === null) {
      return refused(
        userError(
          UserErrorCode.INVALID_INPUT,
          'Name the customer (customerId) or the order (orderId) the ticket is for',
          'input.customerId',
        ),
      );
    }
    const createdBy = principalLabel(ctx.principal);
    const now = ctx.now();
    const manager = ctx.dataSource.manager;

    // Ids for the customer's message and the bot's first answer (drawn even when the bot has nothing to say).
    const { context, orderMissing, newIds } = await loadIntakeContext(manager, { customerId, orderId, messages: 2 });
    if (orderMissing)
      return refused(userError(UserErrorCode.ORDER_NOT_FOUND, "No such order among the customer's orders", 'input.orderId'));
    if (context === null || newIds === null)
      return refused(userError(UserErrorCode.CUSTOMER_NOT_FOUND, 'No such customer', 'input.customerId'));

    const details = (input.details ?? {}) as TicketDetails;
    const decision = await this.decide(manager, { input, details, context, now });
    const drafted = { input, context, decision, details, createdBy, now, ...newIds };
    const columns = this.ticketColumns(drafted);
    const messages = this.openingMessages(drafted);
    const state = newTicketSla(context.customerTier);
    const opening = Object.assign(new Ticket(), { ...columns, status: TicketStatus.NEW, isEscalated: false });
    const [sla] = await this.slaClock.plan(manager, [{ ticket: opening, state, signals: [{ kind: 'OWNER_ASSIGNED' }] }], now);
    const [placement] = await planQueuePlacements(manager, [opening]);
    const stored = await storeOpenedTicket(manager, {
      ticket: columns,
      routingFacts: {
        customerTier: context.customerTier,
        categoryIsGuess: decision.routingIsTriage,
        orderFacts: context.order?.facts ?? null,
      },
      messages,
      clocks: sla.startedClocks,
      deadlines: sla.deadlines,
      queue: placement?.decision ?? null,
      priorityRank: priorityRank(decision.priority),
      events: [
        ...this.openingEvents(ctx, columns, decision, messages),
        ...(placement ? [ticketQueuedEvent(placement, now)] : []),
        ...slaEvents([sla], now),
      ],
    });
    if (stored === null) return this.answerRepeatedKey(manager, { createdBy, input, orderId });
    const { ticket } = stored;
    // The ticket's SLA state is what was just planned: a response asking for it needs no read.
    ctx.loaders.slaStateByTicketId.prime(ticket.id, { clocks: sla.startedClocks, ...sla.deadlines });
    return succeeded(ticket);
  }

  /** Classification, language, routing and priority of the contact: the pure intake rules on the loaded facts. */
  private async decide(
    manager: EntityManager,
    facts: { input: OpenTicketParams; details: TicketDetails; context: RoutingContext; now: Date },
  ): Promise<IntakeDecision> {
    const { input, details, context, now } = facts;
    return decideIntake(
      {
        subject: input.subject,
        body: input.body,
        pickedCategory: input.category ?? null,
        statedLanguage: input.language ?? null,
        details,
        customerTier: context.customerTier,
        order: context.order?.facts ?? null,
      },
      await routingRules.load(manager),
      classifyContact,
      now,
    );
  }

  /** The ticket opened before under the caller's idempotency key when the input is the same; a refusal otherwise. */
  private async answerRepeatedKey(
    manager: EntityManager,
    repeated: { createdBy: string; input: OpenTicketParams; orderId: string | null },
  ): Promise<MutationResult<Ticket>> {
    const { createdBy, input, orderId } = repeated;
    const existing = await this.existingTicket(manager, createdBy, input.idempotencyKey!);
    // The whole input is compared (its digest); a ticket opened before digests were kept, by the fields it kept.
    const same =
      existing.idempotencyInputDigest === null
        ? await this.sameOpening(manager, existing, input, orderId)
        : existing.idempotencyInputDigest === idempotentInputDigest('openTicket', input);
    return same ? succeeded(existing) : refused(IDEMPOTENCY_KEY_REUSED);
  }

  private customerOf(ctx: RequestContext, input: OpenTicketParams): string | null {
    const { principal } = ctx;
    switch (principal.role) {
      case PrincipalRole.CUSTOMER:
        return principal.customerId;
      case PrincipalRole.AGENT:
      case PrincipalRole.ADMIN:
        return input.customerId ? decodeIdArgument(input.customerId, 'Customer', 'input.customerId') : null;
      case PrincipalRole.INTEGRATION:
        if (principal.sellerId !== null) throw new ForbiddenError('A seller-scoped API key cannot open tickets');
        return input.customerId ? decodeIdArgument(input.customerId, 'Customer', 'input.customerId') : null;
      case PrincipalRole.SELLER:
      case PrincipalRole.CARRIER:
      case PrincipalRole.SYSTEM:
        throw new ForbiddenError('Sellers and carriers answer tickets; customers, agents and integrations open them');
    }
  }

  private ticketColumns(fields: {
    input: OpenTicketParams;
    context: RoutingContext;
    decision: IntakeDecision;
    details: TicketDetails;
    createdBy: string;
    now: Date;
    ticketId: string;
    ticketNumber: string;
  }): OpenedTicketColumns {
    const { input, context, decision, details, createdBy, now } = fields;
    const order = context.order;
    return {
      id: fields.ticketId,
      number: fields.ticketNumber,
      subject: input.subject.trim(),
      category: decision.category,
      classificationConfidence: decision.classificationConfidence,
      channel: input.channel,
      language: decision.language,
      priority: decision.priority,
      ownerParty: decision.routing.owner,
      customerId: context.customerId,
      orderId: order?.id ?? null,
      shipmentId: order?.shipmentId ?? null,
      sellerId: order?.sellerId ?? null,
      carrierId: decision.routing.owner === OwnerParty.CARRIER ? (order?.carrierId ?? null) : null,
      involvedCarrierIds: decision.routing.owner === OwnerParty.CARRIER && order?.carrierId ? [order.carrierId] : [],
      followUpOfTicketId: null,
      isEscalated: false,
      escalatedAt: null,
      routingRuleId: decision.routing.ruleId,
      routingRuleVersion: decision.routing.ruleVersion,
      routingReason: decision.routing.reason,
      classifierModelVersion: decision.classifierModelVersion,
      details,
      missingDetails: decision.missingDetails,
      createdBy,
      idempotencyKey: input.idempotencyKey ?? null,
      idempotencyInputDigest: input.idempotencyKey ? idempotentInputDigest('openTicket', input) : null,
      openedAt: now,
    };
  }

  /**
   * The customer's words and, when the order's records answer something or details are missing, the bot's first
   * answer (a millisecond later, so always after).
   */
  private openingMessages(fields: {
    input: OpenTicketParams;
    context: RoutingContext;
    decision: IntakeDecision;
    createdBy: string;
    now: Date;
    ticketId: string;
    messageIds: string[];
  }): Array<NewMessage & { id: string }> {
    const { input, context, decision, createdBy, now, ticketId, messageIds } = fields;
    const messages: Array<NewMessage & { id: string }> = [
      {
        id: messageIds[0],
        ticketId,
        authorRole: AuthorRole.CUSTOMER,
        authorId: context.customerId,
        body: input.body,
        visibility: MessageVisibility.PUBLIC,
        attachments: storedAttachments(input.attachments),
        createdBy,
        idempotencyKey: null,
        createdAt: now,
      },
    ];
    const answer = orderAnswerLines({
      order: context.order === null ? null : { facts: context.order.facts, record: context.order.record },
      category: decision.category,
      language: decision.language,
      now,
    });
    const botMessage = firstBotMessage(answer, decision.missingDetails, decision.language);
    if (botMessage !== '') {
      messages.push({
        id: messageIds[1],
        ticketId,
        authorRole: AuthorRole.BOT,
        authorId: null,
        body: botMessage,
        visibility: MessageVisibility.PUBLIC,
        attachments: [],
        createdBy: null,
        idempotencyKey: null,
        createdAt: new Date(now.getTime() + 1),
      });
    }
    return messages;
  }

  /** A retry repeats the subject, channel, order and first message of the ticket its key opened; anything else is another request. */
  private async sameOpening(manager: EntityManager, existing: Ticket, input: OpenTicketParams, orderId: string | null): Promise<boolean> {
    if (existing.subject !== input.subject.trim() || existing.channel !== input.channel) return false;
    if (orderId !== null && String(existing.orderId) !== orderId) return false;
    const [first] = await manager.query<Array<{ body: string }>>(
      `SELECT body FROM messages WHERE ticket_id = $1 ORDER BY created_at, id LIMIT 1`,
      [existing.id],
    );
    return first?.body === input.body;
  }

  private async existingTicket(manager: EntityManager, createdBy: string, idempotencyKey: string): Promise<Ticket> {
    const rows = await manager.query<RawRow[]>(`SELECT * FROM tickets WHERE created_by = $1 AND idempotency_key = $2`, [
      createdBy,
      idempotencyKey,
    ]);
    return hydrate(manager.connection, Ticket, rows)[0];
  }

  private openingEvents(
    ctx: RequestContext,
    ticket: OpenedTicketColumns,
    decision: IntakeDecision,
    messages: Array<NewMessage & { id: string }>,
  ): NewTicketEvent[] {
    const actor = actorOf(ctx.principal);
    return [
      ...ticketOpenedEvents(actor, ticket, { routed: { classifierModelVersion: decision.classifierModelVersion } }),
      ...messages.map((message) => ({
        ticketId: ticket.id,
        type: TicketEventType.MESSAGE_POSTED,
        actor: message.authorRole === AuthorRole.BOT ? { role: ActorRole.BOT, id: null } : actor,
        createdAt: message.createdAt,
        payload: messagePostedPayload(message),
      })),
    ];
  }
}
