import { EntityManager } from 'typeorm';
import { OwnerParty, TicketEventType } from '../domain/enums';
import { JobContext } from '../jobs/job-context';
import { fireDueClock, nextFireAt, SELLER_SILENCE_ESCALATION_HOURS, SlaClock } from '../rules/sla-clock.rule';
import { SlaMetric } from '../rules/sla-policy.rule';
import { clockEvent } from './sla-clock.service';
import { SlaClockRow, slaClockFromRow } from './sla-clock-rows';
import { appendTicketEvents, NewTicketEvent } from './ticket-events';
import { EscalationKind, TicketOwnershipService } from './ticket-ownership.service';

export interface TimerRunResult {
  warnings: number;
  breaches: number;
  escalations: number;
}

/** Tickets handled per transaction (with all their due clocks); a wave larger than this takes several. */
export const TIMER_BATCH_SIZE = 1000;
/** A run ends after this many transactions even if work remains (the next tick continues): no tick runs forever. */
const MAXIMUM_ROUNDS_PER_RUN = 100;

/**
 * The SLA timers: a sweep over the indexed `next_fire_at` (and `tickets.escalation_due_at`) that any number of
 * instances run at once. Tickets are claimed with SKIP LOCKED, their clocks advanced in the same transaction that
 * records their events, so each warning and breach fires exactly once, at the moment the sweep sees it.
 */
export class SlaTimerService {
  constructor(private readonly ownership: TicketOwnershipService) {}

  async fireDueTimers(context: JobContext, now: Date, batchSize: number = TIMER_BATCH_SIZE): Promise<TimerRunResult> {
    const total: TimerRunResult = { warnings: 0, breaches: 0, escalations: 0 };
    for (let round = 0; round < MAXIMUM_ROUNDS_PER_RUN; round += 1) {
      const batch = await context.dataSource.transaction((manager) => this.fireClockBatch(manager, now, batchSize));
      total.warnings += batch.warnings;
      total.breaches += batch.breaches;
      total.escalations += batch.escalations;
      // Nothing claimable: nothing due, or what is due is being swept by another instance right now.
      if (batch.claimed === 0) break;
    }
    for (let round = 0; round < MAXIMUM_ROUNDS_PER_RUN; round += 1) {
      const escalated = await context.dataSource.transaction((manager) => this.escalateSilentSellers(manager, now, batchSize));
      total.escalations += escalated.escalated;
      if (escalated.claimed === 0) break;
    }
    return total;
  }

  private async fireClockBatch(manager: EntityManager, now: Date, batchSize: number): Promise<TimerRunResult & { claimed: number }> {
    // Tickets first, then their clocks: the order every change of a ticket takes its locks in, so the sweep never
    // deadlocks with a mutation. SKIP LOCKED leaves a ticket being changed (or swept by another instance) for the
    // next tick; locking only tickets also means no clock row is held by one sweeper while its ticket is held by another.
    const claimed: Array<{ id: string }> = await manager.query(
      `SELECT t.id FROM tickets t
       WHERE t.id IN (SELECT c.ticket_id FROM sla_clocks c WHERE c.next_fire_at <= $1 ORDER BY c.next_fire_at LIMIT ${batchSize})
       FOR NO KEY UPDATE OF t SKIP LOCKED`,
      [now],
    );
    if (claimed.length === 0) return { warnings: 0, breaches: 0, escalations: 0, claimed: 0 };
    const rows: Array<SlaClockRow & { ticket_owner_party: OwnerParty }> = await manager.query(
      `SELECT c.*, t.owner_party AS ticket_owner_party FROM sla_clocks c JOIN tickets t ON t.id = c.ticket_id
       WHERE c.ticket_id = ANY($2::bigint[]) AND c.next_fire_at <= $1 ORDER BY c.next_fire_at FOR UPDATE OF c`,
      [now, claimed.map((ticket) => ticket.id)],
    );
    const fired: SlaClock[] = [];
    const events: NewTicketEvent[] = [];
    const carrierStuckTickets = new Set<string>();
    let warnings = 0;
    let breaches = 0;
    for (const row of rows) {
      const { clock, outcomes } = fireDueClock(slaClockFromRow(row), now);
      fired.push(clock);
      for (const outcome of outcomes) {
        if (outcome === 'WARNED') warnings += 1;
        if (outcome === 'BREACHED') breaches += 1;
        events.push(clockEvent(row.ticket_id, outcome === 'WARNED' ? TicketEventType.SLA_WARNING : TicketEventType.SLA_BREACHED, clock, outcome, now));
      }
      // DESIGN §4 "Carrier stuck": unresolved after its resolution target (5 business days).
      if (outcomes.includes('BREACHED') && clock.metric === SlaMetric.RESOLUTION && clock.ownerParty === OwnerParty.CARRIER && row.ticket_owner_party === OwnerParty.CARRIER) {
        carrierStuckTickets.add(row.ticket_id);
      }
    }
    if (fired.length > 0) {
      await manager.query(
        `UPDATE sla_clocks c SET state = u.state, warned_at = u.warned_at, breached_at = u.breached_at, next_fire_at = u.next_fire_at
         FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[]) AS u(id, state, warned_at, breached_at, next_fire_at)
         WHERE c.id = u.id`,
        [fired.map((clock) => clock.id), fired.map((clock) => clock.state), fired.map((clock) => clock.warnedAt), fired.map((clock) => clock.breachedAt), fired.map((clock) => nextFireAt(clock))],
      );
      await manager.query(
        `UPDATE tickets t SET next_sla_due_at = (SELECT min(c.due_at) FROM sla_clocks c WHERE c.ticket_id = t.id AND c.state = 'ACTIVE')
         WHERE t.id = ANY($1::bigint[])`,
        [[...new Set(rows.map((row) => row.ticket_id))]],
      );
      await appendTicketEvents(manager, events);
    }
    let escalations = 0;
    for (const ticketId of carrierStuckTickets) {
      const reason = 'The carrier did not resolve its investigation within 5 business days: the platform takes over';
      if (await this.ownership.escalateAutomatically(manager, now, ticketId, EscalationKind.CARRIER_STUCK, reason)) escalations += 1;
    }
    return { warnings, breaches, escalations, claimed: claimed.length };
  }

  private async escalateSilentSellers(manager: EntityManager, now: Date, batchSize: number): Promise<{ escalated: number; claimed: number }> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM tickets WHERE escalation_due_at <= $1 ORDER BY escalation_due_at LIMIT ${batchSize} FOR NO KEY UPDATE SKIP LOCKED`,
      [now],
    );
    let escalated = 0;
    for (const row of rows) {
      const reason = `The customer waited ${SELLER_SILENCE_ESCALATION_HOURS} hours without a reply from the seller: the marketplace guarantee moves the ticket to the platform`;
      const ticket = await this.ownership.escalateAutomatically(manager, now, row.id, EscalationKind.SELLER_SILENT, reason);
      if (ticket) escalated += 1;
      else await manager.query(`UPDATE tickets SET escalation_due_at = NULL WHERE id = $1`, [row.id]);
    }
    return { escalated, claimed: rows.length };
  }
}
