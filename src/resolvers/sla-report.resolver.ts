import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { SlaReportInput } from '../graphql/inputs/sla-report.input';
import { slaReportOrRefusal } from '../graphql/sla-report-refusal';
import { SlaReport } from '../graphql/sla-report.type';

@Resolver()
export class SlaReportResolver {
  @Query(() => SlaReport, {
    description:
      "An owner's SLA scorecard per metric and period (Asia/Tokyo days): clocks met and breached, achievement rate, exact median and p90 business minutes, escalations away, satisfaction. A seller reads only its own, a carrier only its own (anything else: FORBIDDEN); agents and admins every one. Malformed requests (to before from, more than 366 days, a missing or extra sellerId/carrierId, an unknown seller or carrier): BAD_USER_INPUT naming the field.",
  })
  async slaReport(
    @Arg('input', () => SlaReportInput, { description: 'The request; each field is described on `SlaReportInput`.' }) input: SlaReportInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SlaReport> {
    return slaReportOrRefusal(await ctx.services.slaReport.slaReport(ctx, input));
  }
}
