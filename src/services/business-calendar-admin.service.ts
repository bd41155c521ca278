import { EntityManager } from 'typeorm';
import { AdminAction, AdminEntityType } from '../domain/enums';
import { RetireReferenceDataParams, SaveBusinessCalendarParams } from './params/admin.params';
import { BusinessCalendarRecord } from './views/sla.view';
import { MutationResult, refused, succeeded, UserErrorCode, userError } from '../domain/user-error';
import { BusinessCalendar } from '../rules/business-calendar.rule';
import { businessCalendarProblems } from '../rules/reference-data-validation.rule';
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
import { businessCalendarRecord } from './sla-query.service';

/**
 * Admins change business calendars (issue #16): a holiday closure, a seller's own hours. Each change is a new
 * version: running clocks keep the version they started on, new clocks take the new one. Audited and announced
 * to every instance in the change's own transaction.
 */
export class BusinessCalendarAdminService {
  async saveBusinessCalendar(ctx: RequestContext, input: SaveBusinessCalendarParams): Promise<MutationResult<BusinessCalendarRecord>> {
    const refusals = adminRefusals(ctx.principal, input.note);
    if (refusals.length > 0) return refused(...refusals);
    const now = ctx.now();
    return this.change(ctx, async (manager, calendars) => {
      const current = calendars.get(input.id) ?? null;
      const conflict = versionConflict(input.id, current?.version ?? null, input.expectedVersion);
      if (conflict.length > 0) return { result: refused<BusinessCalendarRecord>(...conflict), changes: [] };
      const candidate: BusinessCalendar = {
        id: input.id,
        version: await nextVersionOf(manager, 'business_calendars', input.id),
        name: input.name.trim(),
        timeZone: input.timeZone,
        alwaysOpen: input.alwaysOpen,
        holidayCountry: input.holidayCountry ?? null,
        weeklyHours: input.weeklyHours.map((hours) => ({ weekday: hours.weekday, opensAt: hours.opensAt, closesAt: hours.closesAt })),
        closures: input.closures.map((closure) => ({
          startDate: closure.startDate,
          endDate: closure.endDate,
          reason: closure.reason,
          ...(closure.recurringYearly ? { recurringYearly: true } : {}),
        })),
      };
      const problems = businessCalendarProblems(candidate, now);
      if (problems.length > 0) return { result: refused<BusinessCalendarRecord>(...problemErrors(problems)), changes: [] };
      await storeCalendarVersion(manager, candidate);
      const after = businessCalendarRecord(candidate);
      return {
        result: succeeded(after),
        changes: [
          {
            entityType: AdminEntityType.BUSINESS_CALENDAR,
            entityId: input.id,
            version: candidate.version!,
            action: current ? AdminAction.UPDATE : AdminAction.CREATE,
            before: current && businessCalendarRecord(current),
            after,
            note: noteOf(input.note),
          },
        ],
      };
    });
  }

  /** Refused while an active SLA policy runs on the calendar; clocks already on it keep computing with its versions. */
  async retireBusinessCalendar(ctx: RequestContext, input: RetireReferenceDataParams): Promise<MutationResult<BusinessCalendarRecord>> {
    const refusals = adminRefusals(ctx.principal, input.note);
    if (refusals.length > 0) return refused(...refusals);
    return this.change(ctx, async (manager, calendars) => {
      const current = calendars.get(input.id);
      if (!current)
        return {
          result: refused<BusinessCalendarRecord>(
            userError(UserErrorCode.NOT_FOUND, `No active business calendar ${input.id}`, 'input.id'),
          ),
          changes: [],
        };
      const conflict = versionConflict(input.id, current.version ?? 1, input.expectedVersion);
      if (conflict.length > 0) return { result: refused<BusinessCalendarRecord>(...conflict), changes: [] };
      // The policy table's lock: no policy may start using the calendar while it is being retired.
      await lockReferenceTable(manager, AdminEntityType.SLA_POLICY);
      const users = (await readActiveSlaPolicies(manager)).filter((policy) => policy.calendarId === input.id);
      if (users.length > 0) {
        const message = `${input.id} is the calendar of the SLA polic${users.length > 1 ? 'ies' : 'y'} ${users.map((policy) => policy.id).join(', ')}: move them first`;
        return { result: refused<BusinessCalendarRecord>(userError(UserErrorCode.INVALID_INPUT, message, 'input.id')), changes: [] };
      }
      await manager.query(`UPDATE business_calendars SET is_active = false WHERE id = $1 AND is_active`, [input.id]);
      const before = businessCalendarRecord(current);
      return {
        result: succeeded({ ...before, isActive: false }),
        changes: [
          {
            entityType: AdminEntityType.BUSINESS_CALENDAR,
            entityId: input.id,
            version: current.version ?? 1,
            action: AdminAction.RETIRE,
            before,
            after: null,
            note: noteOf(input.note),
          },
        ],
      };
    });
  }

  private async change<T>(
    ctx: RequestContext,
    plan: (
      manager: EntityManager,
      calendars: Map<string, BusinessCalendar>,
    ) => Promise<{ result: MutationResult<T>; changes: AdminChange[] }>,
  ): Promise<MutationResult<T>> {
    const now = ctx.now();
    const result = await ctx.dataSource.transaction(async (manager) => {
      await lockReferenceTable(manager, AdminEntityType.BUSINESS_CALENDAR);
      const planned = await plan(manager, await readActiveCalendars(manager));
      if (planned.result.ok) await recordAdminChanges(manager, actorOf(ctx.principal), planned.changes, now);
      return planned.result;
    });
    if (result.ok) invalidateReferenceData(ctx.dataSource);
    return result;
  }
}

async function storeCalendarVersion(manager: EntityManager, calendar: BusinessCalendar): Promise<void> {
  const definition = {
    weeklyHours: calendar.weeklyHours,
    alwaysOpen: calendar.alwaysOpen,
    holidayCountry: calendar.holidayCountry,
    closures: calendar.closures,
  };
  await manager.query(`UPDATE business_calendars SET is_active = false WHERE id = $1 AND is_active`, [calendar.id]);
  await manager.query(`INSERT INTO business_calendars (id, version, name, time_zone, definition) VALUES ($1, $2, $3, $4, $5)`, [
    calendar.id,
    calendar.version,
    calendar.name,
    calendar.timeZone,
    JSON.stringify(definition),
  ]);
}
