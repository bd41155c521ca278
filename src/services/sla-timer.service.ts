import { EntityManager } from 'typeorm';
import { OwnerParty } from '../domain/enums';
import { JobContext } from '../jobs/job-context';
import { SELLER_SILENCE_ESCALATION_HOURS } from '../rules/sla-clock.rule';
import { breachesCarrierResolution, planDueTimers } from '../rules/ticket-sla-plan.rule';
import { SlaClockService, slaEvents } from './sla-clock.service';
import { appendTicketEvents } from './ticket-events';
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

  async fireDueTimers(context: JobContext, now: Date, batchSize: number = TIMER_BATCH_SIZE): Promise<TimerRunResult> {
    const total: TimerRunResult = { warnings: 0, breaches: 0, escalations: 0 };
    // Most ticks find nothing: one statement says so, without a transaction (each instance ticks once a second).
    // Never prepared: a generic plan of `<= $1` expects a third of the rows to match, scans for the first, and finds
    // none (≈ 100 ms over 100,000 clocks instead of 0.1 ms).
    const [due]: Array<{ clocks: boolean; escalations: boolean }> = await context.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM sla_clocks WHERE next_fire_at <= $1) AS clocks,
              EXISTS (SELECT 1 FROM ticket_deadlines WHERE escalation_due_at <= $1) AS escalations`,
      [now],
    );
    for (let round = 0; due.clocks && round < MAXIMUM_ROUNDS_PER_RUN; round += 1) {
      const batch = await context.dataSource.transaction((manager) => this.fireClockBatch(manager, now, batchSize));
      total.warnings += batch.warnings;
      total.breaches += batch.breaches;
      total.escalations += batch.escalations;
      // Nothing claimable: nothing due, or what is due is being swept by another instance right now.
      if (batch.claimed === 0) break;
    }
    for (let round = 0; due.escalations && round < MAXIMUM_ROUNDS_PER_RUN; round += 1) {
      const escalated = await context.dataSource.transaction((manager) => this.escalateSilentSellers(manager, now, batchSize));
      total.escalations += escalated.escalated;
      if (escalated.claimed === 0) break;
    }
    return total;
  }

  private async fireClockBatch(manager: EntityManager, now: Date, batchSize: number): Promise<TimerRunResult & { claimed: number }> {
    // Tickets first, then their clocks: the order every change of a ticket takes its locks in, so the sweep never
    // deadlocks with a mutation, and the ticket's lock is what guards its clocks (they are read without one).
    // SKIP LOCKED leaves a ticket being changed (or swept by another instance) for the next tick.
    const claimed: Array<{ id: string; owner_party: OwnerParty }> = await manager.query(
      `SELECT t.id, t.owner_party FROM tickets t
       WHERE t.id IN (SELECT c.ticket_id FROM sla_clocks c WHERE c.next_fire_at <= $1 ORDER BY c.next_fire_at LIMIT ${batchSize * CLAIM_WINDOW_BATCHES})
       LIMIT ${batchSize}
       FOR NO KEY UPDATE OF t SKIP LOCKED`,
      [now],
    );
    if (claimed.length === 0) return { warnings: 0, breaches: 0, escalations: 0, claimed: 0 };
    const states = await this.slaClock.readCountingStates(manager, claimed.map((ticket) => ticket.id));
    const plans = claimed.map((ticket) => ({ ticketId: ticket.id, owner: ticket.owner_party, ...planDueTimers(states.get(ticket.id)!, now) }));
    await this.slaClock.storePlans(manager, plans);
    const events = slaEvents(plans, now);
    await appendTicketEvents(manager, events);
    const carrierStuck = plans.filter((plan) => breachesCarrierResolution(plan, plan.owner)).map((plan) => plan.ticketId);
    const { escalated } = await this.ownership.escalateAutomatically(manager, now, { ticketIds: carrierStuck, kind: EscalationKind.CARRIER_STUCK, reason: CARRIER_STUCK_REASON });
    return {
      warnings: events.filter((event) => event.payload.outcome === 'WARNED').length,
      breaches: events.filter((event) => event.payload.outcome === 'BREACHED').length,
      escalations: escalated.length,
      claimed: claimed.length,
    };
  }

  private async escalateSilentSellers(manager: EntityManager, now: Date, batchSize: number): Promise<{ escalated: number; claimed: number }> {
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
      await manager.query(`UPDATE ticket_deadlines SET escalation_due_at = NULL WHERE ticket_id = ANY($1::bigint[]) AND escalation_due_at <= $2`, [notApplicable, now]);
    }
    return { escalated: escalated.length, claimed: claimed.length };
  }
}
