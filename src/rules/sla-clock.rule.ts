// The life of SLA clocks (docs/sla.md) as pure functions over plain records: which clocks a change of a ticket
// starts, meets, pauses, resumes or cancels, and what the timers fire. Persisting the result and announcing it
// is the service's job; here `now` is always given and nothing is read or written. What each signal does:
// sla-signal-handlers.rule.ts; what happens to one clock: sla-clock-transition.rule.ts.

import { OwnerParty, TicketStatus } from '../domain/enums';
import { BusinessCalendar } from './business-calendar.rule';
import { clockTimes, SlaMetric, SlaPolicy } from './sla-policy.rule';
import { SlaClock, SlaClockState, usedBusinessMinutes } from './sla-clock-model.rule';
import { awaiting, ClockChange, paused } from './sla-clock-transition.rule';
import { PlanContext, SIGNAL_HANDLERS } from './sla-signal-handlers.rule';

/** What happened to a ticket, as the clocks care about it. */
export type SlaSignal =
  | { kind: 'OWNER_ASSIGNED' }
  | { kind: 'OWNER_RESPONDED' }
  | { kind: 'CUSTOMER_WROTE' }
  | { kind: 'STATUS_CHANGED'; from: TicketStatus; to: TicketStatus }
  /** A fact that selects the policy changed (priority, category): running clocks move to the policy that now matches. */
  | { kind: 'POLICY_FACTS_CHANGED' };

export interface SlaTicketFacts {
  ownerParty: OwnerParty;
  status: TicketStatus;
  /** True once the current owner has answered publicly since it received the ticket. */
  ownerHasResponded: boolean;
}

export type SlaClockOutcome = 'MET' | 'CANCELLED' | 'BREACHED' | 'WARNED' | 'RETARGETED';

export interface SlaClockPlan {
  /** Clocks whose fields changed (`before` is the input object), with what happened to them (for events). */
  changed: Array<{ before: SlaClock; clock: SlaClock; outcome: SlaClockOutcome | null }>;
  /** New clocks to store. */
  started: SlaClock[];
}

export function startClock(
  metric: SlaMetric,
  ownerParty: OwnerParty,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  startedAt: Date,
): SlaClock | null {
  const targetMinutes = policy.targetsInMinutes[metric];
  if (targetMinutes === undefined) return null;
  const { dueAt, warnAt } = clockTimes({ startedAt, targetMinutes, warningThreshold: policy.warningThreshold, calendar });
  return {
    id: null,
    metric,
    ownerParty,
    policyId: policy.id,
    policyVersion: policy.version,
    calendarId: calendar.id,
    calendarVersion: calendar.version ?? 1,
    targetMinutes,
    warningThreshold: policy.warningThreshold,
    state: SlaClockState.ACTIVE,
    startedAt,
    dueAt,
    warnAt,
    pausedBusinessMinutes: 0,
    pausedAt: null,
    warnedAt: null,
    metAt: null,
    breachedAt: null,
    cancelledAt: null,
    usedBusinessMinutes: null,
  };
}

/** Business minutes left before the due time (negative once overdue); null for a stopped clock. */
export function remainingBusinessMinutes(clock: SlaClock, now: Date, calendar: BusinessCalendar): number | null {
  if (clock.state === SlaClockState.MET || clock.state === SlaClockState.CANCELLED) return null;
  if (clock.state === SlaClockState.BREACHED && clock.metAt !== null) return null;
  return clock.targetMinutes - usedBusinessMinutes(clock, now, calendar);
}

/** The next instant a timer must act on the clock, or null when nothing is left to fire. */
export function nextFireAt(clock: SlaClock): Date | null {
  if (clock.state !== SlaClockState.ACTIVE) return null;
  return clock.warnedAt === null && clock.warnAt < clock.dueAt ? clock.warnAt : clock.dueAt;
}

export interface PlanInput {
  clocks: readonly SlaClock[];
  ticket: SlaTicketFacts;
  signal: SlaSignal;
  /** The policy that applies to the ticket as it now stands (after the change). */
  policy: SlaPolicy;
  /** A calendar by id and version; the active version when no version is given. */
  calendarOf: (calendarId: string, version?: number) => BusinessCalendar;
  now: Date;
}

/** What one change of a ticket does to its clocks. */
export function planClockChanges(input: PlanInput): SlaClockPlan {
  const { ticket, policy, calendarOf, now } = input;
  const changed = new Map<SlaClock, ClockChange>();
  const started: SlaClock[] = [];
  const policyCalendar = calendarOf(policy.calendarId);
  const context: PlanContext = {
    input,
    change: (before, result) => changed.set(before, result),
    start: (metric, pausedFromStart = false) => {
      const clock = startClock(metric, ticket.ownerParty, policy, policyCalendar, now);
      if (clock) started.push(pausedFromStart ? paused(clock, now) : clock);
    },
  };
  const handle = SIGNAL_HANDLERS[input.signal.kind] as (context: PlanContext, signal: SlaSignal) => void;
  handle(context, input.signal);
  return { changed: [...changed.entries()].map(([before, result]) => ({ before, ...result })), started };
}

/** Timer work due at `now` for an ACTIVE clock: a warning, a breach, or both when both instants passed. */
export function fireDueClock(clock: SlaClock, now: Date): { clock: SlaClock; outcomes: SlaClockOutcome[] } {
  if (clock.state !== SlaClockState.ACTIVE) return { clock, outcomes: [] };
  const outcomes: SlaClockOutcome[] = [];
  let fired = clock;
  if (fired.warnedAt === null && fired.warnAt <= now) {
    fired = { ...fired, warnedAt: now };
    outcomes.push('WARNED');
  }
  if (fired.dueAt <= now) {
    // Recorded at the moment the timer sees it, never backdated to the due time.
    fired = { ...fired, state: SlaClockState.BREACHED, breachedAt: now };
    outcomes.push('BREACHED');
  }
  return { clock: fired, outcomes };
}

/** The earliest due time among clocks still counting towards a breach (`Ticket.sla.nextDueAt`). */
export function nextDueAt(clocks: readonly SlaClock[]): Date | null {
  let earliest: Date | null = null;
  for (const clock of clocks) {
    if (clock.state === SlaClockState.ACTIVE && (earliest === null || clock.dueAt < earliest)) earliest = clock.dueAt;
  }
  return earliest;
}

/** Seller silent (docs/routing.md, "Owner changes"): a customer waiting this long for the owning seller moves the ticket to the platform. */
export const SELLER_SILENCE_ESCALATION_HOURS = 48;

/**
 * When the seller-silence escalation fires, derived from the clocks as they stand after a change, or null when
 * no seller is keeping a customer waiting: 48 h after the start of the oldest seller-owned FIRST_RESPONSE or
 * NEXT_RESPONSE clock still awaiting a reply (breached ones included) — that start is the customer's oldest
 * unanswered message (or the hand-over that gave the seller the waiting customer). Status changes never re-arm
 * it: a seller who answered and then moves the ticket (ON_HOLD, PENDING and OPEN again) has no waiting clock.
 * Absent while the ticket waits on the customer (PENDING) or is finished. Real hours, not business time: the
 * marketplace guarantee is a promise to the customer.
 */
export function sellerSilenceEscalationAt(input: {
  ownerParty: OwnerParty;
  status: TicketStatus;
  clocks: readonly SlaClock[];
}): Date | null {
  const { ownerParty, status, clocks } = input;
  if (ownerParty !== OwnerParty.SELLER) return null;
  if (status === TicketStatus.PENDING || status === TicketStatus.SOLVED || status === TicketStatus.CLOSED) return null;
  let oldestWaitingStart: Date | null = null;
  for (const clock of clocks) {
    const waits =
      awaiting(clock, SlaMetric.FIRST_RESPONSE, OwnerParty.SELLER) || awaiting(clock, SlaMetric.NEXT_RESPONSE, OwnerParty.SELLER);
    if (waits && (oldestWaitingStart === null || clock.startedAt < oldestWaitingStart)) oldestWaitingStart = clock.startedAt;
  }
  return oldestWaitingStart === null ? null : new Date(oldestWaitingStart.getTime() + SELLER_SILENCE_ESCALATION_HOURS * 3_600_000);
}
