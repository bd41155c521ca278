import { EntityManager } from 'typeorm';
import { principalLabel } from '../auth/principal';
import { hydrate } from '../db/hydrate';
import { AuthorRole, MessageVisibility, OwnerParty, PrincipalRole, TicketEventType } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Ticket } from '../entities';
import { ForbiddenError } from '../graphql/errors';
import { OpenTicketInput } from '../graphql/inputs/open-ticket.input';
import { MutationResult, refused, succeeded, UserErrorCode, userError } from '../graphql/user-error.type';
import { decideIntake, IntakeDecision } from '../rules/intake.rule';
import { missingDetailsMessage, TicketDetails } from '../rules/missing-details.rule';
import { actorOf, SYSTEM_ACTOR } from './actor';
import { decodeIdArgument } from './id-arguments';
import { storedAttachments, validateAttachments, validateBody, validateIdempotencyKey, validateSubject } from './message-validation';
import { loadRoutingContext, loadRoutingRules, RoutingContext } from './order-facts';
import { RequestContext } from './request-context';
import { newTicketSla, SlaClockService } from './sla-clock.service';
import { appendTicketEvents, NewTicketEvent } from './ticket-events';
import { insertMessages, messagePostedPayload, NewMessage } from './ticket-messages';

export class TicketIntakeService {
  constructor(private readonly slaClock: SlaClockService) {}

  /**
   * Opens, classifies and routes a ticket in one transaction with a constant number of statements: routing
   * context, rules, ticket, messages, events, SLA clocks. A repeated idempotency key returns the first ticket.
   */
  async openTicket(ctx: RequestContext, input: OpenTicketInput): Promise<MutationResult<Ticket>> {
    const errors = [
      ...validateSubject(input.subject, 'input.subject'),
      ...validateBody(input.body, 'input.body'),
      ...validateAttachments(input.attachments, 'input.attachments'),
      ...validateIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey'),
    ];
    if (errors.length > 0) return refused(...errors);

    const customerId = this.customerOf(ctx, input);
    const orderId = input.orderId ? decodeIdArgument(input.orderId, 'Order', 'input.orderId') : null;
    if (customerId === null && orderId === null) {
      return refused(userError(UserErrorCode.INVALID_INPUT, 'Name the customer (customerId) or the order (orderId) the ticket is for', 'input.customerId'));
    }
    const createdBy = principalLabel(ctx.principal);
    const now = ctx.now();

    return ctx.dataSource.transaction(async (manager) => {
      const { context, orderMissing } = await loadRoutingContext(manager, { customerId, orderId });
      if (orderMissing) return refused<Ticket>(userError(UserErrorCode.ORDER_NOT_FOUND, 'No such order among the customer\'s orders', 'input.orderId'));
      if (context === null) return refused<Ticket>(userError(UserErrorCode.CUSTOMER_NOT_FOUND, 'No such customer', 'input.customerId'));

      const details = (input.details ?? {}) as TicketDetails;
      const decision = decideIntake(
        {
          subject: input.subject,
          body: input.body,
          pickedCategory: input.category ?? null,
          statedLanguage: input.language ?? null,
          details,
          customerTier: context.customerTier,
          order: context.order?.facts ?? null,
        },
        await loadRoutingRules(manager),
        now,
      );

      const ticket = await this.insertTicket(manager, { input, context, decision, details, createdBy, now });
      if (ticket === null) return succeeded(await this.existingTicket(manager, createdBy, input.idempotencyKey!));

      const messages: NewMessage[] = [
        {
          ticketId: ticket.id,
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
      if (decision.missingDetails.length > 0) {
        messages.push({
          ticketId: ticket.id,
          authorRole: AuthorRole.BOT,
          authorId: null,
          body: missingDetailsMessage(decision.missingDetails, decision.language),
          visibility: MessageVisibility.PUBLIC,
          attachments: [],
          createdBy: null,
          idempotencyKey: null,
          // A millisecond later, so that the bot's question always follows the customer's words.
          createdAt: new Date(now.getTime() + 1),
        });
      }
      const messageIds = await insertMessages(manager, messages);
      const slaEvents = await this.slaClock.applySignals(manager, ticket, [{ kind: 'OWNER_ASSIGNED' }], now, { state: newTicketSla(context.customerTier) });
      await appendTicketEvents(manager, [...this.openingEvents(ctx, ticket, decision, messages, messageIds, now), ...slaEvents]);
      return succeeded(ticket);
    });
  }

  private customerOf(ctx: RequestContext, input: OpenTicketInput): string | null {
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
        throw new ForbiddenError('Sellers and carriers answer tickets; customers, agents and integrations open them');
    }
  }

  /** Null when a ticket with the same (creator, idempotency key) exists: the caller returns that one. */
  private async insertTicket(
    manager: EntityManager,
    fields: { input: OpenTicketInput; context: RoutingContext; decision: IntakeDecision; details: TicketDetails; createdBy: string; now: Date },
  ): Promise<Ticket | null> {
    const { input, context, decision, details, createdBy, now } = fields;
    const order = context.order;
    const carrierId = decision.routing.owner === OwnerParty.CARRIER ? order?.carrierId ?? null : null;
    const rows = await manager.query(
      `INSERT INTO tickets (subject, category, classification_confidence, channel, language, priority, status, owner_party,
         customer_id, order_id, shipment_id, seller_id, carrier_id, involved_carrier_ids,
         routing_rule_id, routing_rule_version, routing_reason, routed_at, details, missing_details,
         created_by, idempotency_key, last_customer_message_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'NEW', $7, $8, $9, $10, $11, $12, $13::bigint[], $14, $15, $16, $17, $18, $19::text[], $20, $21, $17, $17, $17)
       ON CONFLICT (created_by, idempotency_key) DO NOTHING
       RETURNING *`,
      [
        input.subject.trim(),
        decision.category,
        decision.classificationConfidence,
        input.channel,
        decision.language,
        decision.priority,
        decision.routing.owner,
        context.customerId,
        order?.id ?? null,
        order?.shipmentId ?? null,
        order?.sellerId ?? null,
        carrierId,
        carrierId === null ? [] : [carrierId],
        decision.routing.ruleId,
        decision.routing.ruleVersion,
        decision.routing.reason,
        now,
        JSON.stringify(details),
        decision.missingDetails,
        createdBy,
        input.idempotencyKey ?? null,
      ],
    );
    return hydrate(manager.connection, Ticket, rows)[0] ?? null;
  }

  private async existingTicket(manager: EntityManager, createdBy: string, idempotencyKey: string): Promise<Ticket> {
    const rows = await manager.query(`SELECT * FROM tickets WHERE created_by = $1 AND idempotency_key = $2`, [createdBy, idempotencyKey]);
    return hydrate(manager.connection, Ticket, rows)[0];
  }

  private openingEvents(ctx: RequestContext, ticket: Ticket, decision: IntakeDecision, messages: NewMessage[], messageIds: string[], now: Date): NewTicketEvent[] {
    const actor = actorOf(ctx.principal);
    return [
      {
        ticketId: ticket.id,
        type: TicketEventType.TICKET_OPENED,
        actor,
        createdAt: now,
        payload: {
          number: ticket.number,
          channel: ticket.channel,
          category: decision.category,
          classificationConfidence: decision.classificationConfidence,
          language: decision.language,
          priority: decision.priority,
          missingDetails: decision.missingDetails,
          customerId: toGlobalId('Customer', ticket.customerId),
          orderId: ticket.orderId ? toGlobalId('Order', ticket.orderId) : null,
        },
      },
      {
        ticketId: ticket.id,
        type: TicketEventType.TICKET_ROUTED,
        actor: SYSTEM_ACTOR,
        createdAt: now,
        payload: {
          owner: decision.routing.owner,
          rule: decision.routing.ruleId,
          ruleVersion: decision.routing.ruleVersion,
          reason: decision.routing.reason,
          sellerId: ticket.sellerId ? toGlobalId('Seller', ticket.sellerId) : null,
          carrierId: ticket.carrierId ? toGlobalId('Carrier', ticket.carrierId) : null,
        },
      },
      ...messages.map((message, index) => ({
        ticketId: ticket.id,
        type: TicketEventType.MESSAGE_POSTED,
        actor: message.authorRole === AuthorRole.BOT ? { role: AuthorRole.BOT, id: null } : actor,
        createdAt: message.createdAt,
        payload: messagePostedPayload({ id: messageIds[index], authorRole: message.authorRole, visibility: message.visibility }),
      })),
    ];
  }
}
