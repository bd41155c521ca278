// The life of SLA clocks (docs/sla.md) as pure functions over plain records: which clocks a change of a ticket
// starts, meets, pauses, resumes or cancels, and what the timers fire. Persisting the result and announcing it
// is the service's job; here `now` is always given and nothing is read or written.

import { OwnerParty, TicketStatus } from '../domain/enums';
import { BusinessCalendar } from './business-calendar.rule';
import { businessMinutesBetween } from './business-minutes.rule';
import { clockTimes, SlaMetric, SlaPolicy } from './sla-policy.rule';
import { SlaClock, SlaClockState, usedBusinessMinutes } from './sla-clock-model.rule';
import { retargetClocks } from './sla-retarget.rule';

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

const MILLISECONDS_PER_MINUTE = 60_000;

const isRunning = (clock: SlaClock) => clock.state === SlaClockState.ACTIVE || clock.state === SlaClockState.PAUSED;

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

function met(clock: SlaClock, now: Date, calendar: BusinessCalendar): { clock: SlaClock; outcome: SlaClockOutcome | null } {
  const used = usedBusinessMinutes(clock, now, calendar);
  // A breached clock stays BREACHED (recorded once, never undone); it only learns when it was finally met.
  if (clock.state === SlaClockState.BREACHED) return { clock: { ...clock, metAt: now, usedBusinessMinutes: used }, outcome: null };
  return { clock: { ...clock, state: SlaClockState.MET, metAt: now, pausedAt: null, usedBusinessMinutes: used }, outcome: 'MET' };
}

function cancelled(clock: SlaClock, now: Date, calendar: BusinessCalendar): { clock: SlaClock; outcome: SlaClockOutcome | null } {
  const used = usedBusinessMinutes(clock, now, calendar);
  if (clock.state === SlaClockState.BREACHED) return { clock: { ...clock, usedBusinessMinutes: used, cancelledAt: now }, outcome: null };
  return {
    clock: { ...clock, state: SlaClockState.CANCELLED, cancelledAt: now, pausedAt: null, usedBusinessMinutes: used },
    outcome: 'CANCELLED',
  };
}

function paused(clock: SlaClock, now: Date): SlaClock {
  return { ...clock, state: SlaClockState.PAUSED, pausedAt: now };
}

/**
 * `pausedBusinessMinutes` plus the business time in [from, to), summed in whole milliseconds: minutes are stored
 * as float8 fractions of a minute, and adding fractions would drift by a rounding error with every pause.
 */
function withPauseBetween(pausedBusinessMinutes: number, from: Date, to: Date, calendar: BusinessCalendar): number {
  const pausedMilliseconds =
    Math.round(pausedBusinessMinutes * MILLISECONDS_PER_MINUTE) +
    Math.max(0, Math.round(businessMinutesBetween(from, to, calendar) * MILLISECONDS_PER_MINUTE));
  return pausedMilliseconds / MILLISECONDS_PER_MINUTE;
}

/** Resumes a paused clock, paying the paused business time back on the due and warning times. */
function resumed(clock: SlaClock, now: Date, calendar: BusinessCalendar): SlaClock {
  if (clock.pausedAt === null) return clock;
  const pausedBusinessMinutes = withPauseBetween(clock.pausedBusinessMinutes, clock.pausedAt, now, calendar);
  const { dueAt, warnAt } = clockTimes({
    startedAt: clock.startedAt,
    targetMinutes: clock.targetMinutes,
    warningThreshold: clock.warningThreshold,
    calendar,
    pausedBusinessMinutes,
  });
  return { ...clock, state: SlaClockState.ACTIVE, pausedAt: null, pausedBusinessMinutes, dueAt, warnAt };
}

/**
 * The RESOLUTION clock of a reopened ticket, met at the solve: it runs again until the next solve, the time the
 * ticket sat solved counted as paused. A MET clock counts towards its due time again (paid back like a pause). A
 * BREACHED one stays BREACHED with its breach time and due time as recorded — it is never fired again (the timers
 * only act on ACTIVE clocks) — and only forgets when it was met, so that the next solve records the owner's use.
 */
function reopenedResolution(clock: SlaClock, now: Date, calendar: BusinessCalendar): SlaClock {
  const stopped = { ...clock, metAt: null, usedBusinessMinutes: null };
  if (clock.state === SlaClockState.MET) return resumed({ ...stopped, state: SlaClockState.PAUSED, pausedAt: clock.metAt }, now, calendar);
  return { ...stopped, pausedBusinessMinutes: withPauseBetween(clock.pausedBusinessMinutes, clock.metAt ?? now, now, calendar) };
}

/** Open (not yet met or cancelled) clocks of a metric, breached ones included: they still await the answer. */
const awaiting = (clock: SlaClock, metric: SlaMetric, ownerParty: OwnerParty) =>
  clock.metric === metric &&
  clock.ownerParty === ownerParty &&
  (isRunning(clock) || (clock.state === SlaClockState.BREACHED && clock.metAt === null && clock.cancelledAt === null));

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

type ClockChange = { clock: SlaClock; outcome: SlaClockOutcome | null };

/** What a signal's handler works with: the input, and where it records the clocks it changes and starts. */
interface PlanContext {
  input: PlanInput;
  change: (before: SlaClock, result: ClockChange) => void;
  /** Starts a clock of the current owner on the policy that applies now, paused from the start when asked. */
  start: (metric: SlaMetric, pausedFromStart?: boolean) => void;
}

type SignalOf<K extends SlaSignal['kind']> = Extract<SlaSignal, { kind: K }>;

/** How clocks start, pause, stop and hand over (docs/sla.md "Concepts"), one handler per signal; a signal without one does not compile. */
const SIGNAL_HANDLERS: { [K in SlaSignal['kind']]: (context: PlanContext, signal: SignalOf<K>) => void } = {
  OWNER_ASSIGNED: planHandOver,
  OWNER_RESPONDED: planOwnerResponse,
  CUSTOMER_WROTE: planCustomerMessage,
  STATUS_CHANGED: planStatusChange,
  POLICY_FACTS_CHANGED: planRetargeting,
};

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

const isFinished = (status: TicketStatus) => status === TicketStatus.SOLVED || status === TicketStatus.CLOSED;

const awaitsOwnerResponse = (clock: SlaClock, ownerParty: OwnerParty) =>
  awaiting(clock, SlaMetric.FIRST_RESPONSE, ownerParty) || awaiting(clock, SlaMetric.NEXT_RESPONSE, ownerParty);

/**
 * Hand-over: the old owner's share ends here; the new owner is measured from now on its own policy. Every clock
 * still awaiting something belongs to the previous owner (even another carrier of the same party).
 */
function planHandOver({ input, change, start }: PlanContext): void {
  const { ticket, now, calendarOf } = input;
  for (const clock of input.clocks) {
    if (awaiting(clock, clock.metric, clock.ownerParty))
      change(clock, cancelled(clock, now, calendarOf(clock.calendarId, clock.calendarVersion)));
  }
  if (isFinished(ticket.status)) return;
  start(SlaMetric.FIRST_RESPONSE);
  start(SlaMetric.RESOLUTION, ticket.status === TicketStatus.PENDING);
}

function planOwnerResponse({ input, change }: PlanContext): void {
  const { ticket, now, calendarOf } = input;
  for (const clock of input.clocks) {
    if (awaitsOwnerResponse(clock, ticket.ownerParty)) change(clock, met(clock, now, calendarOf(clock.calendarId, clock.calendarVersion)));
  }
}

/** NEXT_RESPONSE starts at the first customer message after an owner response; later ones wait on the same clock. */
function planCustomerMessage({ input, start }: PlanContext): void {
  const { ticket } = input;
  const waiting = input.clocks.some((clock) => awaitsOwnerResponse(clock, ticket.ownerParty));
  if (ticket.ownerHasResponded && !waiting && !isFinished(ticket.status)) start(SlaMetric.NEXT_RESPONSE);
}

function planStatusChange({ input, change, start }: PlanContext, { from, to }: SignalOf<'STATUS_CHANGED'>): void {
  for (const clock of input.clocks) {
    const result = clockOnStatusChange(clock, input, from, to);
    if (result) change(clock, result);
  }
  if (from !== TicketStatus.SOLVED || to === TicketStatus.CLOSED) return;
  // Reopened: the resolution clock resumes where it stopped; the time the ticket sat solved is not charged.
  const { ticket, now, calendarOf } = input;
  const resolution = input.clocks.find(
    (clock) => clock.metric === SlaMetric.RESOLUTION && clock.ownerParty === ticket.ownerParty && clock.metAt !== null,
  );
  if (resolution && (resolution.state === SlaClockState.MET || resolution.state === SlaClockState.BREACHED)) {
    change(resolution, {
      clock: reopenedResolution(resolution, now, calendarOf(resolution.calendarId, resolution.calendarVersion)),
      outcome: null,
    });
  } else if (!resolution) {
    start(SlaMetric.RESOLUTION);
  }
}

/** One clock across a status change: closing cancels, solving meets the owner's resolution, PENDING pauses it. */
function clockOnStatusChange(
  clock: SlaClock,
  { ticket, now, calendarOf }: PlanInput,
  from: TicketStatus,
  to: TicketStatus,
): ClockChange | null {
  const calendar = calendarOf(clock.calendarId, clock.calendarVersion);
  const isResolution = clock.metric === SlaMetric.RESOLUTION && clock.ownerParty === ticket.ownerParty;
  if (to === TicketStatus.CLOSED) return awaiting(clock, clock.metric, clock.ownerParty) ? cancelled(clock, now, calendar) : null;
  if (to === TicketStatus.SOLVED) {
    if (isResolution && awaiting(clock, SlaMetric.RESOLUTION, ticket.ownerParty)) {
      return met(clock.state === SlaClockState.PAUSED ? resumed(clock, now, calendar) : clock, now, calendar);
    }
    return isRunning(clock) ? cancelled(clock, now, calendar) : null;
  }
  if (to === TicketStatus.PENDING && isResolution && clock.state === SlaClockState.ACTIVE)
    return { clock: paused(clock, now), outcome: null };
  if (from === TicketStatus.PENDING && isResolution && clock.state === SlaClockState.PAUSED)
    return { clock: resumed(clock, now, calendar), outcome: null };
  return null;
}

/** A fact that selects the policy changed: running clocks move to the policy that now matches. */
function planRetargeting({ input, change }: PlanContext): void {
  const { clocks, ticket, policy, calendarOf, now } = input;
  for (const retargeted of retargetClocks({ clocks, ownerParty: ticket.ownerParty, policy, calendarOf, now })) {
    change(retargeted.before, { clock: retargeted.clock, outcome: retargeted.outcome });
  }
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
