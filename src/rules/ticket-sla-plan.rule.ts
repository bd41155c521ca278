// What one change of a ticket, or one tick of the timers, does to the ticket's SLA state as a whole: its clocks
// (planClockChanges signal by signal, fireDueClock), the earliest due time of its counting clocks and the moment a
// silent seller loses it. Pure, so that one ticket (a mutation) and a batch of thousands (the timer sweep) are
// planned by the same code and stored by the same statements.

import { OwnerParty, TicketStatus } from '../domain/enums';
import { BusinessCalendar } from './business-calendar.rule';
import { fireDueClock, nextDueAt, planClockChanges, sellerSilenceEscalationAt, SlaClockOutcome, SlaSignal } from './sla-clock.rule';
import { SlaClock } from './sla-clock-model.rule';
import { selectSlaPolicy, SlaMetric, SlaPolicy, SlaSubject } from './sla-policy.rule';

/** A ticket's SLA state as stored: its clocks (oldest first) and its two deadlines. */
export interface TicketSlaState {
  clocks: readonly SlaClock[];
  nextSlaDueAt: Date | null;
  escalationDueAt: Date | null;
}

/** The ticket as it stands after the change: what policy selection and the clock rules look at. */
export interface TicketSlaFacts extends SlaSubject {
  status: TicketStatus;
}

/** The outcomes that are announced as events (a cancelled clock is not: the owner change says why). */
export type AnnouncedSlaOutcome = Exclude<SlaClockOutcome, 'CANCELLED'>;

export interface TicketDeadlines {
  nextSlaDueAt: Date | null;
  escalationDueAt: Date | null;
}

export interface TicketSlaPlan {
  /** Stored clocks whose fields changed. */
  changedClocks: SlaClock[];
  /** New clocks, to be stored. */
  startedClocks: SlaClock[];
  /** What happened to a changed clock, where something worth an event did (met, warned, breached). */
  outcomes: Array<{ clock: SlaClock; outcome: AnnouncedSlaOutcome }>;
  deadlines: TicketDeadlines;
  /** False when the deadlines are the stored ones (nothing to write). */
  deadlinesChanged: boolean;
}

export interface PlanTicketSlaInput {
  ticket: TicketSlaFacts;
  state: TicketSlaState;
  /** Applied in order (a customer reply that also moves PENDING → OPEN resumes the clock before NEXT_RESPONSE starts). */
  signals: readonly SlaSignal[];
  policies: readonly SlaPolicy[];
  /** A calendar by id and version; the active version when no version is given. */
  calendarOf: (calendarId: string, version?: number) => BusinessCalendar;
  now: Date;
}

interface ClockEntry {
  clock: SlaClock;
  isStored: boolean;
  isChanged: boolean;
}

/** The signals of one change, applied to the ticket's clocks and deadlines. */
export function planTicketSla(input: PlanTicketSlaInput): TicketSlaPlan {
  const { ticket, state, now } = input;
  if (input.signals.length === 0) return unchangedPlan(state);
  const policy = selectSlaPolicy(ticket, input.policies);
  const entries: ClockEntry[] = state.clocks.map((clock) => ({ clock, isStored: true, isChanged: false }));
  const outcomes: Array<{ entry: ClockEntry; outcome: AnnouncedSlaOutcome }> = [];
  for (const signal of input.signals) {
    const current = entries.map((entry) => entry.clock);
    const plan = planClockChanges({
      clocks: current,
      ticket: { ownerParty: ticket.ownerParty, status: ticket.status, ownerHasResponded: ownerHasResponded(current, ticket.ownerParty) },
      signal,
      policy,
      calendarOf: input.calendarOf,
      now,
    });
    for (const { before, clock, outcome } of plan.changed) {
      const entry = entries.find((candidate) => candidate.clock === before);
      if (entry === undefined) continue;
      entry.clock = clock;
      entry.isChanged = true;
      if (outcome === 'MET' || outcome === 'RETARGETED') outcomes.push({ entry, outcome });
    }
    for (const clock of plan.started) entries.push({ clock, isStored: false, isChanged: true });
  }
  const clocks = entries.map((entry) => entry.clock);
  // From the clocks after every signal, never from the signals themselves (a status change is no customer message).
  const escalationDueAt = sellerSilenceEscalationAt({ ownerParty: ticket.ownerParty, status: ticket.status, clocks });
  return {
    changedClocks: entries.filter((entry) => entry.isStored && entry.isChanged).map((entry) => entry.clock),
    startedClocks: entries.filter((entry) => !entry.isStored).map((entry) => entry.clock),
    outcomes: outcomes.map(({ entry, outcome }) => ({ clock: entry.clock, outcome })),
    ...withDeadlines(state, { nextSlaDueAt: nextDueAt(clocks), escalationDueAt }),
  };
}

/** The timers' work on one ticket at `now`: every warning and breach that is due, and the deadlines after them. */
export function planDueTimers(state: TicketSlaState, now: Date): TicketSlaPlan {
  const clocks: SlaClock[] = [];
  const changedClocks: SlaClock[] = [];
  const outcomes: TicketSlaPlan['outcomes'] = [];
  for (const stored of state.clocks) {
    const fired = fireDueClock(stored, now);
    clocks.push(fired.clock);
    if (fired.outcomes.length === 0) continue;
    changedClocks.push(fired.clock);
    for (const outcome of fired.outcomes) if (outcome !== 'CANCELLED') outcomes.push({ clock: fired.clock, outcome });
  }
  return {
    changedClocks,
    startedClocks: [],
    outcomes,
    ...withDeadlines(state, { nextSlaDueAt: nextDueAt(clocks), escalationDueAt: state.escalationDueAt }),
  };
}

/**
 * One plan for two successive changes of a ticket in one transaction, `second` planned on the clocks and deadlines
 * as `first` left them (a timer's breach, then the escalation it causes): what to write once for both.
 */
export function mergeSlaPlans(first: TicketSlaPlan, second: TicketSlaPlan): TicketSlaPlan {
  const changed = new Map<string | null, SlaClock>(first.changedClocks.map((clock) => [clock.id, clock]));
  for (const clock of second.changedClocks) changed.set(clock.id, clock);
  return {
    changedClocks: [...changed.values()],
    startedClocks: [...first.startedClocks, ...second.startedClocks],
    outcomes: [...first.outcomes, ...second.outcomes],
    deadlines: second.deadlines,
    deadlinesChanged: first.deadlinesChanged || second.deadlinesChanged,
  };
}

/** The state a first plan leaves: the stored clocks with its changes, its new clocks, its deadlines. */
export function stateAfter<State extends TicketSlaState>(state: State, plan: TicketSlaPlan): State {
  const changed = new Map(plan.changedClocks.map((clock) => [clock.id, clock]));
  return {
    ...state,
    clocks: [...state.clocks.map((clock) => changed.get(clock.id) ?? clock), ...plan.startedClocks],
    nextSlaDueAt: plan.deadlines.nextSlaDueAt,
    escalationDueAt: plan.deadlines.escalationDueAt,
  };
}

/** Carrier stuck (docs/routing.md, "Owner changes"): a breach of the owning carrier's RESOLUTION clock hands the ticket to the platform. */
export function breachesCarrierResolution(plan: TicketSlaPlan, ticketOwner: OwnerParty): boolean {
  return (
    ticketOwner === OwnerParty.CARRIER &&
    plan.outcomes.some(
      ({ clock, outcome }) => outcome === 'BREACHED' && clock.metric === SlaMetric.RESOLUTION && clock.ownerParty === OwnerParty.CARRIER,
    )
  );
}

function unchangedPlan(state: TicketSlaState): TicketSlaPlan {
  return {
    changedClocks: [],
    startedClocks: [],
    outcomes: [],
    deadlines: { nextSlaDueAt: state.nextSlaDueAt, escalationDueAt: state.escalationDueAt },
    deadlinesChanged: false,
  };
}

function withDeadlines(state: TicketSlaState, deadlines: TicketDeadlines): Pick<TicketSlaPlan, 'deadlines' | 'deadlinesChanged'> {
  return {
    deadlines,
    deadlinesChanged:
      !sameInstant(deadlines.nextSlaDueAt, state.nextSlaDueAt) || !sameInstant(deadlines.escalationDueAt, state.escalationDueAt),
  };
}

function sameInstant(left: Date | null, right: Date | null): boolean {
  return left === null || right === null ? left === right : left.getTime() === right.getTime();
}

/** The owner answered since it received the ticket: its latest FIRST_RESPONSE clock was met (on time or late). */
function ownerHasResponded(clocks: readonly SlaClock[], ownerParty: OwnerParty): boolean {
  const firstResponses = clocks.filter((clock) => clock.metric === SlaMetric.FIRST_RESPONSE && clock.ownerParty === ownerParty);
  const latest = firstResponses[firstResponses.length - 1];
  return latest !== undefined && latest.metAt !== null;
}
