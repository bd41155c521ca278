import { EntityManager } from 'typeorm';
import { OwnerParty } from '../domain/enums';
import { assertSystemPrincipal } from '../auth/principal';
import { RequestContext } from './request-context';
import { SELLER_SILENCE_ESCALATION_HOURS } from '../rules/sla-clock.rule';
import { breachesCarrierResolution, planDueTimers, stateAfter } from '../rules/ticket-sla-plan.rule';
import { NO_OWNER_CHANGES, PlannedOwnerChanges } from './owner-changes';
import { SlaClockService, slaEvents, TicketSlaChange } from './sla-clock.service';
import { lockTicketsForJob } from './ticket-changes';
import { EscalationKind, TicketOwnershipService } from './ticket-ownership.service';

export interface TimerRunResult {
  warnings: number;
  breaches: number;
  escalations: number;
}

/** Tickets handled per transaction (with all their due clocks); a wave larger than this takes several. */
export const TIMER_BATCH_SIZE = 1000;
/**
 * Due work a claim looks at, in batches: it locks the first TIMER_BATCH_SIZE of them that no other sweeper holds,
 * so that concurrent sweepers share a wave instead of skipping each other's batch and stopping.
 */
const CLAIM_WINDOW_BATCHES = 2;
/** A run ends after this many transactions even if work remains (the next tick continues): no tick runs forever. */
const MAXIMUM_ROUNDS_PER_RUN = 100;

const CARRIER_STUCK_REASON = 'The carrier did not resolve its investigation within 5 business days: the platform takes over';
const SELLER_SILENT_REASON = `The customer waited ${SELLER_SILENCE_ESCALATION_HOURS} hours without a reply from the seller: the marketplace guarantee moves the ticket to the platform`;

/**
 * The SLA timers: a sweep over the indexed `sla_clocks.next_fire_at` (and `ticket_deadlines.escalation_due_at`) that
 * any number of instances run at once. Tickets are claimed with SKIP LOCKED, their clocks advanced in the same
 * transaction that records their events, so each warning and breach fires exactly once, at the moment the sweep
 * sees it. A batch costs a constant number of statements, escalations included.
 */
export class SlaTimerService {
  constructor(
    private readonly slaClock: SlaClockService,
    private readonly ownership: TicketOwnershipService,
  ) {}

  /** `batchSize`: tickets per claim (tests and benchmarks vary it). */
  async fireDueTimers(ctx: RequestContext, input: { batchSize?: number } = {}): Promise<TimerRunResult> {
    assertSystemPrincipal(ctx.principal, 'Firing SLA timers');
    const now = ctx.now();
    const batchSize = input.batchSize ?? TIMER_BATCH_SIZE;
    const total: TimerRunResult = { warnings: 0, breaches: 0, escalations: 0 };
    // Most ticks find nothing: one statement says so, without a transaction (each instance ticks once a second).
    // Never prepared: a generic plan of `<= $1` expects a third of the rows to match, scans for the first, and finds
    // none (≈ 100 ms over 100,000 clocks instead of 0.1 ms).
    const [due]: Array<{ clocks: boolean; escalations: boolean }> = await ctx.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM sla_clocks WHERE next_fire_at <= $1) AS clocks,
              EXISTS (SELECT 1 FROM ticket_deadlines WHERE escalation_due_at <= $1) AS escalations`,
      [now],
    );
    for (let round = 0; due.clocks && round < MAXIMUM_ROUNDS_PER_RUN; round += 1) {
      const batch = await ctx.dataSource.transaction((manager) => this.fireClockBatch(manager, now, batchSize));
      total.warnings += batch.warnings;
      total.breaches += batch.breaches;
      total.escalations += batch.escalations;
      // Nothing claimable: nothing due, or what is due is being swept by another instance right now.
      if (batch.claimed === 0) break;
    }
    for (let round = 0; due.escalations && round < MAXIMUM_ROUNDS_PER_RUN; round += 1) {
      const escalated = await ctx.dataSource.transaction((manager) => this.escalateSilentSellers(manager, now, batchSize));
      total.escalations += escalated.escalated;
      if (escalated.claimed === 0) break;
    }
    return total;
  }

  private async fireClockBatch(manager: EntityManager, now: Date, batchSize: number): Promise<TimerRunResult & { claimed: number }> {
    // Tickets first, then their clocks: the order every change of a ticket takes its locks in, so the sweep never
    // deadlocks with a mutation, and the ticket's lock is what guards its clocks (they are read without one).
    // SKIP LOCKED leaves a ticket being changed (or swept by another instance) for the next tick.
    await claimInIndexOrder(manager);
    const claimed: Array<{ id: string; owner_party: OwnerParty }> = await manager.query(
      `SELECT t.id, t.owner_party FROM tickets t
       WHERE t.id IN (SELECT c.ticket_id FROM sla_clocks c WHERE c.next_fire_at <= $1 ORDER BY c.next_fire_at LIMIT ${batchSize * CLAIM_WINDOW_BATCHES})
       LIMIT ${batchSize}
       FOR NO KEY UPDATE OF t SKIP LOCKED`,
      [now],
    );
    if (claimed.length === 0) return { warnings: 0, breaches: 0, escalations: 0, claimed: 0 };
    const states = await this.slaClock.readCountingStates(
      manager,
      claimed.map((ticket) => ticket.id),
    );
    const plans = claimed.map((ticket) => ({
      ticketId: ticket.id,
      owner: ticket.owner_party,
      ...planDueTimers(states.get(ticket.id)!, now),
    }));
    const events = slaEvents(plans, now);
    // Carrier stuck (docs/routing.md, "Owner changes"): their escalations are planned on the clocks as the breaches leave them, and
    // written with the breaches in the same statements.
    const carrierStuck = plans.filter((plan) => breachesCarrierResolution(plan, plan.owner));
    const escalations = await this.planCarrierEscalations(manager, now, carrierStuck);
    const escalated = await this.ownership.storeAutomaticEscalations(manager, escalations, now, { slaPlans: plans, events });
    return {
      warnings: events.filter((event) => event.payload.outcome === 'WARNED').length,
      breaches: events.filter((event) => event.payload.outcome === 'BREACHED').length,
      escalations: escalated.length,
      claimed: claimed.length,
    };
  }

  /** Escalation plans for tickets whose breaches are planned (not yet stored), on their full state after them. */
  private async planCarrierEscalations(
    manager: EntityManager,
    now: Date,
    breaching: ReadonlyArray<TicketSlaChange>,
  ): Promise<PlannedOwnerChanges> {
    if (breaching.length === 0) return NO_OWNER_CHANGES;
    // Locked by the claim already; the full rows and states (every clock, the customer tier) are what planning reads.
    const tickets = await lockTicketsForJob(
      manager,
      breaching.map((plan) => plan.ticketId),
    );
    const stored = await this.slaClock.readStates(manager, tickets);
    const after = new Map(breaching.map((plan) => [plan.ticketId, stateAfter(stored.get(plan.ticketId)!, plan)]));
    const { planned } = await this.ownership.planAutomaticEscalations(manager, now, {
      tickets,
      states: after,
      kind: EscalationKind.CARRIER_STUCK,
      reason: CARRIER_STUCK_REASON,
    });
    return planned;
  }

  private async escalateSilentSellers(
    manager: EntityManager,
    now: Date,
    batchSize: number,
  ): Promise<{ escalated: number; claimed: number }> {
    await claimInIndexOrder(manager);
    const claimed: Array<{ id: string }> = await manager.query(
      `SELECT t.id FROM tickets t
       WHERE t.id IN (SELECT d.ticket_id FROM ticket_deadlines d WHERE d.escalation_due_at <= $1 ORDER BY d.escalation_due_at LIMIT ${batchSize * CLAIM_WINDOW_BATCHES})
       LIMIT ${batchSize}
       FOR NO KEY UPDATE OF t SKIP LOCKED`,
      [now],
    );
    if (claimed.length === 0) return { escalated: 0, claimed: 0 };
    const { escalated, notApplicable } = await this.ownership.escalateAutomatically(manager, now, {
      ticketIds: claimed.map((ticket) => ticket.id),
      kind: EscalationKind.SELLER_SILENT,
      reason: SELLER_SILENT_REASON,
    });
    // A ticket the escalation no longer applies to (solved, on the platform already) must not be claimed again.
    if (notApplicable.length > 0) {
      await manager.query(
        `UPDATE ticket_deadlines SET escalation_due_at = NULL WHERE ticket_id = ANY($1::bigint[]) AND escalation_due_at <= $2`,
        [notApplicable, now],
      );
    }
    return { escalated: escalated.length, claimed: claimed.length };
  }
}

/**
 * A claim reads due work in the order of its index and stops at its window. Statistics lag behind a wave (10,000
 * clocks come due between two analyses), so the planner expects a few due rows and prefers a bitmap scan that
 * reads all of them and sorts: every batch of a wave re-read the whole rest of it (≈ 130 ms a batch instead of
 * 30 at 1,000,000 tickets). An index scan also marks the index entries of rows an earlier batch updated as dead,
 * so that later claims skip them. The rest of a batch reads by id, where bitmap scans have no use.
 */
async function claimInIndexOrder(manager: EntityManager): Promise<void> {
  await manager.query('SET LOCAL enable_bitmapscan = off');
}
