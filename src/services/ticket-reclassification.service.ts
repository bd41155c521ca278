import { EntityManager } from 'typeorm';
import { principalLabel } from '../auth/principal';
import { CustomerTier, OwnerParty, TicketCategory, TicketEventType, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { MutationResult, refused, succeeded, UserError, UserErrorCode, userError } from '../domain/user-error';
import { priorityFor, reportsTakeover } from '../rules/priority.rule';
import { route, RoutingDecision } from '../rules/routing.rule';
import { Actor, actorOf } from './actor';
import { decodeIdArgument } from './id-arguments';
import { loadRoutingContext, RoutingContext, routingRules } from './order-facts';
import { OwnerChange, OwnerChanges } from './owner-changes';
import { RequestContext } from './request-context';
import { staffChangeRefusals } from './staff-ticket-change';
import { SlaClockService } from './sla-clock.service';
import { lockTicket } from './ticket-changes';
import { TicketChangeWriter } from './ticket-change-writer';
import { appendTicketEvents } from './ticket-events';
import { planQueuePlacements, storeQueuePlacements, ticketQueuedEvent } from './ticket-queues';
import { ticketVersionConflict } from '../rules/ticket-version.rule';

/** An agent's correction of a ticket's category (plain input: the GraphQL input class satisfies it). */
export interface ReclassifyTicketRequest {
  ticketId: string;
  category: TicketCategory;
  reason: string;
  expectedVersion?: number | null;
}

/** Where the routing table sends the ticket with its corrected category; an escalated ticket stays with the platform. */
export interface Rerouting {
  decision: RoutingDecision;
  /** The owner change to apply, or null when the owner stays. */
  change: OwnerChange | null;
}

export class TicketReclassificationService {
  private readonly ownerChanges: OwnerChanges;

  constructor(
    private readonly slaClock: SlaClockService,
    private readonly ticketChanges: TicketChangeWriter,
  ) {
    this.ownerChanges = new OwnerChanges(slaClock);
  }

  /**
   * Sets the category an agent chose, derives the priority again, re-routes by the table (an owner change hands
   * the clocks over as a transfer does), writes TICKET_RECLASSIFIED, and stores the correction as a labelled
   * example for the next training — in one transaction.
   */
  async reclassifyTicket(ctx: RequestContext, input: ReclassifyTicketRequest): Promise<MutationResult<Ticket>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const { principal } = ctx;
    const refusedChange = staffChangeRefusals(principal, input.reason, 'reclassify tickets');
    if (refusedChange.length > 0) return refused(...refusedChange);
    const reason = input.reason.trim();
    return ctx.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused<Ticket>(userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId'));
      const errors = this.stateErrors(ticket, input);
      if (errors.length > 0) return refused<Ticket>(...errors);
      const now = ctx.now();
      const { context } = await loadRoutingContext(manager, { customerId: ticket.customerId, orderId: ticket.orderId });
      const firstMessage = await this.firstCustomerMessage(manager, ticket.id);
      const priority = reclassifiedPriority(ticket, input.category, context!.customerTier, firstMessage);
      const rules = await routingRules.load(manager);
      const decision = route({ category: input.category, confidence: 1, isGuess: false, order: context!.order?.facts ?? null }, rules, now);
      // One writer: the category and priority go through the ticket change writer, which re-targets running
      // clocks to the policy that now matches (policyFactsChanged) and writes the event with the new version.
      const reclassified = await this.ticketChanges.applyTicketChange(manager, {
        ticket,
        actor: actorOf(principal),
        now,
        statusMove: null,
        columns: { category: input.category, classificationConfidence: 1, classifierModelVersion: null, priority },
        events: [
          {
            type: TicketEventType.TICKET_RECLASSIFIED,
            payload: {
              from: ticket.category,
              to: input.category,
              reason,
              previousPriority: ticket.priority,
              priority,
              previousClassifierModelVersion: ticket.classifierModelVersion,
              routedBy: decision.ruleId,
            },
          },
        ],
        policyFactsChanged: true,
      });
      const rerouting = this.rerouting(reclassified, decision, { category: input.category, context: context!, reason, ctx });
      await this.storeFeedback(manager, {
        ticket,
        category: input.category,
        reason,
        body: firstMessage,
        context: context!,
        correctedBy: principalLabel(principal),
        now,
      });
      if (rerouting.change === null) {
        await requeueInPlace(manager, reclassified, actorOf(principal), now);
        return succeeded(reclassified);
      }
      const state = (await this.slaClock.readStates(manager, [reclassified])).get(reclassified.id)!;
      const [moved] = await this.ownerChanges.apply(manager, now, [{ ticket: reclassified, state, change: rerouting.change }]);
      return succeeded(moved);
    });
  }

  private stateErrors(ticket: Ticket, input: ReclassifyTicketRequest): UserError[] {
    const conflict = ticketVersionConflict(ticket, input.expectedVersion);
    if (conflict.length > 0) return conflict;
    if (ticket.status === TicketStatus.CLOSED)
      return [userError(UserErrorCode.TICKET_CLOSED, 'The ticket is closed; it can no longer be reclassified', 'input.ticketId')];
    if (ticket.category === input.category && ticket.classifierModelVersion === null && ticket.classificationConfidence === 1) {
      return [userError(UserErrorCode.INVALID_INPUT, `The ticket is already in category ${input.category}`, 'input.category')];
    }
    return [];
  }

  /** The owner change the table's decision for the corrected category asks for; escalated tickets stay on the platform. */
  private rerouting(
    ticket: Ticket,
    decision: RoutingDecision,
    { category, context, reason, ctx }: { category: TicketCategory; context: RoutingContext; reason: string; ctx: RequestContext },
  ): Rerouting {
    const carrierId = decision.owner === OwnerParty.CARRIER ? (context.order?.carrierId ?? null) : null;
    const unchanged = ticket.ownerParty === decision.owner && (decision.owner !== OwnerParty.CARRIER || ticket.carrierId === carrierId);
    if (unchanged || ticket.isEscalated || (decision.owner === OwnerParty.CARRIER && carrierId === null)) return { decision, change: null };
    return {
      decision,
      change: {
        toParty: decision.owner,
        carrierId,
        ruleId: decision.ruleId,
        reason: `Reclassified as ${category} (${reason}): ${decision.reason}`,
        actor: actorOf(ctx.principal),
        escalation: null,
      },
    };
  }

  private async firstCustomerMessage(manager: EntityManager, ticketId: string): Promise<string> {
    const rows: Array<{ body: string }> = await manager.query(
      `SELECT body FROM messages WHERE ticket_id = $1 AND author_role = 'CUSTOMER' ORDER BY created_at, id LIMIT 1`,
      [ticketId],
    );
    return rows[0]?.body ?? '';
  }

  private async storeFeedback(
    manager: EntityManager,
    fields: {
      ticket: Ticket;
      category: TicketCategory;
      reason: string;
      body: string;
      context: RoutingContext;
      correctedBy: string;
      now: Date;
    },
  ): Promise<void> {
    const { ticket, context } = fields;
    const facts = context.order?.facts ?? null;
    const orderFacts =
      facts === null
        ? null
        : {
            fulfillment: facts.fulfillment,
            status: facts.status,
            shipmentStatus: facts.shipment?.status ?? null,
            returnStatus: facts.return?.status ?? null,
          };
    await manager.query(
      `INSERT INTO intake_feedback (ticket_id, channel, language, subject, body, previous_category, previous_confidence, classifier_model_version,
         category, reason, order_facts, corrected_by, corrected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        ticket.id,
        ticket.channel,
        ticket.language,
        ticket.subject,
        fields.body,
        ticket.category,
        ticket.classificationConfidence,
        ticket.classifierModelVersion,
        fields.category,
        fields.reason,
        orderFacts === null ? null : JSON.stringify(orderFacts),
        fields.correctedBy,
        fields.now,
      ],
    );
  }
}

/** The priority derived again for the corrected category (a reported takeover still counts). */
function reclassifiedPriority(ticket: Ticket, category: TicketCategory, tier: CustomerTier, firstMessage: string) {
  return priorityFor({
    category,
    tier,
    takeoverReported:
      ticket.details.takeoverReported === true ||
      ticket.details.unauthorisedOrders === true ||
      reportsTakeover(ticket.subject, firstMessage),
    isEscalated: ticket.isEscalated,
  });
}

/** The owner stays: a platform ticket's queue is decided again with its new category (an owner change does it itself). */
async function requeueInPlace(manager: EntityManager, reclassified: Ticket, actor: Actor, now: Date): Promise<void> {
  const placements = await planQueuePlacements(manager, [reclassified]);
  await storeQueuePlacements(manager, placements, now);
  await appendTicketEvents(
    manager,
    placements.map((placement) => ({
      ...ticketQueuedEvent(placement, now, actor),
      payload: { ...ticketQueuedEvent(placement, now).payload, version: reclassified.version },
    })),
  );
}
