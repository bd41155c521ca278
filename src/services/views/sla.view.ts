// What the use cases return, as plain data; src/graphql/sla.type.ts exposes each as the GraphQL type of the
// same name (its class implements the interface, so the two agree by the compiler).
import { OwnerParty } from '../../domain/enums';
import { SlaClockState } from '../../rules/sla-clock-model.rule';
import { SlaMetric } from '../../rules/sla-policy.rule';

/** The policy that set a clock, as it was when the clock started. */
export interface SlaPolicyReference {
  id: string;
  name: string;
  version: number;
}

/** A business calendar: when SLA time counts. */
export interface BusinessCalendarReference {
  id: string;
  name: string;
  version: number;
}

/** One SLA clock of a ticket: one metric, measured for one owner party. */
export interface SlaClockView {
  metric: SlaMetric;
  owner: OwnerParty;
  state: SlaClockState;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date;
  pausedAt: Date | null;
  metAt: Date | null;
  breachedAt: Date | null;
  targetMinutes: number;
  remainingBusinessMinutes: number | null;
  usedBusinessMinutes: number | null;
  policy: SlaPolicyReference;
  calendar: BusinessCalendarReference;
}

/** Service-level state of a ticket: its clocks, the next due time, the seller-silence escalation time. */
export interface TicketSla {
  clocks: SlaClockView[];
  nextDueAt: Date | null;
  escalatesAt: Date | null;
}

/** An SLA policy row: first match by position wins. */
export interface SlaPolicyRecord {
  id: string;
  isActive: boolean;
  name: string;
  version: number;
  position: number;
  conditions: Record<string, unknown>;
  targetsInMinutes: Record<string, unknown>;
  calendar: BusinessCalendarReference;
  warningThreshold: number;
}

/** A business calendar with its rules. */
export interface BusinessCalendarRecord {
  id: string;
  isActive: boolean;
  version: number;
  name: string;
  timeZone: string;
  alwaysOpen: boolean;
  holidayCountry: string | null;
  weeklyHours: Array<Record<string, unknown>>;
  closures: Array<Record<string, unknown>>;
}
