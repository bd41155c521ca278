// Re-targeting (docs/sla.md, as Zendesk does): when a fact that selects the SLA policy changes while a ticket's
// clocks run — its priority (changeTicketPriority, an escalation's raise), its category (reclassification) — the
// running clocks of the current owner move to the policy that now matches. A clock keeps its start, its owner and
// the business minutes its owner already used; it takes the new policy's target, warning fraction and calendar, so
// its due and warning instants are those of a clock that had run on the new policy from its start. Stopped clocks
// (met, breached, cancelled) are history and never change. Pure: `now` is passed in.

import { OwnerParty } from '../domain/enums';
import { BusinessCalendar } from './business-calendar.rule';
import { businessMinutesBetween } from './business-minutes.rule';
import { SlaClock, SlaClockState, usedBusinessMinutes } from './sla-clock-model.rule';
import { clockTimes, SlaPolicy } from './sla-policy.rule';

const MILLISECONDS_PER_MINUTE = 60_000;

/** What re-targeting did to one clock: moved to the new policy, or cancelled (the new policy does not measure its metric). */
export type RetargetOutcome = 'RETARGETED' | 'CANCELLED';

export interface RetargetInput {
  clocks: readonly SlaClock[];
  /** The ticket's owner: only its running clocks are re-targeted (an earlier owner's share is settled). */
  ownerParty: OwnerParty;
  /** The policy that matches the ticket as it now stands. */
  policy: SlaPolicy;
  /** A calendar by id and version; the active version when no version is given. */
  calendarOf: (calendarId: string, version?: number) => BusinessCalendar;
  now: Date;
}

const isRunning = (clock: SlaClock) => clock.state === SlaClockState.ACTIVE || clock.state === SlaClockState.PAUSED;
const wholeMilliseconds = (minutes: number) => Math.round(minutes * MILLISECONDS_PER_MINUTE);

/** The clocks that change, with what happened to each; a clock already on the matching policy version is left alone. */
export function retargetClocks(input: RetargetInput): Array<{ before: SlaClock; clock: SlaClock; outcome: RetargetOutcome }> {
  const { policy, calendarOf, now } = input;
  const changes: Array<{ before: SlaClock; clock: SlaClock; outcome: RetargetOutcome }> = [];
  for (const clock of input.clocks) {
    if (clock.ownerParty !== input.ownerParty || !isRunning(clock)) continue;
    if (clock.policyId === policy.id && clock.policyVersion === policy.version) continue;
    const targetMinutes = policy.targetsInMinutes[clock.metric];
    if (targetMinutes === undefined) {
      changes.push({
        before: clock,
        clock: cancelledForNoTarget(clock, now, calendarOf(clock.calendarId, clock.calendarVersion)),
        outcome: 'CANCELLED',
      });
    } else {
      changes.push({ before: clock, clock: retargetedClock(clock, policy, targetMinutes, calendarOf, now), outcome: 'RETARGETED' });
    }
  }
  return changes;
}

/**
 * One running clock on `policy` (on the active version of its calendar). On the same calendar version the pause
 * carries over unchanged. On another calendar (or version) the
 * owner keeps the minutes it used (measured on the old calendar up to now, or up to the pause of a PAUSED clock),
 * and the new calendar's business time since the start beyond them counts as paused — never less than zero: when
 * the new calendar counted fewer open minutes than were used, the owner is charged what the new one counts.
 * A warning already given stays given unless the new warning instant lies ahead (then it warns again, then).
 * Also what a simulation of a proposed policy set asks of a stopped clock (`now` = when it was met).
 */
export function retargetedClock(
  clock: SlaClock,
  policy: SlaPolicy,
  targetMinutes: number,
  calendarOf: RetargetInput['calendarOf'],
  now: Date,
): SlaClock {
  const calendar = calendarOf(policy.calendarId);
  const calendarVersion = calendar.version ?? 1;
  let pausedBusinessMinutes = clock.pausedBusinessMinutes;
  if (clock.calendarId !== policy.calendarId || clock.calendarVersion !== calendarVersion) {
    const until = clock.pausedAt ?? now;
    const used = wholeMilliseconds(usedBusinessMinutes(clock, now, calendarOf(clock.calendarId, clock.calendarVersion)));
    const elapsedOnNewCalendar = wholeMilliseconds(Math.max(0, businessMinutesBetween(clock.startedAt, until, calendar)));
    pausedBusinessMinutes = Math.max(0, elapsedOnNewCalendar - used) / MILLISECONDS_PER_MINUTE;
  }
  const { dueAt, warnAt } = clockTimes({
    startedAt: clock.startedAt,
    targetMinutes,
    warningThreshold: policy.warningThreshold,
    calendar,
    pausedBusinessMinutes,
  });
  return {
    ...clock,
    policyId: policy.id,
    policyVersion: policy.version,
    calendarId: policy.calendarId,
    calendarVersion,
    targetMinutes,
    warningThreshold: policy.warningThreshold,
    pausedBusinessMinutes,
    dueAt,
    warnAt,
    warnedAt: clock.warnedAt !== null && warnAt <= now ? clock.warnedAt : null,
  };
}

function cancelledForNoTarget(clock: SlaClock, now: Date, calendar: BusinessCalendar): SlaClock {
  return {
    ...clock,
    state: SlaClockState.CANCELLED,
    cancelledAt: now,
    pausedAt: null,
    usedBusinessMinutes: usedBusinessMinutes(clock, now, calendar),
  };
}
