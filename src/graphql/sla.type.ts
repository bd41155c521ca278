import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OwnerParty } from '../domain/enums';
import { SlaClockState } from '../rules/sla-clock.rule';
import { SlaMetric } from '../rules/sla-policy.rule';
import type * as view from '../services/views/sla.view';

registerEnumType(SlaMetric, {
  name: 'SlaMetric',
  valuesConfig: {
    FIRST_RESPONSE: { description: 'From the moment the owner receives the ticket to its first PUBLIC reply.' },
    NEXT_RESPONSE: { description: 'From the first customer message after an owner reply to the next owner reply.' },
    RESOLUTION: { description: 'Until the ticket is SOLVED; paused while PENDING (waiting on the customer).' },
  },
});
registerEnumType(SlaClockState, {
  name: 'SlaClockState',
  valuesConfig: {
    ACTIVE: { description: 'Counting.' },
    PAUSED: { description: 'Stopped while waiting on the customer; the pause is paid back on the due time.' },
    MET: { description: 'The owner did it in time.' },
    BREACHED: { description: 'The due time passed first; recorded once, at the moment the timer saw it.' },
    CANCELLED: { description: 'The owner changed (or the ticket closed) before it was met; usedBusinessMinutes tells its share.' },
  },
});

@ObjectType({ description: 'The policy that set a clock, as it was when the clock started.' })
export class SlaPolicyReference implements view.SlaPolicyReference {
  @Field()
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  version: number;
}

@ObjectType({ description: 'A business calendar: when SLA time counts.' })
export class BusinessCalendarReference implements view.BusinessCalendarReference {
  @Field({ description: 'ALWAYS, JP_SUPPORT_HOURS, JP_BUSINESS_DAYS, …' })
  id: string;

  @Field()
  name: string;

  @Field(() => Int, { description: 'The version meant: a clock keeps the calendar version it started on; a policy uses the active one.' })
  version: number;
}

@ObjectType({ description: 'One SLA clock of a ticket: one metric, measured for one owner party.' })
export class SlaClockView implements view.SlaClockView {
  @Field(() => SlaMetric)
  metric: SlaMetric;

  @Field(() => OwnerParty, { description: 'The party measured: each owner is measured on its own share of the ticket.' })
  owner: OwnerParty;

  @Field(() => SlaClockState)
  state: SlaClockState;

  @Field()
  startedAt: Date;

  @Field({ description: 'When the target is missed (pauses paid back).' })
  dueAt: Date;

  @Field({ description: 'When SLA_WARNING fires (by default at 75 % of the target).' })
  warnAt: Date;

  @Field(() => Date, { nullable: true })
  pausedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Also set on a BREACHED clock once the owner finally did it.' })
  metAt: Date | null;

  @Field(() => Date, { nullable: true })
  breachedAt: Date | null;

  @Field(() => Float, { description: 'Target in business minutes of the calendar.' })
  targetMinutes: number;

  @Field(() => Float, { nullable: true, description: 'Business minutes left (negative when overdue); null once the clock stopped.' })
  remainingBusinessMinutes: number | null;

  @Field(() => Float, { nullable: true, description: 'Business minutes the owner used, once the clock stopped.' })
  usedBusinessMinutes: number | null;

  @Field(() => SlaPolicyReference)
  policy: SlaPolicyReference;

  @Field(() => BusinessCalendarReference)
  calendar: BusinessCalendarReference;
}

@ObjectType({ description: 'Service-level state of a ticket (DESIGN §5).' })
export class TicketSla implements view.TicketSla {
  @Field(() => [SlaClockView], { description: 'Every clock, oldest first, including those of previous owners.' })
  clocks: SlaClockView[];

  @Field(() => Date, { nullable: true, description: 'The earliest due time among counting clocks.' })
  nextDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a silent seller loses the ticket to the platform (48 h of customer waiting).' })
  escalatesAt: Date | null;
}

@ObjectType({ description: 'An SLA policy row: first match by position wins.' })
export class SlaPolicyRecord implements view.SlaPolicyRecord {
  @Field()
  id: string;

  @Field({ description: 'False for a retired or superseded version (slaPolicyVersions lists them all).' })
  isActive: boolean;

  @Field()
  name: string;

  @Field(() => Int)
  version: number;

  @Field(() => Int)
  position: number;

  @Field(() => GraphQLJSONObject, { description: 'ownerParties, channels, priorities, categories, customerTiers, sellerIds and carrierIds (global ids), languages (each optional, ANDed; a list matches any of its values).' })
  conditions: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { description: 'Business minutes per metric; a missing metric runs no clock.' })
  targetsInMinutes: Record<string, unknown>;

  @Field(() => BusinessCalendarReference)
  calendar: BusinessCalendarReference;

  @Field(() => Float)
  warningThreshold: number;
}

@ObjectType({ description: 'A business calendar with its rules.' })
export class BusinessCalendarRecord implements view.BusinessCalendarRecord {
  @Field()
  id: string;

  @Field({ description: 'False for a retired or superseded version (businessCalendarVersions lists them all).' })
  isActive: boolean;

  @Field(() => Int, { description: 'Each change by an admin is a new version; earlier versions stay readable (clocks keep theirs).' })
  version: number;

  @Field()
  name: string;

  @Field({ description: 'IANA time zone.' })
  timeZone: string;

  @Field()
  alwaysOpen: boolean;

  @Field(() => String, { nullable: true, description: 'Country whose national holidays close the calendar (e.g. JP).' })
  holidayCountry: string | null;

  @Field(() => [GraphQLJSONObject], { description: 'Weekly open hours: { weekday (0 = Sunday), opensAt, closesAt }.' })
  weeklyHours: Array<Record<string, unknown>>;

  @Field(() => [GraphQLJSONObject], { description: 'Closures: { startDate, endDate, recurringYearly, reason }.' })
  closures: Array<Record<string, unknown>>;
}
