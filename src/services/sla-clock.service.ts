import { EntityManager } from 'typeorm';
import { hydrate } from '../db/hydrate';
import { CustomerTier, TicketEventType } from '../domain/enums';
import { Ticket } from '../entities';
import { nextDueAt, nextFireAt, planClockChanges, sellerSilenceEscalationAt, SlaClock, SlaClockOutcome, SlaSignal } from '../rules/sla-clock.rule';
import { SlaMetric, selectSlaPolicy } from '../rules/sla-policy.rule';
import { SYSTEM_ACTOR } from './actor';
import { SlaCatalog } from './sla-catalog';
import { SlaClockRow, slaClockFromRow } from './sla-clock-rows';
import { NewTicketEvent } from './ticket-events';

/**
 * Keeps a ticket's SLA clocks in step with its changes (DESIGN §5), inside the caller's transaction and after
 * the caller locked the ticket: reads the clocks, plans with the pure rules, writes the plan, announces SLA_MET,
 * and stores the ticket's next due time and seller-silence escalation time.
 */
export class SlaClockService {
  constructor(private readonly catalog: SlaCatalog) {}

  /**
   * Applies the signals in order (e.g. a customer reply that also moves PENDING → OPEN) in one read and one
   * write, and returns the SLA_MET events for the caller to append with its own (one insert for all).
   */
  async applySignals(
    manager: EntityManager,
    ticket: Ticket,
    signals: SlaSignal[],
    now: Date,
    known: { customerTier?: CustomerTier; isNewTicket?: boolean } = {},
  ): Promise<NewTicketEvent[]> {
    if (signals.length === 0) return [];
    const catalog = await this.catalog.load(manager);
    const { clocks: stored, customerTier } =
      known.isNewTicket && known.customerTier ? { clocks: [] as SlaClock[], customerTier: known.customerTier } : await this.readClocks(manager, ticket);
    const policy = selectSlaPolicy(
      { ownerParty: ticket.ownerParty, channel: ticket.channel, priority: ticket.priority, category: ticket.category, customerTier },
      catalog.policies,
    );
    // Clocks as the signals leave them, keyed by stored id (new clocks get a local key until stored).
    const clocks = new Map<string, SlaClock>(stored.map((clock) => [clock.id!, clock]));
    const changedIds = new Set<string>();
    const metClocks: SlaClock[] = [];
    let escalationDueAt = ticket.escalationDueAt;
    signals.forEach((signal, signalIndex) => {
      const current = [...clocks.values()];
      const plan = planClockChanges({
        clocks: current,
        ticket: { ownerParty: ticket.ownerParty, status: ticket.status, ownerHasResponded: ownerHasResponded(current, ticket) },
        signal,
        policy,
        calendarOf: catalog.calendarOf,
        now,
      });
      for (const { before, clock, outcome } of plan.changed) {
        const key = [...clocks.entries()].find(([, candidate]) => candidate === before)?.[0];
        if (key === undefined) continue;
        clocks.set(key, clock);
        changedIds.add(key);
        if (outcome === 'MET') metClocks.push(clock);
      }
      plan.started.forEach((clock, index) => clocks.set(`new:${signalIndex}:${index}`, clock));
      escalationDueAt = sellerSilenceEscalationAt({ ownerParty: ticket.ownerParty, status: ticket.status, signal, current: escalationDueAt, now });
    });
    const entries = [...clocks.entries()];
    await this.storeChanged(manager, entries.filter(([key]) => !key.startsWith('new:') && changedIds.has(key)).map(([, clock]) => clock));
    await this.storeStarted(manager, ticket.id, entries.filter(([key]) => key.startsWith('new:')).map(([, clock]) => clock));
    const nextSlaDueAt = nextDueAt([...clocks.values()]);
    if (!sameInstant(nextSlaDueAt, ticket.nextSlaDueAt) || !sameInstant(escalationDueAt, ticket.escalationDueAt)) {
      await manager.query(`UPDATE tickets SET next_sla_due_at = $2, escalation_due_at = $3 WHERE id = $1`, [ticket.id, nextSlaDueAt, escalationDueAt]);
    }
    return metClocks.map((clock) => clockEvent(ticket.id, TicketEventType.SLA_MET, clock, 'MET', now));
  }

  /**
   * The ticket's clocks and its customer's tier in one statement. No row lock: every writer of a ticket's clocks
   * (a change of the ticket, or the timer sweep) holds the ticket's lock first.
   */
  private async readClocks(manager: EntityManager, ticket: Ticket): Promise<{ clocks: SlaClock[]; customerTier: CustomerTier }> {
    const rows: Array<SlaClockRow & { customer_tier: CustomerTier }> = await manager.query(
      `SELECT c.*, cu.tier AS customer_tier FROM customers cu LEFT JOIN sla_clocks c ON c.ticket_id = $1 WHERE cu.id = $2 ORDER BY c.id`,
      [ticket.id, ticket.customerId],
    );
    return { clocks: rows.filter((row) => row.id !== null).map(slaClockFromRow), customerTier: rows[0].customer_tier };
  }

  private async storeChanged(manager: EntityManager, clocks: SlaClock[]): Promise<void> {
    if (clocks.length === 0) return;
    await manager.query(
      `UPDATE sla_clocks c SET state = u.state, due_at = u.due_at, warn_at = u.warn_at, paused_business_minutes = u.paused_business_minutes,
         paused_at = u.paused_at, met_at = u.met_at, cancelled_at = u.cancelled_at, used_business_minutes = u.used_business_minutes,
         next_fire_at = u.next_fire_at
       FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::real[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::real[], $10::timestamptz[])
         AS u(id, state, due_at, warn_at, paused_business_minutes, paused_at, met_at, cancelled_at, used_business_minutes, next_fire_at)
       WHERE c.id = u.id`,
      [
        clocks.map((clock) => clock.id),
        clocks.map((clock) => clock.state),
        clocks.map((clock) => clock.dueAt),
        clocks.map((clock) => clock.warnAt),
        clocks.map((clock) => clock.pausedBusinessMinutes),
        clocks.map((clock) => clock.pausedAt),
        clocks.map((clock) => clock.metAt),
        clocks.map((clock) => clock.cancelledAt),
        clocks.map((clock) => clock.usedBusinessMinutes),
        clocks.map((clock) => nextFireAt(clock)),
      ],
    );
  }

  private async storeStarted(manager: EntityManager, ticketId: string, clocks: SlaClock[]): Promise<void> {
    if (clocks.length === 0) return;
    await manager.query(
      `INSERT INTO sla_clocks (ticket_id, metric, owner_party, policy_id, policy_version, calendar_id, target_minutes, warning_threshold, state,
         started_at, due_at, warn_at, paused_at, next_fire_at)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::real[], $8::real[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::timestamptz[])`,
      [
        ticketId,
        clocks.map((clock) => clock.metric),
        clocks.map((clock) => clock.ownerParty),
        clocks.map((clock) => clock.policyId),
        clocks.map((clock) => clock.policyVersion),
        clocks.map((clock) => clock.calendarId),
        clocks.map((clock) => clock.targetMinutes),
        clocks.map((clock) => clock.warningThreshold),
        clocks.map((clock) => clock.state),
        clocks.map((clock) => clock.startedAt),
        clocks.map((clock) => clock.dueAt),
        clocks.map((clock) => clock.warnAt),
        clocks.map((clock) => clock.pausedAt),
        clocks.map((clock) => nextFireAt(clock)),
      ],
    );
  }
}

function sameInstant(left: Date | null, right: Date | null): boolean {
  return left === null || right === null ? left === right : left.getTime() === right.getTime();
}

/** The owner answered since it received the ticket: its latest FIRST_RESPONSE clock was met (on time or late). */
function ownerHasResponded(clocks: SlaClock[], ticket: Ticket): boolean {
  const firstResponses = clocks.filter((clock) => clock.metric === SlaMetric.FIRST_RESPONSE && clock.ownerParty === ticket.ownerParty);
  const latest = firstResponses[firstResponses.length - 1];
  return latest !== undefined && latest.metAt !== null;
}

export function clockEvent(ticketId: string, type: TicketEventType, clock: SlaClock, outcome: SlaClockOutcome, at: Date): NewTicketEvent {
  return {
    ticketId,
    type,
    actor: SYSTEM_ACTOR,
    createdAt: at,
    payload: {
      clockId: clock.id,
      metric: clock.metric,
      owner: clock.ownerParty,
      outcome,
      policy: { id: clock.policyId, version: clock.policyVersion },
      dueAt: clock.dueAt.toISOString(),
      ...(clock.metAt ? { metAt: clock.metAt.toISOString(), usedBusinessMinutes: clock.usedBusinessMinutes } : {}),
      ...(clock.breachedAt ? { breachedAt: clock.breachedAt.toISOString() } : {}),
    },
  };
}
