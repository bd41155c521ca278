import { EntityManager } from 'typeorm';
import { assertNever, PrincipalRole, OwnerParty, TicketStatus } from '../domain/enums';
import { Ticket } from '../entities';
import { EscalateTicketParams, TransferTicketParams } from './params/ownership.params';
import { MutationResult, refused, succeeded, UserError, UserErrorCode, userError } from '../domain/user-error';
import { claimEligibility } from '../rules/claim-eligibility.rule';
import { actorOf, SYSTEM_ACTOR } from './actor';
import { decodeIdArgument } from './id-arguments';
import { loadRoutingContext } from './order-facts';
import { RequestContext } from './request-context';
import { OwnerChange, OwnerChanges, PlannedOwnerChanges } from './owner-changes';
import { SlaClockService, StoredTicketSla, TicketSlaChange } from './sla-clock.service';
import { NewTicketEvent } from './ticket-events';
import { lockTicket, lockTicketsForJob } from './ticket-changes';
import { isOwningParty } from './ticket-actors';
import { characterCount } from '../rules/text-input.rule';
import { ticketVersionConflict } from '../rules/ticket-version.rule';

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
  if (trimmed.length === 0 || characterCount(trimmed) > MAXIMUM_REASON_CHARACTERS) {
    return [userError(UserErrorCode.INVALID_INPUT, `reason must be 1–${MAXIMUM_REASON_CHARACTERS} characters`, 'input.reason')];
  }
  return [];
}

function stateErrors(ticket: Ticket, expectedVersion: number | undefined): UserError[] {
  const conflict = ticketVersionConflict(ticket, expectedVersion);
  if (conflict.length > 0) return conflict;
  if (ticket.status === TicketStatus.CLOSED)
    return [userError(UserErrorCode.TICKET_CLOSED, 'The ticket is closed; write to it to open a follow-up', 'input.ticketId')];
  return [];
}

async function carrierExists(manager: EntityManager, carrierId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM carriers WHERE id = $1`, [carrierId]);
  return rows.length > 0;
}

const isDue = (at: Date | null, now: Date) => at !== null && at.getTime() <= now.getTime();

/** An automatic escalation's kinds (the timers, a carrier's LOST report). */
export type AutomaticEscalationKind = EscalationKind.SELLER_SILENT | EscalationKind.CARRIER_STUCK;

export class TicketOwnershipService {
  private readonly ownerChanges: OwnerChanges;

  constructor(private readonly slaClock: SlaClockService) {
    this.ownerChanges = new OwnerChanges(slaClock);
  }

  async transferTicket(ctx: RequestContext, input: TransferTicketParams): Promise<MutationResult<Ticket>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const requestedCarrierId = input.carrierId ? decodeIdArgument(input.carrierId, 'Carrier', 'input.carrierId') : null;
    const reasonErrors = validateReason(input.reason);
    if (reasonErrors.length > 0) return refused(...reasonErrors);
    const { principal } = ctx;
    return ctx.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused<Ticket>(NO_SUCH_TICKET);
      if (principal.role !== PrincipalRole.AGENT && principal.role !== PrincipalRole.ADMIN) {
        return refused<Ticket>(
          userError(UserErrorCode.NOT_OWNER, 'Only platform agents transfer tickets; owners may escalate them', 'input.ticketId'),
        );
      }
      const errors = stateErrors(ticket, input.expectedVersion);
      if (errors.length > 0) return refused<Ticket>(...errors);

      let carrierId: string | null = null;
      if (input.toParty === OwnerParty.SELLER && ticket.sellerId === null) {
        return refused<Ticket>(
          userError(
            UserErrorCode.INVALID_INPUT,
            'The ticket has no seller: its order was sold by the platform, or there is no order',
            'input.toParty',
          ),
        );
      }
      if (input.toParty === OwnerParty.CARRIER) {
        carrierId = requestedCarrierId ?? (await this.shipmentCarrierOf(manager, ticket));
        if (carrierId === null)
          return refused<Ticket>(userError(UserErrorCode.INVALID_INPUT, 'Name the carrier: the ticket has no shipment', 'input.carrierId'));
        // Carriers are a public directory: saying that one does not exist reveals nothing.
        if (requestedCarrierId !== null && !(await carrierExists(manager, requestedCarrierId))) {
          return refused<Ticket>(userError(UserErrorCode.CARRIER_NOT_FOUND, 'No carrier has this id', 'input.carrierId'));
        }
      }
      if (ticket.ownerParty === input.toParty && (input.toParty !== OwnerParty.CARRIER || ticket.carrierId === carrierId)) {
        return refused<Ticket>(userError(UserErrorCode.ALREADY_OWNER, `The ticket is already owned by ${input.toParty}`, 'input.toParty'));
      }
      const change: OwnerChange = {
        toParty: input.toParty,
        carrierId,
        ruleId: TRANSFER_RULE_ID,
        reason: input.reason.trim(),
        actor: actorOf(principal),
        escalation: null,
      };
      const [changed] = await this.ownerChanges.apply(manager, ctx.now(), [{ ticket, state: await this.stateOf(manager, ticket), change }]);
      return succeeded(changed);
    });
  }

  async escalateTicket(ctx: RequestContext, input: EscalateTicketParams): Promise<MutationResult<Ticket>> {
    const ticketId = decodeIdArgument(input.ticketId, 'Ticket', 'input.ticketId');
    const reasonErrors = validateReason(input.reason);
    if (reasonErrors.length > 0) return refused(...reasonErrors);
    return ctx.dataSource.transaction(async (manager) => {
      const ticket = await lockTicket(manager, ctx, ticketId);
      if (!ticket) return refused<Ticket>(NO_SUCH_TICKET);
      const errors = stateErrors(ticket, input.expectedVersion);
      if (errors.length > 0) return refused<Ticket>(...errors);
      if (ticket.ownerParty === OwnerParty.PLATFORM) {
        return refused<Ticket>(userError(UserErrorCode.NOT_ESCALATABLE, 'The platform already owns this ticket', 'input.ticketId'));
      }

      const kind = await this.escalationKindOf(manager, ctx, ticket);
      if (typeof kind !== 'string') return refused<Ticket>(kind);
      const change: OwnerChange = {
        toParty: OwnerParty.PLATFORM,
        carrierId: null,
        ruleId: kind,
        reason: input.reason.trim(),
        actor: actorOf(ctx.principal),
        escalation: kind,
      };
      const [changed] = await this.ownerChanges.apply(manager, ctx.now(), [{ ticket, state: await this.stateOf(manager, ticket), change }]);
      return succeeded(changed);
    });
  }

  /**
   * Which escalation the caller's hand-up of `ticket` is, or why it may not: a customer's guarantee claim (once
   * eligible by the order's facts), the owner's hand-up, an agent's escalation.
   */
  private async escalationKindOf(manager: EntityManager, ctx: RequestContext, ticket: Ticket): Promise<EscalationKind | UserError> {
    const { principal } = ctx;
    switch (principal.role) {
      case PrincipalRole.CUSTOMER: {
        const { context } = await loadRoutingContext(manager, { customerId: ticket.customerId, orderId: ticket.orderId });
        const eligibility = claimEligibility(
          {
            owner: ticket.ownerParty,
            status: ticket.status,
            category: ticket.category,
            firstCustomerMessageAt: ticket.createdAt,
            order: context?.order?.facts ?? null,
          },
          ctx.now(),
        );
        if (!eligibility.eligible)
          return userError(UserErrorCode.CLAIM_NOT_ELIGIBLE, eligibility.reason, 'input.ticketId', { eligibleAt: eligibility.eligibleAt });
        return EscalationKind.CUSTOMER_CLAIM;
      }
      case PrincipalRole.SELLER:
      case PrincipalRole.CARRIER:
        return isOwningParty(principal, ticket)
          ? EscalationKind.HAND_UP
          : userError(UserErrorCode.NOT_OWNER, 'Only the owner of a ticket may hand it up', 'input.ticketId');
      case PrincipalRole.AGENT:
      case PrincipalRole.ADMIN:
        return EscalationKind.AGENT;
      case PrincipalRole.INTEGRATION:
        return userError(UserErrorCode.NOT_OWNER, 'Integrations cannot escalate tickets', 'input.ticketId');
      case PrincipalRole.SYSTEM:
        // The timers escalate through escalateAutomatically, with their own kinds.
        return userError(UserErrorCode.NOT_PERMITTED, 'The service escalates automatically, not by request', 'input.ticketId');
      default:
        return assertNever(principal);
    }
  }

  /**
   * For carriers' LOST reports and the seller-silence timer: escalates every ticket of `ticketIds` that it still
   * applies to (planAutomaticEscalations) in a constant number of statements however many there are. Returns the
   * escalated tickets and the ids of those it no longer applied to.
   */
  async escalateAutomatically(
    manager: EntityManager,
    now: Date,
    input: { ticketIds: readonly string[]; kind: AutomaticEscalationKind; reason: string },
  ): Promise<{ escalated: Ticket[]; notApplicable: string[] }> {
    if (input.ticketIds.length === 0) return { escalated: [], notApplicable: [] };
    const tickets = await lockTicketsForJob(manager, input.ticketIds);
    const { planned, notApplicable } = await this.planAutomaticEscalations(manager, now, {
      tickets,
      states: await this.slaClock.readStates(manager, tickets),
      kind: input.kind,
      reason: input.reason,
    });
    return { escalated: await this.ownerChanges.store(manager, planned, now), notApplicable };
  }

  /**
   * The escalations of locked tickets with their SLA states as they stand, planned, not written: for those it still
   * applies to — not on the platform already, not solved or closed, and for a silent seller, still due. The timer
   * sweep stores them with its own changes (storeAutomaticEscalations).
   */
  async planAutomaticEscalations(
    manager: EntityManager,
    now: Date,
    input: { tickets: readonly Ticket[]; states: ReadonlyMap<string, StoredTicketSla>; kind: AutomaticEscalationKind; reason: string },
  ): Promise<{ planned: PlannedOwnerChanges; notApplicable: string[] }> {
    const { states, kind } = input;
    const applies = (ticket: Ticket) =>
      ticket.ownerParty !== OwnerParty.PLATFORM &&
      ticket.status !== TicketStatus.CLOSED &&
      ticket.status !== TicketStatus.SOLVED &&
      (kind !== EscalationKind.SELLER_SILENT || isDue(states.get(ticket.id)!.escalationDueAt, now));
    const change: OwnerChange = {
      toParty: OwnerParty.PLATFORM,
      carrierId: null,
      ruleId: kind,
      reason: input.reason,
      actor: SYSTEM_ACTOR,
      escalation: kind,
    };
    const planned = await this.ownerChanges.plan(
      manager,
      now,
      input.tickets.filter(applies).map((ticket) => ({ ticket, state: states.get(ticket.id)!, change })),
    );
    return { planned, notApplicable: input.tickets.filter((ticket) => !applies(ticket)).map((ticket) => ticket.id) };
  }

  /**
   * Writes what planAutomaticEscalations planned, with the caller's own SLA plans and events of the transaction
   * in the same statements (OwnerChanges.store).
   */
  async storeAutomaticEscalations(
    manager: EntityManager,
    planned: PlannedOwnerChanges,
    now: Date,
    alongWith: { slaPlans: TicketSlaChange[]; events: NewTicketEvent[] },
  ): Promise<Ticket[]> {
    return this.ownerChanges.store(manager, planned, now, alongWith);
  }

  private async stateOf(manager: EntityManager, ticket: Ticket): Promise<StoredTicketSla> {
    return (await this.slaClock.readStates(manager, [ticket])).get(ticket.id)!;
  }

  private async shipmentCarrierOf(manager: EntityManager, ticket: Ticket): Promise<string | null> {
    if (ticket.shipmentId === null) return null;
    const rows: Array<{ carrier_id: string }> = await manager.query('SELECT carrier_id FROM shipments WHERE id = $1', [ticket.shipmentId]);
    return rows[0]?.carrier_id ?? null;
  }
}
