import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { AdminEntityType, OwnerParty } from '../../domain/enums';
import {
  SaveSlaPolicyParams,
  WeeklyOpenHoursParams,
  ClosureParams,
  SaveBusinessCalendarParams,
  SaveRoutingRuleParams,
  RetireReferenceDataParams,
  PositionParams,
  ReorderReferenceDataParams,
  AdminAuditLogArgsParams,
  ProposedRoutingRuleParams,
  SimulateRoutingTableParams,
  ProposedSlaPolicyParams,
  SimulateSlaPoliciesParams,
} from '../../services/params/admin.params';

const NOTE = 'Why, for the audit log (up to 1,000 characters).';
const EXPECTED_VERSION = 'Refuse with VERSION_CONFLICT unless the active version is still this one (leave out to create).';

@InputType({
  description:
    'Create an SLA policy (version 1) or a new version of an active one (admins). The whole table it leaves is checked: known fields and values, positive targets, an existing calendar, no policy that no ticket can match (an empty list, or shadowed by an earlier policy), a catch-all per owner party.',
})
export class SaveSlaPolicyInput implements SaveSlaPolicyParams {
  @Field({ description: 'Stable kebab-case id, recorded on every clock the policy sets.' })
  id: string;

  @Field({ description: 'A name a person reads.' })
  name: string;

  @Field(() => Int, { description: 'Evaluation order, ascending; the first matching policy wins.' })
  position: number;

  @Field(() => GraphQLJSONObject, {
    description:
      'ownerParties, channels, priorities, categories, customerTiers, sellerIds, carrierIds (global ids), languages: lists, each optional, ANDed.',
  })
  conditions: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, {
    description: 'Business minutes per metric (FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION); a missing metric runs no clock.',
  })
  targetsInMinutes: Record<string, unknown>;

  @Field({ description: 'The business calendar all targets run on (its active version when a clock starts).' })
  calendarId: string;

  @Field(() => Float, { description: 'Fraction of a target after which SLA_WARNING fires, in (0, 1].' })
  warningThreshold: number;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string;
}

@InputType({ description: 'Open hours of one weekday.' })
export class WeeklyOpenHoursInput implements WeeklyOpenHoursParams {
  @Field(() => Int, { description: '0 = Sunday … 6 = Saturday.' })
  weekday: number;

  @Field({ description: 'HH:MM local time.' })
  opensAt: string;

  @Field({ description: 'HH:MM local time after opensAt, up to 24:00.' })
  closesAt: string;
}

@InputType({ description: 'Days the calendar is closed, e.g. a holiday closure.' })
export class ClosureInput implements ClosureParams {
  @Field({ description: 'YYYY-MM-DD local date, inclusive (MM-DD when recurringYearly).' })
  startDate: string;

  @Field({ description: 'YYYY-MM-DD local date, inclusive (MM-DD when recurringYearly).' })
  endDate: string;

  @Field({ description: 'Why (a closure: shown to operators; a rule: recorded on tickets, {placeholders} filled).' })
  reason: string;

  @Field({ nullable: true, description: 'Closed every year between the two month-days.' })
  recurringYearly?: boolean;
}

@InputType({
  description:
    'Create a business calendar or a new version of one (admins). Clocks keep the version they started on; new clocks use the new one. Refused when the calendar is malformed or has no open minute within a year.',
})
export class SaveBusinessCalendarInput implements SaveBusinessCalendarParams {
  @Field({ description: 'Letters and digits separated by _ or -, e.g. SELLER_KYOTO_TEA.' })
  id: string;

  @Field({ description: 'A name a person reads.' })
  name: string;

  @Field({ description: 'IANA time zone, e.g. Asia/Tokyo.' })
  timeZone: string;

  @Field({ description: 'Open 24 hours every day (still closed on holidays and closures); weeklyHours must then be empty.' })
  alwaysOpen: boolean;

  @Field(() => String, { nullable: true, description: 'Country whose national holidays close the calendar (e.g. JP).' })
  holidayCountry?: string | null;

  @Field(() => [WeeklyOpenHoursInput], { description: 'Open hours per weekday; several per day allowed (split shifts).' })
  weeklyHours: WeeklyOpenHoursInput[];

  @Field(() => [ClosureInput], { description: 'Closed days: holiday closures, yearly breaks.' })
  closures: ClosureInput[];

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string;
}

@InputType({
  description:
    'Create a routing rule or a new version of one (admins). The table it leaves is checked (routingTableProblems: known fields, a final catch-all) and no rule may be shadowed by an earlier one. Tickets keep the version that routed them.',
})
export class SaveRoutingRuleInput implements SaveRoutingRuleParams {
  @Field({ description: 'Stable kebab-case id, recorded on every ticket it routes.' })
  id: string;

  @Field(() => Int, { description: 'Evaluation order, ascending; the first matching rule wins.' })
  position: number;

  @Field(() => OwnerParty, { description: 'The party the rule gives the ticket to.' })
  owner: OwnerParty;

  @Field(() => [GraphQLJSONObject], {
    description: 'Alternatives (OR); every field of one alternative must hold (AND). See docs/routing.md.',
  })
  conditions: Array<Record<string, unknown>>;

  @Field({ description: 'The reason recorded on the tickets the rule routes; {placeholders} are filled from the facts.' })
  reason: string;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string;
}

@InputType({
  description: 'Retire an active routing rule, SLA policy or calendar (admins): it stops applying; its versions stay readable.',
})
export class RetireReferenceDataInput implements RetireReferenceDataParams {
  @Field({ description: 'The id of the entry.' })
  id: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with VERSION_CONFLICT unless the active version is still this one.' })
  expectedVersion?: number;

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string;
}

@InputType({ description: 'A new position for one entry.' })
export class PositionInput implements PositionParams {
  @Field({ description: 'The id of the entry.' })
  id: string;

  @Field(() => Int, { description: 'Evaluation order, ascending; the first match wins.' })
  position: number;
}

@InputType({
  description:
    'Move several routing rules or SLA policies at once (admins): each moved entry gets a new version; the table is checked as a whole.',
})
export class ReorderReferenceDataInput implements ReorderReferenceDataParams {
  @Field(() => [PositionInput], { description: 'The entries to move and their new positions.' })
  positions: PositionInput[];

  @Field(() => String, { nullable: true, description: NOTE })
  note?: string;
}

@ArgsType()
export class AdminAuditLogArgs implements AdminAuditLogArgsParams {
  @Field(() => Int, { nullable: true, description: 'At most 100.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string;

  @Field(() => AdminEntityType, { nullable: true, description: 'Only changes of this kind of entry.' })
  entityType?: AdminEntityType;

  @Field(() => String, { nullable: true, description: 'Only changes of this id.' })
  entityId?: string;
}

@InputType({ description: 'One rule of a proposed routing table (as saveRoutingRule takes it, without a version).' })
export class ProposedRoutingRuleInput implements ProposedRoutingRuleParams {
  @Field({ description: 'The id of the entry.' })
  id: string;

  @Field(() => Int, { description: 'Evaluation order, ascending; the first match wins.' })
  position: number;

  @Field(() => OwnerParty, { description: 'The party the rule gives the ticket to.' })
  owner: OwnerParty;

  @Field(() => [GraphQLJSONObject], { description: 'Alternatives (OR); every field of one alternative must hold (AND).' })
  conditions: Array<Record<string, unknown>>;

  @Field({ description: 'Why (a closure: shown to operators; a rule: recorded on tickets, {placeholders} filled).' })
  reason: string;
}

@InputType({
  description:
    'Replay past tickets through a proposed routing table (the whole table, in any order), with the facts they had at intake (category, order facts, customer tier), each at the instant it was routed. Writes nothing.',
})
export class SimulateRoutingTableInput implements SimulateRoutingTableParams {
  @Field(() => [ProposedRoutingRuleInput], { description: 'The whole proposed table.' })
  rules: ProposedRoutingRuleInput[];

  @Field({ nullable: true, description: 'Tickets routed at or after this instant; default 30 days ago.' })
  since?: Date;

  @Field({ nullable: true, description: 'Tickets routed before this instant; default now.' })
  until?: Date;

  @Field(() => Int, { nullable: true, description: 'At most this many tickets, oldest first (1–10,000; default 1,000).' })
  limit?: number;
}

@InputType({ description: 'One policy of a proposed SLA policy set (as saveSlaPolicy takes it, without a version).' })
export class ProposedSlaPolicyInput implements ProposedSlaPolicyParams {
  @Field({ description: 'The id of the entry.' })
  id: string;

  @Field({ description: 'A name a person reads.' })
  name: string;

  @Field(() => Int, { description: 'Evaluation order, ascending; the first match wins.' })
  position: number;

  @Field(() => GraphQLJSONObject, { description: 'As in saveSlaPolicy.' })
  conditions: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { description: 'Business minutes per metric.' })
  targetsInMinutes: Record<string, unknown>;

  @Field({ description: 'An existing calendar (its active version is used).' })
  calendarId: string;

  @Field(() => Float, { description: 'Fraction of a target after which SLA_WARNING fires, in (0, 1].' })
  warningThreshold: number;
}

@InputType({
  description:
    'Measure the answered clocks of past tickets again on the policies a proposed set (the whole set) would choose — same start, same pauses, new target and calendar — and count which would have been breached instead of met. Writes nothing.',
})
export class SimulateSlaPoliciesInput implements SimulateSlaPoliciesParams {
  @Field(() => [ProposedSlaPolicyInput], { description: 'The whole proposed set.' })
  policies: ProposedSlaPolicyInput[];

  @Field({ nullable: true, description: 'Clocks started at or after this instant; default 30 days ago.' })
  since?: Date;

  @Field({ nullable: true, description: 'Clocks started before this instant; default now.' })
  until?: Date;

  @Field(() => Int, { nullable: true, description: 'At most this many clocks, oldest first (1–10,000; default 1,000).' })
  limit?: number;
}
