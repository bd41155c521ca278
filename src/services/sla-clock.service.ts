import { EntityManager } from 'typeorm';
import { SqlParameters } from '../db/sql-parameters';
import { assertNever, CustomerTier, TicketEventType } from '../domain/enums';
import { Ticket } from '../entities';
import { nextFireAt, SlaClockOutcome, SlaSignal } from '../rules/sla-clock.rule';
import { SlaClock } from '../rules/sla-clock-model.rule';
import { AnnouncedSlaOutcome, planTicketSla, TicketSlaFacts, TicketSlaPlan, TicketSlaState } from '../rules/ticket-sla-plan.rule';
import { toGlobalId } from '../domain/global-id';
import { SYSTEM_ACTOR } from './actor';
import { SlaCatalog } from './sla-catalog';
import {
  clockOwnerIdSql,
  SLA_COUNTING_STATE_JOINS,
  SLA_STATE_JOINS,
  SLA_STATE_ORDER,
  SLA_STATE_SELECT,
  SlaStateRow,
  slaStatesFromRows,
  STARTED_CLOCK_COLUMNS,
  startedClockArraysSql,
} from '../loaders/sla-clock-rows';
import { NewTicketEvent } from './ticket-events';

/** A ticket's stored SLA state with what policy selection needs besides the ticket itself. */
export interface StoredTicketSla extends TicketSlaState {
  customerTier: CustomerTier;
}

/** A plan with the ticket it is for. */
export type TicketSlaChange = TicketSlaPlan & { ticketId: string };

/** The SLA state of a ticket that has just been created: no clocks, no deadlines yet. */
export function newTicketSla(customerTier: CustomerTier): StoredTicketSla {
  return { clocks: [], nextSlaDueAt: null, escalationDueAt: null, customerTier };
}

/**
 * Keeps tickets' SLA clocks in step with their changes (docs/sla.md), inside the caller's transaction and after the
 * caller locked the tickets: reads the stored state, plans with the pure rules (src/rules/ticket-sla-plan.rule.ts)
 * and writes the plans. Every method takes many tickets and costs a constant number of statements, so that one
 * mutation and a sweep over thousands of due clocks take the same path.
 */
export class SlaClockService {
  constructor(private readonly catalog: SlaCatalog) {}

  /**
   * Applies one change's signals to one locked ticket and returns its SLA_MET events for the caller to append
   * with its own (one insert for all). `known.state`: the state the caller already read (or a new ticket's).
   */
  async applySignals(
    manager: EntityManager,
    ticket: Ticket,
    signals: SlaSignal[],
    now: Date,
    known: { state?: StoredTicketSla } = {},
  ): Promise<NewTicketEvent[]> {
    if (signals.length === 0) return [];
    const state = known.state ?? (await this.readStates(manager, [ticket])).get(ticket.id)!;
    const plans = await this.plan(manager, [{ ticket, state, signals }], now);
    await this.storePlans(manager, plans);
    return slaEvents(plans, now);
  }

  /**
   * Applies each locked ticket's signals (a batch of changes at one instant) and returns their SLA events, in the
   * order of `changes`: one read, one plan and at most three writes for the whole batch.
   */
  async applySignalsToTickets(
    manager: EntityManager,
    changes: ReadonlyArray<{ ticket: Ticket; signals: readonly SlaSignal[] }>,
    now: Date,
  ): Promise<NewTicketEvent[]> {
    const signalled = changes.filter((change) => change.signals.length > 0);
    if (signalled.length === 0) return [];
    const states = await this.readStates(
      manager,
      signalled.map((change) => change.ticket),
    );
    const plans = await this.plan(
      manager,
      signalled.map((change) => ({ ...change, state: states.get(change.ticket.id)! })),
      now,
    );
    await this.storePlans(manager, plans);
    return slaEvents(plans, now);
  }

  /**
   * The stored SLA state of each ticket (clocks, deadlines, customer tier) in one statement. No row lock: every
   * writer of a ticket's clocks and deadlines (a change of the ticket, or the timer sweep) holds the ticket's lock first.
   */
  async readStates(
    manager: EntityManager,
    tickets: ReadonlyArray<Pick<Ticket, 'id' | 'customerId'>>,
  ): Promise<Map<string, StoredTicketSla>> {
    if (tickets.length === 0) return new Map();
    const rows: Array<SlaStateRow & { customer_tier: CustomerTier }> = await manager.query(
      `SELECT ${SLA_STATE_SELECT}, cu.tier AS customer_tier
       FROM unnest($1::bigint[], $2::bigint[]) AS k(ticket_id, customer_id)
       JOIN customers cu ON cu.id = k.customer_id
       ${SLA_STATE_JOINS}
       ORDER BY ${SLA_STATE_ORDER}`,
      [tickets.map((ticket) => ticket.id), tickets.map((ticket) => ticket.customerId)],
    );
    return slaStatesFromRows(rows, (row, state) => ({ ...state, customerTier: row.customer_tier }));
  }

  /** Like readStates, but only the counting (ACTIVE) clocks and no tier: what the timers need, at a third of the rows. */
  async readCountingStates(manager: EntityManager, ticketIds: readonly string[]): Promise<Map<string, TicketSlaState>> {
    if (ticketIds.length === 0) return new Map();
    const rows: SlaStateRow[] = await manager.query(
      `SELECT ${SLA_STATE_SELECT} FROM unnest($1::bigint[]) AS k(ticket_id) ${SLA_COUNTING_STATE_JOINS} ORDER BY ${SLA_STATE_ORDER}`,
      [ticketIds],
    );
    return slaStatesFromRows(rows, (_row, state) => state);
  }

  /** Plans each ticket's signals against the active policies, the ticket as it stands after the change. */
  async plan(
    manager: EntityManager,
    changes: ReadonlyArray<{ ticket: Ticket; state: StoredTicketSla; signals: readonly SlaSignal[] }>,
    now: Date,
  ): Promise<Array<TicketSlaChange>> {
    const catalog = await this.catalog.load(manager);
    return changes.map(({ ticket, state, signals }) => ({
      ticketId: ticket.id,
      ...planTicketSla({
        ticket: slaFactsOf(ticket, state.customerTier),
        state,
        signals,
        policies: catalog.policies,
        calendarOf: catalog.calendarOf,
        now,
      }),
    }));
  }

  /** Writes plans of any number of tickets in at most three statements: changed clocks, started clocks, deadlines. */
  async storePlans(manager: EntityManager, plans: ReadonlyArray<TicketSlaChange>): Promise<void> {
    const changed = plans.flatMap((plan) => plan.changedClocks);
    const started = plans.flatMap((plan) => plan.startedClocks.map((clock) => ({ ticketId: plan.ticketId, clock })));
    const deadlines = plans.filter((plan) => plan.deadlinesChanged);
    if (changed.length > 0) await storeChangedClocks(manager, changed);
    if (started.length > 0) await storeStartedClocks(manager, started);
    if (deadlines.length > 0) await storeDeadlines(manager, deadlines);
  }
}

/** What policy selection and the clock rules look at, the ticket as it stands after the change (ids as global ids, as policies name them). */
export function slaFactsOf(ticket: Ticket, customerTier: CustomerTier): TicketSlaFacts {
  return {
    ownerParty: ticket.ownerParty,
    status: ticket.status,
    channel: ticket.channel,
    priority: ticket.priority,
    category: ticket.category,
    customerTier,
    sellerId: ticket.sellerId === null ? null : toGlobalId('Seller', ticket.sellerId),
    carrierId: ticket.carrierId === null ? null : toGlobalId('Carrier', ticket.carrierId),
    language: ticket.language,
  };
}

/** SLA_MET, SLA_WARNING and SLA_BREACHED of the plans, in plan order. */
export function slaEvents(plans: ReadonlyArray<TicketSlaChange>, now: Date): NewTicketEvent[] {
  return plans.flatMap((plan) =>
    plan.outcomes.map(({ clock, outcome }) => clockEvent(plan.ticketId, eventTypeOf(outcome), clock, outcome, now)),
  );
}

function eventTypeOf(outcome: AnnouncedSlaOutcome): TicketEventType {
  switch (outcome) {
    case 'MET':
      return TicketEventType.SLA_MET;
    case 'WARNED':
      return TicketEventType.SLA_WARNING;
    case 'BREACHED':
      return TicketEventType.SLA_BREACHED;
    case 'RETARGETED':
      return TicketEventType.SLA_RETARGETED;
    default:
      return assertNever(outcome);
  }
}

/** Every mutable column of each clock; the policy columns change only when a clock is re-targeted (sla-retarget.rule.ts). */
async function storeChangedClocks(manager: EntityManager, clocks: SlaClock[]): Promise<void> {
  await manager.query(
    `UPDATE sla_clocks c SET state = u.state, due_at = u.due_at, warn_at = u.warn_at, paused_business_minutes = u.paused_business_minutes,
       paused_at = u.paused_at, warned_at = u.warned_at, met_at = u.met_at, breached_at = u.breached_at, cancelled_at = u.cancelled_at,
       used_business_minutes = u.used_business_minutes, next_fire_at = u.next_fire_at, policy_id = u.policy_id, policy_version = u.policy_version,
       calendar_id = u.calendar_id, calendar_version = u.calendar_version, target_minutes = u.target_minutes, warning_threshold = u.warning_threshold
     FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::float8[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[],
       $9::timestamptz[], $10::timestamptz[], $11::float8[], $12::timestamptz[], $13::text[], $14::int[], $15::text[], $16::int[], $17::float8[], $18::float8[])
       AS u(id, state, due_at, warn_at, paused_business_minutes, paused_at, warned_at, met_at, breached_at, cancelled_at, used_business_minutes, next_fire_at,
         policy_id, policy_version, calendar_id, calendar_version, target_minutes, warning_threshold)
     WHERE c.id = u.id`,
    [
      clocks.map((clock) => clock.id),
      clocks.map((clock) => clock.state),
      clocks.map((clock) => clock.dueAt),
      clocks.map((clock) => clock.warnAt),
      clocks.map((clock) => clock.pausedBusinessMinutes),
      clocks.map((clock) => clock.pausedAt),
      clocks.map((clock) => clock.warnedAt),
      clocks.map((clock) => clock.metAt),
      clocks.map((clock) => clock.breachedAt),
      clocks.map((clock) => clock.cancelledAt),
      clocks.map((clock) => clock.usedBusinessMinutes),
      clocks.map((clock) => nextFireAt(clock)),
      clocks.map((clock) => clock.policyId),
      clocks.map((clock) => clock.policyVersion),
      clocks.map((clock) => clock.calendarId),
      clocks.map((clock) => clock.calendarVersion),
      clocks.map((clock) => clock.targetMinutes),
      clocks.map((clock) => clock.warningThreshold),
    ],
  );
}

async function storeStartedClocks(manager: EntityManager, started: Array<{ ticketId: string; clock: SlaClock }>): Promise<void> {
  const parameters = new SqlParameters();
  const ticketIds = parameters.add(started.map((entry) => entry.ticketId));
  // The ticket row already holds the owner the clocks start for: an owner change stores the ticket first.
  await manager.query(
    `INSERT INTO sla_clocks (ticket_id, owner_id, ${STARTED_CLOCK_COLUMNS})
     SELECT k.ticket_id, ${clockOwnerIdSql('k.owner_party', 't')}, ${STARTED_CLOCK_COLUMNS.split(', ')
       .map((column) => `k.${column}`)
       .join(', ')}
     FROM unnest(${ticketIds}::bigint[], ${startedClockArraysSql(
       started.map((entry) => entry.clock),
       parameters,
     )}) AS k(ticket_id, ${STARTED_CLOCK_COLUMNS})
     JOIN tickets t ON t.id = k.ticket_id`,
    parameters.values,
  );
}

async function storeDeadlines(manager: EntityManager, plans: ReadonlyArray<TicketSlaChange>): Promise<void> {
  await manager.query(
    `INSERT INTO ticket_deadlines (ticket_id, next_sla_due_at, escalation_due_at)
     SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[])
     ON CONFLICT (ticket_id) DO UPDATE SET next_sla_due_at = excluded.next_sla_due_at, escalation_due_at = excluded.escalation_due_at`,
    [
      plans.map((plan) => plan.ticketId),
      plans.map((plan) => plan.deadlines.nextSlaDueAt),
      plans.map((plan) => plan.deadlines.escalationDueAt),
    ],
  );
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
      ...(outcome === 'RETARGETED'
        ? {
            warnAt: clock.warnAt.toISOString(),
            targetMinutes: clock.targetMinutes,
            calendar: { id: clock.calendarId, version: clock.calendarVersion },
          }
        : {}),
    },
  };
}
