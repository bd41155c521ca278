// Trying an SLA policy set before publishing it (issue #16): answered clocks of past tickets measured again on the
// policy a proposed set would have chosen — from the same start, with the same pauses, on the new target and
// calendar (the re-targeting rule) — and compared with how they were measured: which would have been late instead of
// on time, and the other way round. Pure; the service reads the clocks and writes nothing.

import { BusinessCalendar } from './business-calendar.rule';
import { SlaClock } from './sla-clock-model.rule';
import { retargetedClock } from './sla-retarget.rule';
import { selectSlaPolicy, SlaMetric, SlaPolicy, SlaSubject } from './sla-policy.rule';

/** A clock that was answered (`metAt` set: MET, or BREACHED and answered later), with its ticket's facts. */
export interface AnsweredClock {
  ticketId: string;
  number: string;
  clock: SlaClock & { metAt: Date };
  /** The ticket's facts; the owner is the clock's. */
  subject: SlaSubject;
}

export interface SlaSimulationExample {
  ticketId: string;
  number: string;
  metAt: Date;
  dueAt: Date;
  proposedDueAt: Date;
}

/** Clocks of one metric moving from one policy to another whose outcome changes. */
export interface SlaSimulationGroup {
  metric: SlaMetric;
  fromPolicy: string;
  toPolicy: string;
  breachedInsteadOfMet: number;
  metInsteadOfBreached: number;
  examples: SlaSimulationExample[];
}

export interface SlaSimulation {
  compared: number;
  breachedInsteadOfMet: number;
  metInsteadOfBreached: number;
  /** The proposed policy would not measure the clock's metric at all. */
  notMeasured: number;
  groups: SlaSimulationGroup[];
}

const EXAMPLES_PER_GROUP = 3;

/** Late means answered after the due time, the same test for the stored and the proposed measurement. */
export function simulateSlaPolicies(
  clocks: readonly AnsweredClock[],
  policies: readonly SlaPolicy[],
  calendarOf: (calendarId: string, version?: number) => BusinessCalendar,
): SlaSimulation {
  const result: SlaSimulation = { compared: 0, breachedInsteadOfMet: 0, metInsteadOfBreached: 0, notMeasured: 0, groups: [] };
  const groups = new Map<string, SlaSimulationGroup>();
  for (const { ticketId, number, clock, subject } of clocks) {
    const policy = selectSlaPolicy({ ...subject, ownerParty: clock.ownerParty }, policies);
    const target = policy.targetsInMinutes[clock.metric];
    if (target === undefined) {
      result.notMeasured += 1;
      continue;
    }
    result.compared += 1;
    const proposed = retargetedClock(clock, policy, target, calendarOf, clock.metAt);
    const wasLate = clock.metAt > clock.dueAt;
    const wouldBeLate = clock.metAt > proposed.dueAt;
    if (wasLate === wouldBeLate) continue;
    const key = `${clock.metric}|${clock.policyId}|${policy.id}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        metric: clock.metric,
        fromPolicy: clock.policyId,
        toPolicy: policy.id,
        breachedInsteadOfMet: 0,
        metInsteadOfBreached: 0,
        examples: [],
      };
      groups.set(key, group);
    }
    if (wouldBeLate) {
      group.breachedInsteadOfMet += 1;
      result.breachedInsteadOfMet += 1;
    } else {
      group.metInsteadOfBreached += 1;
      result.metInsteadOfBreached += 1;
    }
    if (group.examples.length < EXAMPLES_PER_GROUP)
      group.examples.push({ ticketId, number, metAt: clock.metAt, dueAt: clock.dueAt, proposedDueAt: proposed.dueAt });
  }
  const size = (group: SlaSimulationGroup) => group.breachedInsteadOfMet + group.metInsteadOfBreached;
  result.groups = [...groups.values()].sort(
    (left, right) => size(right) - size(left) || (left.metric < right.metric ? -1 : left.metric > right.metric ? 1 : 0),
  );
  return result;
}
