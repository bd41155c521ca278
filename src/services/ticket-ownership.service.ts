import { EntityManager } from 'typeorm';
import { PrincipalRole, OwnerParty, TicketEventType, TicketPriority, TicketStatus } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Ticket } from '../entities';
import { EscalateTicketInput, TransferTicketInput } from '../graphql/inputs/ownership.input';
import { MutationResult, refused, succeeded, UserError, UserErrorCode, userError } from '../graphql/user-error.type';
import { claimEligibility } from '../rules/claim-eligibility.rule';
import { Actor, actorOf } from './actor';
import { decodeIdArgument } from './id-arguments';
import { loadRoutingContext } from './order-facts';
import { RequestContext } from './request-context';
import { SlaClockService } from './sla-clock.service';
import { lockTicket, updateTicket } from './ticket-changes';
import { appendTicketEvents } from './ticket-events';

export enum EscalationKind {
  CUSTOMER_CLAIM = 'customer-claim',
  HAND_UP = 'hand-up',
  AGENT = 'agent-escalation',
  SELLER_SILENT = 'seller-silent',
  CARRIER_STUCK = 'carrier-stuck',
}

export const TRANSFER_RULE_ID = 'manual-transfer';
const MAXIMUM_REASON_CHARACTERS = 1000;
const NO_SUCH_TICKET = userError(UserErrorCode.NOT_FOUND, 'No such ticket', 'input.ticketId');

function validateReason(reason: string): UserError[] {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > MAXIMUM_REASON_CHARACTERS) {
    return [userError(UserErrorCode.INVALID_INPUT, `reason must be 1–${MAXIMUM_REASON_CHARACTERS} characters`, 'input.reason')];
  }
  return [];
}

function stateErrors(ticket: Ticket, expectedVersion: number | undefined): UserError[] {
  if (expectedVersion !== undefined && expectedVersion !== null && ticket.version !== expectedVersion) {
    return [userError(UserErrorCode.VERSION_CONFLICT, `The ticket changed: it is at version ${ticket.version}, not ${expectedVersion}`, 'input.expectedVersion')];
  }
  if (ticket.status === TicketStatus.CLOSED) return [userError(UserErrorCode.TICKET_CLOSED, 'The ticket is closed; write to it to open a follow-up', 'input.ticketId')];
  return [];
}

/** Escalation never lowers a priority; it raises anything below HIGH to HIGH (DESIGN §3). */
function escalatedPriority(priority: TicketPriority): TicketPriority {
  return priority === TicketPriority.URGENT ? TicketPriority.URGENT : TicketPriority.HIGH;
}

export class TicketOwnershipService {
  constructor(private readonly slaClock: SlaClockService) {}

  async transferTicket(ctx: RequestContext, input: TransferTicketInput): Promise<MutationResult<Ticket>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const requestedCarrierId = input.carrierId ? decodeIdArgument(input.carrierId, 'Carrier', 'input.carrierId') : null;
    const reasonErrors = validateReason(input.reason);
    if (reasonErrors.length > 0) return refused(...reasonErrors);
    const { principal } = ctx;
    return ctx.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused<Ticket>(NO_SUCH_TICKET);
      if (principal.role !== PrincipalRole.AGENT && principal.role !== PrincipalRole.ADMIN) {
        return refused<Ticket>(userError(UserErrorCode.NOT_OWNER, 'Only platform agents transfer tickets; owners may escalate them', 'input.ticketId'));
      }
      const errors = stateErrors(ticket, input.expectedVersion);
      if (errors.length > 0) return refused<Ticket>(...errors);

      let carrierId: string | null = null;
      if (input.toParty === OwnerParty.SELLER && ticket.sellerId === null) {
        return refused<Ticket>(userError(UserErrorCode.INVALID_INPUT, 'The ticket has no seller: its order was sold by the platform, or there is no order', 'input.toParty'));
      }
      if (input.toParty === OwnerParty.CARRIER) {
        carrierId = requestedCarrierId ?? (await this.shipmentCarrierOf(manager, ticket));
        if (carrierId === null) return refused<Ticket>(userError(UserErrorCode.INVALID_INPUT, 'Name the carrier: the ticket has no shipment', 'input.carrierId'));
      }
      if (ticket.ownerParty === input.toParty && (input.toParty !== OwnerParty.CARRIER || ticket.carrierId === carrierId)) {
        return refused<Ticket>(userError(UserErrorCode.ALREADY_OWNER, `The ticket is already owned by ${input.toParty}`, 'input.toParty'));
      }
      const changed = await this.changeOwner(manager, ctx.now(), ticket, {
        toParty: input.toParty,
        carrierId,
        ruleId: TRANSFER_RULE_ID,
        reason: input.reason.trim(),
        actor: actorOf(principal),
        escalation: null,
      });
      return succeeded(changed);
    });
  }

  async escalateTicket(ctx: RequestContext, input: EscalateTicketInput): Promise<MutationResult<Ticket>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const reasonErrors = validateReason(input.reason);
    if (reasonErrors.length > 0) return refused(...reasonErrors);
    const { principal } = ctx;
    return ctx.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused<Ticket>(NO_SUCH_TICKET);
      const errors = stateErrors(ticket, input.expectedVersion);
      if (errors.length > 0) return refused<Ticket>(...errors);
      if (ticket.ownerParty === OwnerParty.PLATFORM) {
        return refused<Ticket>(userError(UserErrorCode.NOT_ESCALATABLE, 'The platform already owns this ticket', 'input.ticketId'));
      }

      let kind: EscalationKind;
      switch (principal.role) {
        case PrincipalRole.CUSTOMER: {
          const { context } = await loadRoutingContext(manager, { customerId: ticket.customerId, orderId: ticket.orderId });
          const eligibility = claimEligibility(
            { owner: ticket.ownerParty, status: ticket.status, category: ticket.category, firstCustomerMessageAt: ticket.createdAt, order: context?.order?.facts ?? null },
            ctx.now(),
          );
          if (!eligibility.eligible) {
            return refused<Ticket>(userError(UserErrorCode.CLAIM_NOT_ELIGIBLE, eligibility.reason, 'input.ticketId', { eligibleAt: eligibility.eligibleAt }));
          }
          kind = EscalationKind.CUSTOMER_CLAIM;
          break;
        }
        case PrincipalRole.SELLER:
        case PrincipalRole.CARRIER: {
          const ownsIt =
            principal.role === PrincipalRole.SELLER
              ? ticket.ownerParty === OwnerParty.SELLER && ticket.sellerId === principal.sellerId
              : ticket.ownerParty === OwnerParty.CARRIER && ticket.carrierId === principal.carrierId;
          if (!ownsIt) return refused<Ticket>(userError(UserErrorCode.NOT_OWNER, 'Only the owner of a ticket may hand it up', 'input.ticketId'));
          kind = EscalationKind.HAND_UP;
          break;
        }
        case PrincipalRole.AGENT:
        case PrincipalRole.ADMIN:
          kind = EscalationKind.AGENT;
          break;
        case PrincipalRole.INTEGRATION:
          return refused<Ticket>(userError(UserErrorCode.NOT_OWNER, 'Integrations cannot escalate tickets', 'input.ticketId'));
      }
      const changed = await this.changeOwner(manager, ctx.now(), ticket, {
        toParty: OwnerParty.PLATFORM,
        carrierId: null,
        ruleId: kind,
        reason: input.reason.trim(),
        actor: actorOf(principal),
        escalation: kind,
      });
      return succeeded(changed);
    });
  }

  /**
   * For the SLA timers (seller silent 48 h, carrier stuck): escalates a ticket the job has locked. Returns
   * null when it no longer applies (already on the platform, or closed).
   */
  async escalateAutomatically(manager: EntityManager, now: Date, ticketId: string, kind: EscalationKind.SELLER_SILENT | EscalationKind.CARRIER_STUCK, reason: string): Promise<Ticket | null> {
    const ticket = await lockTicket(manager, null, ticketId);
    if (!ticket || ticket.ownerParty === OwnerParty.PLATFORM || ticket.status === TicketStatus.CLOSED || ticket.status === TicketStatus.SOLVED) return null;
    return this.changeOwner(manager, now, ticket, { toParty: OwnerParty.PLATFORM, carrierId: null, ruleId: kind, reason, actor: { role: 'SYSTEM', id: null }, escalation: kind });
  }

  private async changeOwner(
    manager: EntityManager,
    now: Date,
    ticket: Ticket,
    change: { toParty: OwnerParty; carrierId: string | null; ruleId: string; reason: string; actor: Actor; escalation: EscalationKind | null },
  ): Promise<Ticket> {
    const columns: Record<string, unknown> = {
      owner_party: change.toParty,
      routing_rule_id: change.ruleId,
      routing_rule_version: 1,
      routing_reason: change.reason,
      routed_at: now,
    };
    if (change.carrierId !== null) {
      columns.carrier_id = change.carrierId;
      columns.involved_carrier_ids = ticket.involvedCarrierIds.includes(change.carrierId) ? ticket.involvedCarrierIds : [...ticket.involvedCarrierIds, change.carrierId];
    }
    if (change.escalation !== null) {
      columns.is_escalated = true;
      columns.escalated_at = now;
      columns.priority = escalatedPriority(ticket.priority);
    }
    const changed = await updateTicket(manager, ticket.id, columns, now);
    const slaEvents = await this.slaClock.applySignals(manager, changed, [{ kind: 'OWNER_ASSIGNED' }], now);
    await appendTicketEvents(manager, [
      {
        ticketId: ticket.id,
        type: change.escalation !== null ? TicketEventType.ESCALATED : TicketEventType.OWNER_CHANGED,
        actor: change.actor,
        createdAt: now,
        payload: {
          from: ticket.ownerParty,
          to: change.toParty,
          rule: change.ruleId,
          reason: change.reason,
          ...(change.escalation !== null ? { kind: change.escalation, priority: changed.priority, previousPriority: ticket.priority } : {}),
          carrierId: change.carrierId ? toGlobalId('Carrier', change.carrierId) : null,
          version: changed.version,
        },
      },
      ...slaEvents.map((event) => ({ ...event, payload: { ...event.payload, version: changed.version } })),
    ]);
    return changed;
  }

  private async shipmentCarrierOf(manager: EntityManager, ticket: Ticket): Promise<string | null> {
    if (ticket.shipmentId === null) return null;
    const rows: Array<{ carrier_id: string }> = await manager.query('SELECT carrier_id FROM shipments WHERE id = $1', [ticket.shipmentId]);
    return rows[0]?.carrier_id ?? null;
  }
}
