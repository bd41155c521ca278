import { EntityManager } from 'typeorm';
import { AdminAction, AdminEntityType } from '../domain/enums';
import { ReorderReferenceDataParams, RetireReferenceDataParams, SaveRoutingRuleParams } from './params/admin.params';
import { RoutingRuleRecord } from './views/routing-rule.view';
import { MutationResult, refused, succeeded, UserErrorCode, userError } from '../domain/user-error';
import { shadowedRoutingRuleProblems } from '../rules/reference-data-validation.rule';
import { RoutingRule, routingTableProblems } from '../rules/routing.rule';
import { actorOf } from './actor';
import { readRoutingRules } from './order-facts';
import {
  AdminChange,
  adminRefusals,
  lockReferenceTable,
  nextVersionOf,
  noteOf,
  problemErrors,
  recordAdminChanges,
  versionConflict,
} from './reference-data-changes';
import { invalidateReferenceData } from './reference-data-cache';
import { RequestContext } from './request-context';

/** An active rule as the API shows it (also what the audit log records). */
export function routingRuleRecord(rule: RoutingRule): RoutingRuleRecord {
  return {
    id: rule.id,
    isActive: true,
    version: rule.version,
    position: rule.position,
    owner: rule.owner,
    conditions: rule.when.map((condition) => ({ ...condition })),
    reason: rule.reason,
  };
}

/** Every problem of a table an admin change would leave: routingTableProblems and rules shadowed by earlier ones. */
function tableProblems(rules: readonly RoutingRule[]): string[] {
  return [...routingTableProblems(rules), ...shadowedRoutingRuleProblems(rules)];
}

const byPositionThenId = (left: RoutingRule, right: RoutingRule) =>
  left.position - right.position || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);

/**
 * Admins change the ownership routing table (issue #16): each change a new version of the rule it touches (tickets
 * keep the version that routed them), the whole table validated, audited and announced to every instance in the
 * change's own transaction. Try a table first with simulateRoutingTable.
 */
export class RoutingRuleAdminService {
  async saveRoutingRule(ctx: RequestContext, input: SaveRoutingRuleParams): Promise<MutationResult<RoutingRuleRecord>> {
    const refusals = adminRefusals(ctx.principal, input.note);
    if (refusals.length > 0) return refused(...refusals);
    return this.change(ctx, async (manager, rules) => {
      const current = rules.find((rule) => rule.id === input.id) ?? null;
      const conflict = versionConflict(input.id, current?.version ?? null, input.expectedVersion);
      if (conflict.length > 0) return { result: refused<RoutingRuleRecord>(...conflict), changes: [] };
      const candidate: RoutingRule = {
        id: input.id,
        version: await nextVersionOf(manager, 'routing_rules', input.id),
        position: input.position,
        owner: input.owner,
        when: input.conditions,
        reason: input.reason.trim(),
      };
      const problems = tableProblems([...rules.filter((rule) => rule.id !== input.id), candidate]);
      if (problems.length > 0) return { result: refused<RoutingRuleRecord>(...problemErrors(problems)), changes: [] };
      await storeRuleVersions(manager, [candidate]);
      const after = routingRuleRecord(candidate);
      return {
        result: succeeded(after),
        changes: [
          {
            entityType: AdminEntityType.ROUTING_RULE,
            entityId: input.id,
            version: candidate.version,
            action: current ? AdminAction.UPDATE : AdminAction.CREATE,
            before: current && routingRuleRecord(current),
            after,
            note: noteOf(input.note),
          },
        ],
      };
    });
  }

  async retireRoutingRule(ctx: RequestContext, input: RetireReferenceDataParams): Promise<MutationResult<RoutingRuleRecord>> {
    const refusals = adminRefusals(ctx.principal, input.note);
    if (refusals.length > 0) return refused(...refusals);
    return this.change(ctx, async (manager, rules) => {
      const current = rules.find((rule) => rule.id === input.id);
      if (!current)
        return {
          result: refused<RoutingRuleRecord>(userError(UserErrorCode.NOT_FOUND, `No active routing rule ${input.id}`, 'input.id')),
          changes: [],
        };
      const conflict = versionConflict(input.id, current.version, input.expectedVersion);
      if (conflict.length > 0) return { result: refused<RoutingRuleRecord>(...conflict), changes: [] };
      const problems = tableProblems(rules.filter((rule) => rule !== current));
      if (problems.length > 0) return { result: refused<RoutingRuleRecord>(...problemErrors(problems)), changes: [] };
      await manager.query(`UPDATE routing_rules SET is_active = false WHERE id = $1 AND is_active`, [input.id]);
      const before = routingRuleRecord(current);
      return {
        result: succeeded({ ...before, isActive: false }),
        changes: [
          {
            entityType: AdminEntityType.ROUTING_RULE,
            entityId: input.id,
            version: current.version,
            action: AdminAction.RETIRE,
            before,
            after: null,
            note: noteOf(input.note),
          },
        ],
      };
    });
  }

  async reorderRoutingRules(ctx: RequestContext, input: ReorderReferenceDataParams): Promise<MutationResult<RoutingRuleRecord[]>> {
    const refusals = adminRefusals(ctx.principal, input.note);
    if (refusals.length > 0) return refused(...refusals);
    return this.change(ctx, async (manager, rules) => {
      const unknown = input.positions.filter((moved) => !rules.some((rule) => rule.id === moved.id));
      if (unknown.length > 0)
        return {
          result: refused<RoutingRuleRecord[]>(
            userError(UserErrorCode.NOT_FOUND, `No active routing rule ${unknown.map((moved) => moved.id).join(', ')}`, 'input.positions'),
          ),
          changes: [],
        };
      const moved: RoutingRule[] = [];
      for (const rule of rules) {
        const position = input.positions.find((candidate) => candidate.id === rule.id)?.position;
        if (position !== undefined && position !== rule.position)
          moved.push({ ...rule, position, version: await nextVersionOf(manager, 'routing_rules', rule.id) });
      }
      const after = rules.map((rule) => moved.find((candidate) => candidate.id === rule.id) ?? rule).sort(byPositionThenId);
      const problems = tableProblems(after);
      if (problems.length > 0) return { result: refused<RoutingRuleRecord[]>(...problemErrors(problems)), changes: [] };
      await storeRuleVersions(manager, moved);
      const changes = moved.map((rule): AdminChange => ({
        entityType: AdminEntityType.ROUTING_RULE,
        entityId: rule.id,
        version: rule.version,
        action: AdminAction.REORDER,
        before: routingRuleRecord(rules.find((candidate) => candidate.id === rule.id)!),
        after: routingRuleRecord(rule),
        note: noteOf(input.note),
      }));
      return { result: succeeded(after.map(routingRuleRecord)), changes };
    });
  }

  private async change<T>(
    ctx: RequestContext,
    plan: (manager: EntityManager, rules: RoutingRule[]) => Promise<{ result: MutationResult<T>; changes: AdminChange[] }>,
  ): Promise<MutationResult<T>> {
    const now = ctx.now();
    const result = await ctx.dataSource.transaction(async (manager) => {
      await lockReferenceTable(manager, AdminEntityType.ROUTING_RULE);
      const planned = await plan(manager, await readRoutingRules(manager));
      if (planned.result.ok) await recordAdminChanges(manager, actorOf(ctx.principal), planned.changes, now);
      return planned.result;
    });
    if (result.ok) invalidateReferenceData(ctx.dataSource);
    return result;
  }
}

async function storeRuleVersions(manager: EntityManager, rules: readonly RoutingRule[]): Promise<void> {
  if (rules.length === 0) return;
  await manager.query(`UPDATE routing_rules SET is_active = false WHERE id = ANY($1::text[]) AND is_active`, [
    rules.map((rule) => rule.id),
  ]);
  await manager.query(
    `INSERT INTO routing_rules (id, version, position, owner, conditions, reason)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::jsonb[], $6::text[])`,
    [
      rules.map((rule) => rule.id),
      rules.map((rule) => rule.version),
      rules.map((rule) => rule.position),
      rules.map((rule) => rule.owner),
      rules.map((rule) => JSON.stringify(rule.when)),
      rules.map((rule) => rule.reason),
    ],
  );
}
