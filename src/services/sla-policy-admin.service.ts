import { EntityManager } from 'typeorm';
import { AdminAction, AdminEntityType } from '../domain/enums';
import { ReorderReferenceDataParams, RetireReferenceDataParams, SaveSlaPolicyParams } from './params/admin.params';
import { SlaPolicyRecord } from './views/sla.view';
import { MutationResult, refused, succeeded, UserErrorCode, userError } from '../domain/user-error';
import { BusinessCalendar } from '../rules/business-calendar.rule';
import { slaPolicyTableProblems } from '../rules/reference-data-validation.rule';
import { SlaPolicy } from '../rules/sla-policy.rule';
import { actorOf } from './actor';
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
import { readActiveCalendars, readActiveSlaPolicies } from './sla-catalog';
import { slaPolicyRecord } from './sla-query.service';

/** What a change of the policy table works on, read in its transaction under the table's lock. */
interface PolicyTable {
  policies: SlaPolicy[];
  calendars: Map<string, BusinessCalendar>;
}

/**
 * Admins change the SLA policy table (issue #16): every change is a new version of the policy it touches (clocks
 * keep the version that set them), validated as the whole table it leaves, audited and announced to every instance
 * in its own transaction.
 */
export class SlaPolicyAdminService {
  async saveSlaPolicy(ctx: RequestContext, input: SaveSlaPolicyParams): Promise<MutationResult<SlaPolicyRecord>> {
    const refusals = adminRefusals(ctx.principal, input.note);
    if (refusals.length > 0) return refused(...refusals);
    return this.change(ctx, async (manager, table) => {
      const current = table.policies.find((policy) => policy.id === input.id) ?? null;
      const conflict = versionConflict(input.id, current?.version ?? null, input.expectedVersion);
      if (conflict.length > 0) return { result: refused<SlaPolicyRecord>(...conflict), changes: [] };
      const candidate: SlaPolicy = {
        id: input.id,
        name: input.name.trim(),
        version: await nextVersionOf(manager, 'sla_policies', input.id),
        position: input.position,
        when: input.conditions,
        targetsInMinutes: input.targetsInMinutes,
        calendarId: input.calendarId,
        warningThreshold: input.warningThreshold,
      };
      const problems = slaPolicyTableProblems(
        [...table.policies.filter((policy) => policy.id !== input.id), candidate],
        new Set(table.calendars.keys()),
      );
      if (problems.length > 0) return { result: refused<SlaPolicyRecord>(...problemErrors(problems)), changes: [] };
      await storePolicyVersions(manager, [candidate]);
      const after = slaPolicyRecord(candidate, table.calendars.get(candidate.calendarId)!);
      const before = current === null ? null : recordOf(current, table);
      return {
        result: succeeded(after),
        changes: [
          {
            entityType: AdminEntityType.SLA_POLICY,
            entityId: input.id,
            version: candidate.version,
            action: current ? AdminAction.UPDATE : AdminAction.CREATE,
            before,
            after,
            note: noteOf(input.note),
          },
        ],
      };
    });
  }

  async retireSlaPolicy(ctx: RequestContext, input: RetireReferenceDataParams): Promise<MutationResult<SlaPolicyRecord>> {
    const refusals = adminRefusals(ctx.principal, input.note);
    if (refusals.length > 0) return refused(...refusals);
    return this.change(ctx, async (manager, table) => {
      const current = table.policies.find((policy) => policy.id === input.id);
      if (!current)
        return {
          result: refused<SlaPolicyRecord>(userError(UserErrorCode.NOT_FOUND, `No active SLA policy ${input.id}`, 'input.id')),
          changes: [],
        };
      const conflict = versionConflict(input.id, current.version, input.expectedVersion);
      if (conflict.length > 0) return { result: refused<SlaPolicyRecord>(...conflict), changes: [] };
      const problems = slaPolicyTableProblems(
        table.policies.filter((policy) => policy !== current),
        new Set(table.calendars.keys()),
      );
      if (problems.length > 0) return { result: refused<SlaPolicyRecord>(...problemErrors(problems)), changes: [] };
      await manager.query(`UPDATE sla_policies SET is_active = false WHERE id = $1 AND is_active`, [input.id]);
      const before = recordOf(current, table);
      return {
        result: succeeded({ ...before, isActive: false }),
        changes: [
          {
            entityType: AdminEntityType.SLA_POLICY,
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

  async reorderSlaPolicies(ctx: RequestContext, input: ReorderReferenceDataParams): Promise<MutationResult<SlaPolicyRecord[]>> {
    const refusals = adminRefusals(ctx.principal, input.note);
    if (refusals.length > 0) return refused(...refusals);
    return this.change(ctx, async (manager, table) => {
      const unknown = input.positions.filter((moved) => !table.policies.some((policy) => policy.id === moved.id));
      if (unknown.length > 0)
        return {
          result: refused<SlaPolicyRecord[]>(
            userError(UserErrorCode.NOT_FOUND, `No active SLA policy ${unknown.map((moved) => moved.id).join(', ')}`, 'input.positions'),
          ),
          changes: [],
        };
      const moved: SlaPolicy[] = [];
      for (const policy of table.policies) {
        const position = input.positions.find((candidate) => candidate.id === policy.id)?.position;
        if (position !== undefined && position !== policy.position)
          moved.push({ ...policy, position, version: await nextVersionOf(manager, 'sla_policies', policy.id) });
      }
      const after = table.policies.map((policy) => moved.find((candidate) => candidate.id === policy.id) ?? policy);
      const problems = slaPolicyTableProblems(after, new Set(table.calendars.keys()));
      if (problems.length > 0) return { result: refused<SlaPolicyRecord[]>(...problemErrors(problems)), changes: [] };
      await storePolicyVersions(manager, moved);
      const changes = moved.map((policy): AdminChange => ({
        entityType: AdminEntityType.SLA_POLICY,
        entityId: policy.id,
        version: policy.version,
        action: AdminAction.REORDER,
        before: recordOf(
          table.policies.find((candidate) => candidate.id === policy.id)!,
          table,
        ),
        after: recordOf(policy, table),
        note: noteOf(input.note),
      }));
      const ordered = [...after].sort((left, right) => left.position - right.position || (left.id < right.id ? -1 : 1));
      return { result: succeeded(ordered.map((policy) => recordOf(policy, table))), changes };
    });
  }

  /** One admin change: lock the table, read it, plan; write the audit rows and NOTIFY when it succeeded; then forget the cache. */
  private async change<T>(
    ctx: RequestContext,
    plan: (manager: EntityManager, table: PolicyTable) => Promise<{ result: MutationResult<T>; changes: AdminChange[] }>,
  ): Promise<MutationResult<T>> {
    const now = ctx.now();
    const result = await ctx.dataSource.transaction(async (manager) => {
      await lockReferenceTable(manager, AdminEntityType.SLA_POLICY);
      const table = { policies: await readActiveSlaPolicies(manager), calendars: await readActiveCalendars(manager) };
      const planned = await plan(manager, table);
      if (planned.result.ok) await recordAdminChanges(manager, actorOf(ctx.principal), planned.changes, now);
      return planned.result;
    });
    if (result.ok) invalidateReferenceData(ctx.dataSource);
    return result;
  }
}

function recordOf(policy: SlaPolicy, table: PolicyTable): SlaPolicyRecord {
  const calendar = table.calendars.get(policy.calendarId) ?? {
    id: policy.calendarId,
    name: policy.calendarId,
    timeZone: 'UTC',
    weeklyHours: [],
    alwaysOpen: true,
    holidayCountry: null,
    closures: [],
  };
  return slaPolicyRecord(policy, calendar);
}

/** New versions replace the active ones of their ids (the partial unique index allows one active version per id). */
async function storePolicyVersions(manager: EntityManager, policies: readonly SlaPolicy[]): Promise<void> {
  if (policies.length === 0) return;
  await manager.query(`UPDATE sla_policies SET is_active = false WHERE id = ANY($1::text[]) AND is_active`, [
    policies.map((policy) => policy.id),
  ]);
  await manager.query(
    `INSERT INTO sla_policies (id, version, position, name, conditions, targets, calendar_id, warning_threshold)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[], $8::float8[])`,
    [
      policies.map((policy) => policy.id),
      policies.map((policy) => policy.version),
      policies.map((policy) => policy.position),
      policies.map((policy) => policy.name),
      policies.map((policy) => JSON.stringify(policy.when)),
      policies.map((policy) => JSON.stringify(policy.targetsInMinutes)),
      policies.map((policy) => policy.calendarId),
      policies.map((policy) => policy.warningThreshold),
    ],
  );
}
