import { EntityManager } from 'typeorm';
import { assertNever, OwnerParty, TicketEventType } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { Ticket } from '../entities';
import { escalatedPriority } from '../rules/priority.rule';
import { SlaSignal } from '../rules/sla-clock.rule';
import { mergeSlaPlans } from '../rules/ticket-sla-plan.rule';
import { CallbackCancelReason } from '../domain/callback';
import { Actor } from './actor';
import { cancelScheduledCallbacks } from './callback-requests';
import { SlaClockService, slaEvents, StoredTicketSla, TicketSlaChange } from './sla-clock.service';
import { storeOwnerChanges } from './ticket-changes';
import { appendTicketEvents, NewTicketEvent } from './ticket-events';
import { planQueuePlacements, QueuePlacement, storeQueuePlacements, ticketQueuedEvent } from './ticket-queues';

/** A new owner for a ticket, and why (docs/routing.md "Owner changes": transfers, hand-ups, claims, automatic escalations). */
export interface OwnerChange {
  toParty: OwnerParty;
  carrierId: string | null;
  ruleId: string;
  reason: string;
  actor: Actor;
  /** The kind of escalation (EscalationKind), or null for a transfer. */
  escalation: string | null;
}

/** What owner changes write, planned in memory: the tickets as they will be stored, their SLA plans, their events. */
export interface PlannedOwnerChanges {
  tickets: Ticket[];
  slaPlans: TicketSlaChange[];
  /** Each change's OWNER_CHANGED or ESCALATED, TICKET_QUEUED and SLA_MET events, every payload with the ticket's new version. */
  events: NewTicketEvent[];
  /** The team queues of the tickets the changes give to the platform (queue table, src/services/ticket-queues.ts). */
  queuePlacements: QueuePlacement[];
  /** The escalations among the changes: who lost the ticket (ticket_escalations, read by scorecards). */
  escalations: EscalationAway[];
}

/** An escalation that took a ticket away from its owner. */
export interface EscalationAway {
  ticketId: string;
  fromParty: OwnerParty;
  /** The seller or carrier that lost it; null for the platform. */
  fromOwnerId: string | null;
  toParty: OwnerParty;
  kind: string;
}

export const NO_OWNER_CHANGES: PlannedOwnerChanges = Object.freeze({
  tickets: [],
  slaPlans: [],
  events: [],
  queuePlacements: [],
  escalations: [],
});

/** The seller or carrier that owns `ticket`; null when the platform does. */
function ownerIdOf(ticket: Ticket): string | null {
  switch (ticket.ownerParty) {
    case OwnerParty.SELLER:
      return ticket.sellerId;
    case OwnerParty.CARRIER:
      return ticket.carrierId;
    case OwnerParty.PLATFORM:
      return null;
    default:
      return assertNever(ticket.ownerParty);
  }
}

/** The ticket as the change leaves it, version and update time included (what storeOwnerChanges stores). */
function withOwner(ticket: Ticket, change: OwnerChange, now: Date): Ticket {
  const changed = Object.assign(new Ticket(), ticket, {
    ownerParty: change.toParty,
    routingRuleId: change.ruleId,
    routingRuleVersion: 1,
    routingReason: change.reason,
    routedAt: now,
    updatedAt: now,
    version: ticket.version + 1,
  });
  if (change.carrierId !== null) {
    changed.carrierId = change.carrierId;
    if (!ticket.involvedCarrierIds.includes(change.carrierId))
      changed.involvedCarrierIds = [...ticket.involvedCarrierIds, change.carrierId];
  }
  if (change.escalation !== null) {
    changed.isEscalated = true;
    changed.escalatedAt = now;
    changed.priority = escalatedPriority(ticket.priority);
  }
  return changed;
}

/**
 * The new owner's clocks start on the policy the changed ticket matches; a raised priority re-targets like any
 * priority change (with fresh clocks on the matching policy already, nothing is left to move today, but the one
 * rule decides whatever the change keeps running).
 */
function ownerChangeSignals(before: Ticket, changed: Ticket): SlaSignal[] {
  return before.priority === changed.priority
    ? [{ kind: 'OWNER_ASSIGNED' }]
    : [{ kind: 'OWNER_ASSIGNED' }, { kind: 'POLICY_FACTS_CHANGED' }];
}

function ownerChangeEvent(before: Ticket, changed: Ticket, change: OwnerChange, now: Date): NewTicketEvent {
  return {
    ticketId: before.id,
    type: change.escalation !== null ? TicketEventType.ESCALATED : TicketEventType.OWNER_CHANGED,
    actor: change.actor,
    createdAt: now,
    payload: {
      from: before.ownerParty,
      to: change.toParty,
      rule: change.ruleId,
      reason: change.reason,
      ...(change.escalation !== null ? { kind: change.escalation, priority: changed.priority, previousPriority: before.priority } : {}),
      carrierId: change.carrierId ? toGlobalId('Carrier', change.carrierId) : null,
    },
  };
}

/**
 * Owner changes of locked tickets, one or many: the same plan and the same statements for one transfer and a
 * timer's batch of escalations. The old owner's running clocks end and the new owner's start (docs/sla.md
 * "Hand-over"), planned on the SLA state the caller read.
 */
export class OwnerChanges {
  constructor(private readonly slaClock: SlaClockService) {}

  async plan(
    manager: EntityManager,
    now: Date,
    changes: ReadonlyArray<{ ticket: Ticket; state: StoredTicketSla; change: OwnerChange }>,
  ): Promise<PlannedOwnerChanges> {
    const tickets = changes.map(({ ticket, change }) => withOwner(ticket, change, now));
    const slaPlans = await this.slaClock.plan(
      manager,
      changes.map(({ ticket: before, state }, index) => ({
        ticket: tickets[index],
        state,
        signals: ownerChangeSignals(before, tickets[index]),
      })),
      now,
    );
    const metEvents = slaEvents(slaPlans, now);
    const queuePlacements = await planQueuePlacements(manager, tickets);
    const queuedEvents = new Map(queuePlacements.map((placement) => [placement.ticketId, ticketQueuedEvent(placement, now)]));
    const events = changes.flatMap(({ ticket: before, change }, index) => {
      const changed = tickets[index];
      const queued = queuedEvents.get(before.id);
      return [
        ownerChangeEvent(before, changed, change, now),
        ...(queued ? [queued] : []),
        ...metEvents.filter((event) => event.ticketId === before.id),
      ].map((event) => ({
        ...event,
        payload: { ...event.payload, version: changed.version },
      }));
    });
    const escalations = changes
      .filter(({ change }) => change.escalation !== null)
      .map(({ ticket: before, change }) => ({
        ticketId: before.id,
        fromParty: before.ownerParty,
        fromOwnerId: ownerIdOf(before),
        toParty: change.toParty,
        kind: change.escalation!,
      }));
    return { tickets, slaPlans, events, queuePlacements, escalations };
  }

  /**
   * Writes planned changes in a constant number of statements; returns the tickets as stored. `alongWith`: SLA
   * plans and events of the same transaction written in the same statements, the plans of a ticket merged with its
   * owner change's (which must have been planned on the state they leave: stateAfter).
   */
  async store(
    manager: EntityManager,
    planned: PlannedOwnerChanges,
    now: Date,
    alongWith: { slaPlans?: TicketSlaChange[]; events?: NewTicketEvent[] } = {},
  ): Promise<Ticket[]> {
    const stored = planned.tickets.length > 0 ? await storeOwnerChanges(manager, planned.tickets, now) : [];
    const byTicket = new Map(planned.slaPlans.map((plan) => [plan.ticketId, plan]));
    const merged = (alongWith.slaPlans ?? []).map((plan) => {
      const ownerChange = byTicket.get(plan.ticketId);
      byTicket.delete(plan.ticketId);
      return ownerChange ? { ticketId: plan.ticketId, ...mergeSlaPlans(plan, ownerChange) } : plan;
    });
    await this.slaClock.storePlans(manager, [...merged, ...byTicket.values()]);
    // After the clocks: the entries copy the ticket's next SLA due time as just stored.
    await storeQueuePlacements(manager, planned.queuePlacements, now);
    // Only the platform calls customers back: a callback still scheduled on a ticket handed off is off.
    const leftPlatform = planned.events
      .filter(
        (event) =>
          event.type === TicketEventType.OWNER_CHANGED &&
          event.payload.from === OwnerParty.PLATFORM &&
          event.payload.to !== OwnerParty.PLATFORM,
      )
      .map((event) => event.ticketId);
    const cancelled = await cancelScheduledCallbacks(manager, leftPlatform, CallbackCancelReason.OWNER_CHANGED, now);
    const versions = new Map(stored.map((ticket) => [ticket.id, ticket.version]));
    await appendTicketEvents(manager, [
      ...(alongWith.events ?? []),
      ...planned.events,
      ...cancelled.map((event) => ({ ...event, payload: { ...event.payload, version: versions.get(event.ticketId) } })),
    ]);
    if (planned.escalations.length > 0) await storeEscalations(manager, planned.escalations, now);
    return stored;
  }

  async apply(
    manager: EntityManager,
    now: Date,
    changes: ReadonlyArray<{ ticket: Ticket; state: StoredTicketSla; change: OwnerChange }>,
  ): Promise<Ticket[]> {
    if (changes.length === 0) return [];
    return this.store(manager, await this.plan(manager, now, changes), now);
  }
}

/** One statement for any number of escalations. */
async function storeEscalations(manager: EntityManager, escalations: readonly EscalationAway[], now: Date): Promise<void> {
  await manager.query(
    `INSERT INTO ticket_escalations (ticket_id, from_party, from_owner_id, to_party, kind, escalated_at)
     SELECT k.ticket_id, k.from_party, k.from_owner_id, k.to_party, k.kind, $6 FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[])
       AS k(ticket_id, from_party, from_owner_id, to_party, kind)`,
    [
      escalations.map((escalation) => escalation.ticketId),
      escalations.map((escalation) => escalation.fromParty),
      escalations.map((escalation) => escalation.fromOwnerId),
      escalations.map((escalation) => escalation.toParty),
      escalations.map((escalation) => escalation.kind),
      now,
    ],
  );
}
