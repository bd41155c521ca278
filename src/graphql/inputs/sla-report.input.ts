import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { OwnerParty } from '../../domain/enums';
import { SlaReportGrouping } from '../../rules/sla-report.rule';
import { SlaReportParams } from '../../services/params/sla-report.params';

@InputType({
  description:
    'Whose SLA scorecard, over which days. A seller may ask only for its own (party SELLER, its sellerId), a carrier only for its own; agents and admins for anyone. At most 366 days.',
})
export class SlaReportInput implements SlaReportParams {
  @Field(() => OwnerParty, { description: 'The party measured.' })
  party: OwnerParty;

  @Field(() => ID, { nullable: true, description: 'The seller (global id); required for party SELLER, refused otherwise.' })
  sellerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The carrier (global id); required for party CARRIER, refused otherwise.' })
  carrierId?: string | null;

  @Field(() => LocalDateResolver, { description: 'First day (Asia/Tokyo calendar date, YYYY-MM-DD), counted from 00:00 JST.' })
  from: string;

  @Field(() => LocalDateResolver, {
    description:
      'Last day (Asia/Tokyo calendar date), inclusive: counted until 24:00 JST. Not before `from`; at most 366 days after it, both counted.',
  })
  to: string;

  @Field(() => SlaReportGrouping, {
    defaultValue: SlaReportGrouping.MONTH,
    description: 'Periods: DAY, WEEK (ISO, from Monday) or MONTH. Default MONTH.',
  })
  groupBy: SlaReportGrouping;
}
