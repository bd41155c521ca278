import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { OwnerParty } from '../domain/enums';
import { SlaMetric } from '../rules/sla-policy.rule';
import { SlaReportGrouping } from '../rules/sla-report.rule';

@ObjectType({ description: 'One SLA metric of an owner in a period: the clocks that started for it in the period, by outcome.' })
export class SlaMetricScore {
  @Field(() => SlaMetric, { description: 'The metric measured.' })
  metric: SlaMetric;

  @Field(() => Int, { description: 'Clocks of this metric that started for the owner in the period (every state).' })
  clocks: number;

  @Field(() => Int, { description: 'Clocks met in time (state MET).' })
  met: number;

  @Field(() => Int, { description: 'Clocks breached (state BREACHED), whether answered late or never.' })
  breached: number;

  @Field(() => Int, {
    description:
      'Clocks that ended without an outcome: the ticket left the owner (transfer, escalation) or closed first. Neither met nor breached.',
  })
  cancelled: number;

  @Field(() => Int, { description: 'Clocks still running (ACTIVE or PAUSED): no outcome yet.' })
  running: number;

  @Field(() => Int, {
    description: 'Clocks the owner answered (met in time, or breached and answered late): the population of the median and p90.',
  })
  answered: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share met: met / (met + breached), 0–1; null when no clock of the period was met or breached.',
  })
  achievementRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Exact median (percentile_cont 0.5) of the business minutes the answered clocks took, pauses excluded; null when none was answered.',
  })
  medianBusinessMinutes: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Exact 90th percentile (percentile_cont 0.9, interpolated) of the business minutes the answered clocks took; null when none was answered.',
  })
  p90BusinessMinutes: number | null;
}

@ObjectType({ description: "An SLA report's figures for a span of days (a period, or the whole report)." })
export class SlaReportPeriod {
  @Field(() => LocalDateResolver, {
    description: "First day counted (Asia/Tokyo): the period's first day, or the report's first day when that is later.",
  })
  from: string;

  @Field(() => LocalDateResolver, {
    description: "Last day counted (Asia/Tokyo), inclusive: the period's last day, or the report's last day when that is earlier.",
  })
  to: string;

  @Field(() => [SlaMetricScore], {
    description:
      'FIRST_RESPONSE, NEXT_RESPONSE and RESOLUTION, always all three (zeros when the owner ran no such clock: sellers have no RESOLUTION target by default).',
  })
  metrics: SlaMetricScore[];

  @Field(() => Int, {
    description:
      "Escalations in these days that took a ticket away from the owner (seller silent, carrier stuck, a customer's or agent's escalation). Zero for the platform, which escalations go to.",
  })
  escalationsAway: number;

  @Field(() => Int, { description: 'Customer ratings given in these days to tickets the owner held when rated.' })
  ratings: number;

  @Field(() => Float, { nullable: true, description: 'Average of those ratings (1 bad – 5 excellent); null without ratings.' })
  satisfactionAverage: number | null;
}

@ObjectType({
  description:
    "An owner's SLA scorecard (a seller's account-health page, a carrier's, the platform's): each owner is measured on its own share of every ticket. Clocks count in the period their owner received the work (the clock's start); escalations and ratings in the period they happened. Days are Asia/Tokyo calendar days.",
})
export class SlaReport {
  @Field(() => OwnerParty, { description: 'The party measured.' })
  party: OwnerParty;

  @Field(() => ID, { nullable: true, description: 'The seller measured (party SELLER).' })
  sellerId: string | null;

  @Field(() => ID, { nullable: true, description: 'The carrier measured (party CARRIER).' })
  carrierId: string | null;

  @Field(() => LocalDateResolver, { description: 'First day of the report (Asia/Tokyo).' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the report (Asia/Tokyo), inclusive.' })
  to: string;

  @Field(() => SlaReportGrouping, { description: 'How the days are grouped into periods.' })
  groupBy: SlaReportGrouping;

  @Field({ description: 'The time zone of every day of the report: Asia/Tokyo.' })
  timeZone: string;

  @Field(() => SlaReportPeriod, {
    description: "The whole report as one period (median and p90 over all its clocks, not an average of the periods').",
  })
  total: SlaReportPeriod;

  @Field(() => [SlaReportPeriod], {
    description: "Every period from `from` to `to` in order, empty ones included; the first and last clipped to the report's days.",
  })
  periods: SlaReportPeriod[];
}
