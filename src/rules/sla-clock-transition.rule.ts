// What happens to one SLA clock (sla-clock.rule.ts): met, cancelled, paused, resumed, reopened. Pure: `now` given.

import { OwnerParty } from '../domain/enums';
import { BusinessCalendar } from './business-calendar.rule';
import { businessMinutesBetween } from './business-minutes.rule';
import type { SlaClockOutcome } from './sla-clock.rule';
import { SlaClock, SlaClockState, usedBusinessMinutes } from './sla-clock-model.rule';
import { clockTimes, SlaMetric } from './sla-policy.rule';

/** A clock as one change leaves it, with what happened to it (for events); null outcome: nothing to announce. */
export type ClockChange = { clock: SlaClock; outcome: SlaClockOutcome | null };

const MILLISECONDS_PER_MINUTE = 60_000;

export const isRunning = (clock: SlaClock) => clock.state === SlaClockState.ACTIVE || clock.state === SlaClockState.PAUSED;

export function met(clock: SlaClock, now: Date, calendar: BusinessCalendar): { clock: SlaClock; outcome: SlaClockOutcome | null } {
  const used = usedBusinessMinutes(clock, now, calendar);
  // A breached clock stays BREACHED (recorded once, never undone); it only learns when it was finally met.
  if (clock.state === SlaClockState.BREACHED) return { clock: { ...clock, metAt: now, usedBusinessMinutes: used }, outcome: null };
  return { clock: { ...clock, state: SlaClockState.MET, metAt: now, pausedAt: null, usedBusinessMinutes: used }, outcome: 'MET' };
}

export function cancelled(clock: SlaClock, now: Date, calendar: BusinessCalendar): { clock: SlaClock; outcome: SlaClockOutcome | null } {
  const used = usedBusinessMinutes(clock, now, calendar);
  if (clock.state === SlaClockState.BREACHED) return { clock: { ...clock, usedBusinessMinutes: used, cancelledAt: now }, outcome: null };
  return {
    clock: { ...clock, state: SlaClockState.CANCELLED, cancelledAt: now, pausedAt: null, usedBusinessMinutes: used },
    outcome: 'CANCELLED',
  };
}

export function paused(clock: SlaClock, now: Date): SlaClock {
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
export function resumed(clock: SlaClock, now: Date, calendar: BusinessCalendar): SlaClock {
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
export function reopenedResolution(clock: SlaClock, now: Date, calendar: BusinessCalendar): SlaClock {
  const stopped = { ...clock, metAt: null, usedBusinessMinutes: null };
  if (clock.state === SlaClockState.MET) return resumed({ ...stopped, state: SlaClockState.PAUSED, pausedAt: clock.metAt }, now, calendar);
  return { ...stopped, pausedBusinessMinutes: withPauseBetween(clock.pausedBusinessMinutes, clock.metAt ?? now, now, calendar) };
}

/** Open (not yet met or cancelled) clocks of a metric, breached ones included: they still await the answer. */
export const awaiting = (clock: SlaClock, metric: SlaMetric, ownerParty: OwnerParty) =>
  clock.metric === metric &&
  clock.ownerParty === ownerParty &&
  (isRunning(clock) || (clock.state === SlaClockState.BREACHED && clock.metAt === null && clock.cancelledAt === null));
