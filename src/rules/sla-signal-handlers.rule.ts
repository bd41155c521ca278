// The per-signal handler table of the SLA clock plan (planClockChanges in sla-clock.rule.ts): how clocks start,
// pause, stop and hand over for each kind of change of a ticket (docs/sla.md "Concepts").

import { OwnerParty, TicketStatus } from '../domain/enums';
import type { PlanInput, SlaSignal } from './sla-clock.rule';
import { SlaClock, SlaClockState } from './sla-clock-model.rule';
import { awaiting, cancelled, ClockChange, isRunning, met, paused, reopenedResolution, resumed } from './sla-clock-transition.rule';
import { SlaMetric } from './sla-policy.rule';
import { retargetClocks } from './sla-retarget.rule';

/** What a signal's handler works with: the input, and where it records the clocks it changes and starts. */
export interface PlanContext {
  input: PlanInput;
  change: (before: SlaClock, result: ClockChange) => void;
  /** Starts a clock of the current owner on the policy that applies now, paused from the start when asked. */
  start: (metric: SlaMetric, pausedFromStart?: boolean) => void;
}

type SignalOf<K extends SlaSignal['kind']> = Extract<SlaSignal, { kind: K }>;

/** How clocks start, pause, stop and hand over (docs/sla.md "Concepts"), one handler per signal; a signal without one does not compile. */
export const SIGNAL_HANDLERS: { [K in SlaSignal['kind']]: (context: PlanContext, signal: SignalOf<K>) => void } = {
  OWNER_ASSIGNED: planHandOver,
  OWNER_RESPONDED: planOwnerResponse,
  CUSTOMER_WROTE: planCustomerMessage,
  STATUS_CHANGED: planStatusChange,
  POLICY_FACTS_CHANGED: planRetargeting,
};

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
