import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { OwnerParty } from '../domain/enums';
import { SlaClockState } from '../rules/sla-clock-model.rule';
import { SlaMetric } from '../rules/sla-policy.rule';
import type * as view from '../services/views/sla.view';
import { ConnectionType } from './connection.type';

@ObjectType({ description: 'The policy that set a clock, as it was when the clock started.' })
export class SlaPolicyReference implements view.SlaPolicyReference {
  @Field({ description: 'Stable policy id, e.g. platform-chat.' })
  id: string;

  @Field({ description: 'A name a person reads.' })
  name: string;

  @Field(() => Int, { description: 'The version the clock runs on; later versions do not change it.' })
  version: number;
}

@ObjectType({ description: 'A business calendar: when SLA time counts.' })
export class BusinessCalendarReference implements view.BusinessCalendarReference {
  @Field({ description: 'ALWAYS, JP_SUPPORT_HOURS, JP_BUSINESS_DAYS, …' })
  id: string;

  @Field({ description: 'A name a person reads.' })
  name: string;

  @Field(() => Int, { description: 'The version meant: a clock keeps the calendar version it started on; a policy uses the active one.' })
  version: number;
}

@ObjectType({ description: 'One SLA clock of a ticket: one metric, measured for one owner party.' })
export class SlaClockView implements view.SlaClockView {
  @Field(() => SlaMetric, { description: 'What the clock measures.' })
  metric: SlaMetric;

  @Field(() => OwnerParty, { description: 'The party measured: each owner is measured on its own share of the ticket.' })
  owner: OwnerParty;

  @Field(() => SlaClockState, { description: 'Counting, paused, or how it ended.' })
  state: SlaClockState;

  @Field({ description: 'When the clock started (the owner received the ticket, or the customer wrote again).' })
  startedAt: Date;

  @Field({ description: 'When the target is missed (pauses paid back).' })
  dueAt: Date;

  @Field({ description: 'When SLA_WARNING fires (by default at 75 % of the target).' })
  warnAt: Date;

  @Field(() => Date, { nullable: true, description: 'Since when the clock is paused (PAUSED only); null while counting or stopped.' })
  pausedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Also set on a BREACHED clock once the owner finally did it.' })
  metAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the due time passed unanswered, recorded once; null unless BREACHED.' })
  breachedAt: Date | null;

  @Field(() => Float, { description: 'Target in business minutes of the calendar.' })
  targetMinutes: number;

  @Field(() => Float, { nullable: true, description: 'Business minutes left (negative when overdue); null once the clock stopped.' })
  remainingBusinessMinutes: number | null;

  @Field(() => Float, { nullable: true, description: 'Business minutes the owner used, once the clock stopped.' })
  usedBusinessMinutes: number | null;

  @Field(() => SlaPolicyReference, { description: 'The policy that set the target, at the version the clock started on.' })
  policy: SlaPolicyReference;

  @Field(() => BusinessCalendarReference, {
    description: 'The calendar the business minutes are counted in, at the version the clock started on.',
  })
  calendar: BusinessCalendarReference;
}

@ObjectType({ description: 'Service-level state of a ticket: its clocks, the next due time, the seller-silence escalation time.' })
export class TicketSla implements view.TicketSla {
  @Field(() => [SlaClockView], {
    description:
      'Every clock, oldest first, including those of previous owners. A plain list, not a connection: at most three metrics per owner a ticket had.',
  })
  clocks: SlaClockView[];

  @Field(() => Date, { nullable: true, description: 'The earliest due time among counting clocks.' })
  nextDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a silent seller loses the ticket to the platform (48 h of customer waiting).' })
  escalatesAt: Date | null;
}

@ObjectType({ description: 'An SLA policy row: first match by position wins.' })
export class SlaPolicyRecord implements view.SlaPolicyRecord {
  @Field({ description: 'Stable kebab-case id, recorded on every clock the policy sets.' })
  id: string;

  @Field({ description: 'False for a retired or superseded version (slaPolicyVersions lists them all).' })
  isActive: boolean;

  @Field({ description: 'A name a person reads.' })
  name: string;

  @Field(() => Int, { description: 'Increases with every change; clocks keep the version they started on.' })
  version: number;

  @Field(() => Int, { description: 'Evaluation order, ascending; the first matching policy wins.' })
  position: number;

  @Field(() => GraphQLJSONObject, {
    description:
      'Conditions, all optional and ANDed: ownerParties, channels, priorities, categories, customerTiers, sellerIds and carrierIds (global ids), languages; a list matches any of its values.',
  })
  conditions: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { description: 'Business minutes per metric; a missing metric runs no clock.' })
  targetsInMinutes: Record<string, unknown>;

  @Field(() => BusinessCalendarReference, { description: 'The business calendar its targets run on.' })
  calendar: BusinessCalendarReference;

  @Field(() => Float, { description: 'Fraction of a target after which SLA_WARNING fires, in (0, 1]; 0.75 by default.' })
  warningThreshold: number;
}

@ObjectType({ description: 'A business calendar with its rules.' })
export class BusinessCalendarRecord implements view.BusinessCalendarRecord {
  @Field({ description: 'Stable id, e.g. JP_BUSINESS_DAYS.' })
  id: string;

  @Field({ description: 'False for a retired or superseded version (businessCalendarVersions lists them all).' })
  isActive: boolean;

  @Field(() => Int, { description: 'Each change by an admin is a new version; earlier versions stay readable (clocks keep theirs).' })
  version: number;

  @Field({ description: 'A name a person reads.' })
  name: string;

  @Field({ description: 'IANA time zone.' })
  timeZone: string;

  @Field({ description: 'Open 24 hours every day (holidays and closures still close it); weeklyHours is then empty.' })
  alwaysOpen: boolean;

  @Field(() => String, { nullable: true, description: 'Country whose national holidays close the calendar (e.g. JP).' })
  holidayCountry: string | null;

  @Field(() => [GraphQLJSONObject], { description: 'Weekly open hours: { weekday (0 = Sunday), opensAt, closesAt }.' })
  weeklyHours: Array<Record<string, unknown>>;

  @Field(() => [GraphQLJSONObject], { description: 'Closures: { startDate, endDate, recurringYearly, reason }.' })
  closures: Array<Record<string, unknown>>;
}

/** `slaPolicyVersions`: one policy's versions, oldest first. */
export const SlaPolicyVersionConnection = ConnectionType(SlaPolicyRecord, 'SlaPolicyVersion');

/** `businessCalendarVersions`: one calendar's versions, oldest first. */
export const BusinessCalendarVersionConnection = ConnectionType(BusinessCalendarRecord, 'BusinessCalendarVersion');
