import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toGlobalId } from '../domain/global-id';
import type { Connection } from '../domain/connection';
import type { GraphQLContext } from '../graphql/context';
import { RoutingRuleRecord, RoutingRuleVersionConnection } from '../graphql/routing-rule.type';
import {
  BusinessCalendarRecord,
  BusinessCalendarVersionConnection,
  SlaPolicyRecord,
  SlaPolicyVersionConnection,
} from '../graphql/sla.type';
import { PageArgs } from './ticket.resolver';
import {
  AdminAuditEntry,
  AdminAuditEntryConnection,
  BusinessCalendarPayload,
  RoutingRulePayload,
  RoutingSimulationResult,
  RoutingTablePayload,
  SlaPolicyPayload,
  SlaPolicyTablePayload,
  SlaSimulationResult,
} from '../graphql/admin.type';
import {
  AdminAuditLogArgs,
  ReorderReferenceDataInput,
  RetireReferenceDataInput,
  SaveBusinessCalendarInput,
  SaveRoutingRuleInput,
  SaveSlaPolicyInput,
  SimulateRoutingTableInput,
  SimulateSlaPoliciesInput,
} from '../graphql/inputs/admin.input';

@Resolver(() => AdminAuditEntry)
export class AdminAuditEntryResolver {
  @FieldResolver(() => ID, {
    name: 'id',
    description:
      'Opaque global id (later changes have larger database ids, so the log is newest first); `node(id:)` fetches the entry again (admins).',
  })
  globalId(@Root() entry: AdminAuditEntry): string {
    return toGlobalId('AdminAuditEntry', entry.id);
  }
}

/** Admins change the reference data (routing rules, SLA policies, business calendars); every change is audited. */
@Resolver()
export class AdminResolver {
  @Query(() => AdminAuditEntryConnection, {
    description: 'Every change of routing rules, SLA policies and calendars, newest first: who, when, what, before and after (admins).',
  })
  adminAuditLog(@Args() args: AdminAuditLogArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<AdminAuditEntry>> {
    return ctx.services.adminAuditLog.listAdminAuditLog(ctx, args);
  }

  @Query(() => RoutingRuleVersionConnection, {
    description:
      'Every version of a routing rule, oldest first, retired ones included (agents and admins). A connection (first/after, at most 100 a page): every admin change of the rule adds a version.',
  })
  routingRuleVersions(
    @Arg('id', { description: 'The rule id, e.g. delivered-not-received.' }) id: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<RoutingRuleRecord>> {
    return ctx.services.referenceDataVersions.routingRuleVersions(ctx, { id, ...page });
  }

  @Query(() => SlaPolicyVersionConnection, {
    description:
      'Every version of an SLA policy, oldest first, retired ones included (agents and admins). A connection (first/after, at most 100 a page): every admin change of the policy adds a version.',
  })
  slaPolicyVersions(
    @Arg('id', { description: 'The policy id, e.g. platform-chat.' }) id: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<SlaPolicyRecord>> {
    return ctx.services.referenceDataVersions.slaPolicyVersions(ctx, { id, ...page });
  }

  @Query(() => BusinessCalendarVersionConnection, {
    description:
      'Every version of a business calendar, oldest first, retired ones included (agents and admins). A connection (first/after, at most 100 a page): every admin change of the calendar adds a version.',
  })
  businessCalendarVersions(
    @Arg('id', { description: 'The calendar id, e.g. JP_BUSINESS_DAYS.' }) id: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<BusinessCalendarRecord>> {
    return ctx.services.referenceDataVersions.businessCalendarVersions(ctx, { id, ...page });
  }

  @Query(() => RoutingSimulationResult, {
    description:
      'Try a proposed routing table on past tickets before publishing it (admins): how many would get another owner or rule, by category and owner pair, with examples. Writes nothing.',
  })
  simulateRoutingTable(
    @Arg('input', () => SimulateRoutingTableInput, { description: 'The request; each field is described on `SimulateRoutingTableInput`.' })
    input: SimulateRoutingTableInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoutingSimulationResult> {
    return ctx.services.routingSimulation.simulateRoutingTable(ctx, input);
  }

  @Query(() => SlaSimulationResult, {
    description:
      'Try a proposed SLA policy set on past answered clocks before publishing it (admins): how many would have been breached instead of met, and the other way round. Writes nothing.',
  })
  simulateSlaPolicies(
    @Arg('input', () => SimulateSlaPoliciesInput, { description: 'The request; each field is described on `SimulateSlaPoliciesInput`.' })
    input: SimulateSlaPoliciesInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SlaSimulationResult> {
    return ctx.services.slaSimulation.simulateSlaPolicies(ctx, input);
  }

  @Mutation(() => SlaPolicyPayload, {
    description: 'Create an SLA policy or a new version of one (admins); the table it leaves is validated; audited.',
  })
  async saveSlaPolicy(
    @Arg('input', () => SaveSlaPolicyInput, { description: 'The request; each field is described on `SaveSlaPolicyInput`.' })
    input: SaveSlaPolicyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SlaPolicyPayload> {
    const result = await ctx.services.slaPolicyAdmin.saveSlaPolicy(ctx, input);
    return result.ok ? { policy: result.value, userErrors: [] } : { policy: null, userErrors: result.userErrors };
  }

  @Mutation(() => SlaPolicyPayload, {
    description: 'Retire an SLA policy (admins): running clocks keep it; new clocks use the table without it; audited.',
  })
  async retireSlaPolicy(
    @Arg('input', () => RetireReferenceDataInput, { description: 'The request; each field is described on `RetireReferenceDataInput`.' })
    input: RetireReferenceDataInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SlaPolicyPayload> {
    const result = await ctx.services.slaPolicyAdmin.retireSlaPolicy(ctx, input);
    return result.ok ? { policy: result.value, userErrors: [] } : { policy: null, userErrors: result.userErrors };
  }

  @Mutation(() => SlaPolicyTablePayload, {
    description: 'Move SLA policies in the evaluation order (admins): each moved policy gets a new version; audited.',
  })
  async reorderSlaPolicies(
    @Arg('input', () => ReorderReferenceDataInput, { description: 'The request; each field is described on `ReorderReferenceDataInput`.' })
    input: ReorderReferenceDataInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SlaPolicyTablePayload> {
    const result = await ctx.services.slaPolicyAdmin.reorderSlaPolicies(ctx, input);
    return result.ok ? { policies: result.value, userErrors: [] } : { policies: [], userErrors: result.userErrors };
  }

  @Mutation(() => BusinessCalendarPayload, {
    description:
      'Create a business calendar or a new version of one (admins): running clocks keep their version, new clocks take this one; audited.',
  })
  async saveBusinessCalendar(
    @Arg('input', () => SaveBusinessCalendarInput, { description: 'The request; each field is described on `SaveBusinessCalendarInput`.' })
    input: SaveBusinessCalendarInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BusinessCalendarPayload> {
    const result = await ctx.services.businessCalendarAdmin.saveBusinessCalendar(ctx, input);
    return result.ok ? { calendar: result.value, userErrors: [] } : { calendar: null, userErrors: result.userErrors };
  }

  @Mutation(() => BusinessCalendarPayload, { description: 'Retire a business calendar no active SLA policy runs on (admins); audited.' })
  async retireBusinessCalendar(
    @Arg('input', () => RetireReferenceDataInput, { description: 'The request; each field is described on `RetireReferenceDataInput`.' })
    input: RetireReferenceDataInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BusinessCalendarPayload> {
    const result = await ctx.services.businessCalendarAdmin.retireBusinessCalendar(ctx, input);
    return result.ok ? { calendar: result.value, userErrors: [] } : { calendar: null, userErrors: result.userErrors };
  }

  @Mutation(() => RoutingRulePayload, {
    description:
      'Create a routing rule or a new version of one (admins); the table it leaves is validated (no rule shadowed); audited. Try it first with simulateRoutingTable.',
  })
  async saveRoutingRule(
    @Arg('input', () => SaveRoutingRuleInput, { description: 'The request; each field is described on `SaveRoutingRuleInput`.' })
    input: SaveRoutingRuleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoutingRulePayload> {
    const result = await ctx.services.routingRuleAdmin.saveRoutingRule(ctx, input);
    return result.ok ? { rule: result.value, userErrors: [] } : { rule: null, userErrors: result.userErrors };
  }

  @Mutation(() => RoutingRulePayload, { description: 'Retire a routing rule (admins); the table must keep its final catch-all; audited.' })
  async retireRoutingRule(
    @Arg('input', () => RetireReferenceDataInput, { description: 'The request; each field is described on `RetireReferenceDataInput`.' })
    input: RetireReferenceDataInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoutingRulePayload> {
    const result = await ctx.services.routingRuleAdmin.retireRoutingRule(ctx, input);
    return result.ok ? { rule: result.value, userErrors: [] } : { rule: null, userErrors: result.userErrors };
  }

  @Mutation(() => RoutingTablePayload, {
    description: 'Move routing rules in the evaluation order (admins): each moved rule gets a new version; audited.',
  })
  async reorderRoutingRules(
    @Arg('input', () => ReorderReferenceDataInput, { description: 'The request; each field is described on `ReorderReferenceDataInput`.' })
    input: ReorderReferenceDataInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoutingTablePayload> {
    const result = await ctx.services.routingRuleAdmin.reorderRoutingRules(ctx, input);
    return result.ok ? { rules: result.value, userErrors: [] } : { rules: [], userErrors: result.userErrors };
  }
}
