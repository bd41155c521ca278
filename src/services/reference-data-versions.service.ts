import { isPlatformStaff } from '../auth/principal';
import { SqlParameters } from '../db/sql-parameters';
import { Connection } from '../domain/connection';
import { ForbiddenError } from '../domain/errors';
import { RoutingRuleRecord } from './views/routing-rule.view';
import { BusinessCalendarRecord, SlaPolicyRecord } from './views/sla.view';
import { PageRequest, pageRequest, toConnection } from '../rules/pagination.rule';
import { ReferenceDataVersionsParams } from './params/admin.params';
import { RequestContext } from './request-context';
import { businessCalendarFromRow, CalendarRow, PolicyRow, slaPolicyFromRow } from './sla-catalog';
import { businessCalendarRecord, slaPolicyRecord } from './sla-query.service';
import { routingRuleRecord } from './routing-rule-admin.service';
import { routingRuleFromRow, RoutingRuleRow } from './order-facts';

/** One list of versions read a page at a time: its predicates over the table aliased `alias`, keyed by (id, version). */
interface VersionPage {
  page: PageRequest;
  parameters: SqlParameters;
  /** `alias.id = … [AND alias.version > …]`: along the primary key (id, version). */
  where: string;
  /** `ORDER BY alias.version LIMIT first + 1` (toConnection reads the extra row as "more follow"). */
  orderAndLimit: string;
}

function versionPage(input: ReferenceDataVersionsParams, alias: string): VersionPage {
  // A version number is the whole position: the cursor holds it as its id, with no sort value.
  const page = pageRequest(input.first, input.after, 'none');
  const parameters = new SqlParameters();
  const conditions = [`${alias}.id = ${parameters.add(input.id)}`];
  if (page.after) conditions.push(`${alias}.version > ${parameters.add(page.after.id)}::bigint`);
  return {
    page,
    parameters,
    where: conditions.join(' AND '),
    orderAndLimit: `ORDER BY ${alias}.version LIMIT ${page.first + 1}`,
  };
}

const byVersion = (record: { version: number }) => ({ sortValue: null, id: String(record.version) });

/**
 * Every version of one routing rule, SLA policy or calendar, oldest first, retired ones included (issue #16:
 * "earlier versions stay readable"): what a ticket's `routing.ruleVersion` or a clock's policy and calendar
 * versions refer to. Agents and admins. Keyset pages along the primary key (id, version): one admin change adds a
 * version, so a list grows without bound.
 */
export class ReferenceDataVersionsService {
  async routingRuleVersions(ctx: RequestContext, input: ReferenceDataVersionsParams): Promise<Connection<RoutingRuleRecord>> {
    assertStaff(ctx);
    const { page, parameters, where, orderAndLimit } = versionPage(input, 'r');
    const rows: Array<RoutingRuleRow & { is_active: boolean }> = await ctx.dataSource.query(
      `SELECT r.id, r.version, r.position, r.owner, r.conditions, r.reason, r.is_active FROM routing_rules r WHERE ${where} ${orderAndLimit}`,
      parameters.values,
    );
    const records = rows.map((row) => ({ ...routingRuleRecord(routingRuleFromRow(row)), isActive: row.is_active }));
    return toConnection(records, page, byVersion);
  }

  /** Each version with the calendar as it now stands (its latest version, active or not). */
  async slaPolicyVersions(ctx: RequestContext, input: ReferenceDataVersionsParams): Promise<Connection<SlaPolicyRecord>> {
    assertStaff(ctx);
    const { page, parameters, where, orderAndLimit } = versionPage(input, 'p');
    const rows: Array<PolicyRow & { is_active: boolean; calendar: CalendarRow }> = await ctx.dataSource.query(
      `SELECT p.id, p.version, p.position, p.name, p.conditions, p.targets, p.calendar_id, p.warning_threshold, p.is_active,
         (SELECT row_to_json(c) FROM business_calendars c WHERE c.id = p.calendar_id ORDER BY c.is_active DESC, c.version DESC LIMIT 1) AS calendar
       FROM sla_policies p WHERE ${where} ${orderAndLimit}`,
      parameters.values,
    );
    const records = rows.map((row) => ({
      ...slaPolicyRecord(slaPolicyFromRow(row), businessCalendarFromRow(row.calendar)),
      isActive: row.is_active,
    }));
    return toConnection(records, page, byVersion);
  }

  async businessCalendarVersions(ctx: RequestContext, input: ReferenceDataVersionsParams): Promise<Connection<BusinessCalendarRecord>> {
    assertStaff(ctx);
    const { page, parameters, where, orderAndLimit } = versionPage(input, 'b');
    const rows: CalendarRow[] = await ctx.dataSource.query(
      `SELECT b.id, b.version, b.is_active, b.name, b.time_zone, b.definition FROM business_calendars b WHERE ${where} ${orderAndLimit}`,
      parameters.values,
    );
    const records = rows.map((row) => ({ ...businessCalendarRecord(businessCalendarFromRow(row)), isActive: row.is_active }));
    return toConnection(records, page, byVersion);
  }
}

function assertStaff(ctx: RequestContext): void {
  if (!isPlatformStaff(ctx.principal))
    throw new ForbiddenError('Routing rules, SLA policies and calendars are visible to platform agents and admins');
}
