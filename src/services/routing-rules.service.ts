import { isPlatformStaff } from '../auth/principal';
import { ForbiddenError } from '../domain/errors';
import { RoutingRuleRecord } from './views/routing-rule.view';
import { routingRules } from './order-facts';
import { routingRuleRecord } from './routing-rule-admin.service';
import { RequestContext } from './request-context';

export class RoutingRulesService {
  /** The active table in evaluation order; agents and admins only. */
  async listRoutingRules(ctx: RequestContext): Promise<RoutingRuleRecord[]> {
    if (!isPlatformStaff(ctx.principal)) throw new ForbiddenError('The routing table is visible to platform agents and admins');
    const rules = await routingRules.load(ctx.dataSource.manager);
    return rules.map(routingRuleRecord);
  }
}
