// What an SLA clock is: its states, its record and the business minutes its owner used. Shared by the clock
// plan (sla-clock.rule.ts) and re-targeting (sla-retarget.rule.ts). Pure.
import { OwnerParty } from '../domain/enums';
import { BusinessCalendar } from './business-calendar.rule';
import { businessMinutesBetween } from './business-minutes.rule';
import { SlaMetric } from './sla-policy.rule';

const MILLISECONDS_PER_MINUTE = 60_000;

export enum SlaClockState {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  MET = 'MET',
  BREACHED = 'BREACHED',
  CANCELLED = 'CANCELLED',
}

export interface SlaClock {
  /** Null until stored. */
  id: string | null;
  metric: SlaMetric;
  /** The party measured by this clock: each owner is measured on its own share. */
  ownerParty: OwnerParty;
  policyId: string;
  policyVersion: number;
  calendarId: string;
  /** The version of the calendar the clock runs on: later versions never move it. */
  calendarVersion: number;
  /** Business minutes on the calendar. */
  targetMinutes: number;
  warningThreshold: number;
  state: SlaClockState;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date;
  /** Business minutes spent paused so far; paid back on the due time. */
  pausedBusinessMinutes: number;
  pausedAt: Date | null;
  warnedAt: Date | null;
  metAt: Date | null;
  breachedAt: Date | null;
  cancelledAt: Date | null;
  /** Business minutes the owner used, set when the clock stops (met, breached-and-met, or cancelled). */
  usedBusinessMinutes: number | null;
}

/** Business minutes the owner has used so far: elapsed since the start, less the paused time, to the millisecond. */
export function usedBusinessMinutes(clock: SlaClock, now: Date, calendar: BusinessCalendar): number {
  const until = clock.pausedAt ?? now;
  const usedMilliseconds =
    Math.round(businessMinutesBetween(clock.startedAt, until, calendar) * MILLISECONDS_PER_MINUTE) -
    Math.round(clock.pausedBusinessMinutes * MILLISECONDS_PER_MINUTE);
  return Math.max(0, usedMilliseconds) / MILLISECONDS_PER_MINUTE;
}
