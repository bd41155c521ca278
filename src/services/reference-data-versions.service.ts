import { isPlatformStaff } from '../auth/principal';
import { ForbiddenError } from '../domain/errors';
import { RoutingRuleRecord } from './views/routing-rule.view';
import { BusinessCalendarRecord, SlaPolicyRecord } from './views/sla.view';
import { RoutingRule } from '../rules/routing.rule';
import { RequestContext } from './request-context';
import { businessCalendarFromRow, CalendarRow, PolicyRow, slaPolicyFromRow } from './sla-catalog';
import { businessCalendarRecord, slaPolicyRecord } from './sla-query.service';
import { routingRuleRecord } from './routing-rule-admin.service';

/**
 * Every version of one routing rule, SLA policy or calendar, oldest first, retired ones included (issue #16:
 * "earlier versions stay readable"): what a ticket's `routing.ruleVersion` or a clock's policy and calendar
 * versions refer to. Agents and admins.
 */
export class ReferenceDataVersionsService {
  async routingRuleVersions(ctx: RequestContext, id: string): Promise<RoutingRuleRecord[]> {
    assertStaff(ctx);
    const rows: Array<{
      id: string;
      version: number;
      position: number;
      owner: RoutingRule['owner'];
      conditions: RoutingRule['when'];
      reason: string;
      is_active: boolean;
    }> = await ctx.dataSource.query(
      `SELECT id, version, position, owner, conditions, reason, is_active FROM routing_rules WHERE id = $1 ORDER BY version`,
      [id],
    );
    return rows.map((row) => ({
      ...routingRuleRecord({
        id: row.id,
        version: row.version,
        position: row.position,
        owner: row.owner,
        when: row.conditions,
        reason: row.reason,
      }),
      isActive: row.is_active,
    }));
  }

  /** Each version with the calendar as it now stands (its latest version, active or not). */
  async slaPolicyVersions(ctx: RequestContext, id: string): Promise<SlaPolicyRecord[]> {
    assertStaff(ctx);
    const rows: Array<PolicyRow & { is_active: boolean; calendar: CalendarRow }> = await ctx.dataSource.query(
      `SELECT p.id, p.version, p.position, p.name, p.conditions, p.targets, p.calendar_id, p.warning_threshold, p.is_active,
         (SELECT row_to_json(c) FROM business_calendars c WHERE c.id = p.calendar_id ORDER BY c.is_active DESC, c.version DESC LIMIT 1) AS calendar
       FROM sla_policies p WHERE p.id = $1 ORDER BY p.version`,
      [id],
    );
    return rows.map((row) => ({
      ...slaPolicyRecord(slaPolicyFromRow(row), businessCalendarFromRow(row.calendar)),
      isActive: row.is_active,
    }));
  }

  async businessCalendarVersions(ctx: RequestContext, id: string): Promise<BusinessCalendarRecord[]> {
    assertStaff(ctx);
    const rows: CalendarRow[] = await ctx.dataSource.query(
      `SELECT id, version, is_active, name, time_zone, definition FROM business_calendars WHERE id = $1 ORDER BY version`,
      [id],
    );
    return rows.map((row) => ({ ...businessCalendarRecord(businessCalendarFromRow(row)), isActive: row.is_active }));
  }
}

function assertStaff(ctx: RequestContext): void {
  if (!isPlatformStaff(ctx.principal))
    throw new ForbiddenError('Routing rules, SLA policies and calendars are visible to platform agents and admins');
}
