import { isPlatformStaff } from '../auth/principal';
import { Ticket } from '../entities';
import { ForbiddenError } from '../domain/errors';
import { BusinessCalendarRecord, SlaPolicyRecord, TicketSla } from './views/sla.view';
import { BusinessCalendar } from '../rules/business-calendar.rule';
import { remainingBusinessMinutes } from '../rules/sla-clock.rule';
import { SlaPolicy } from '../rules/sla-policy.rule';
import { RequestContext } from './request-context';
import { SlaCatalog } from './sla-catalog';

export class SlaQueryService {
  constructor(private readonly catalog: SlaCatalog) {}

  /**
   * `Ticket.sla`: the ticket's clocks through the per-request loader. What takes work (remaining business time on
   * the calendar, the policy's name) is computed when asked for: a clock fetched ahead carries only the columns
   * its query's fields read (src/loaders/ticket-graph.loader.ts).
   */
  async ticketSla(ctx: RequestContext, ticket: Ticket): Promise<TicketSla> {
    const [{ clocks, nextSlaDueAt, escalationDueAt }, catalog] = await Promise.all([
      ctx.loaders.slaStateOfTicket(ticket),
      this.catalog.load(ctx.dataSource.manager),
    ]);
    const now = ctx.now();
    return {
      nextDueAt: nextSlaDueAt,
      escalatesAt: escalationDueAt,
      clocks: clocks.map((clock) => ({
        metric: clock.metric,
        owner: clock.ownerParty,
        state: clock.state,
        startedAt: clock.startedAt,
        dueAt: clock.dueAt,
        warnAt: clock.warnAt,
        pausedAt: clock.pausedAt,
        metAt: clock.metAt,
        breachedAt: clock.breachedAt,
        targetMinutes: clock.targetMinutes,
        get remainingBusinessMinutes() {
          return remainingBusinessMinutes(clock, now, catalog.calendarOf(clock.calendarId, clock.calendarVersion));
        },
        usedBusinessMinutes: clock.usedBusinessMinutes,
        get policy() {
          return { id: clock.policyId, name: catalog.policyNameOf(clock.policyId), version: clock.policyVersion };
        },
        get calendar() {
          const calendar = catalog.calendarOf(clock.calendarId, clock.calendarVersion);
          return { id: calendar.id, name: calendar.name, version: calendar.version ?? 1 };
        },
      })),
    };
  }

  async listPolicies(ctx: RequestContext): Promise<SlaPolicyRecord[]> {
    if (!isPlatformStaff(ctx.principal)) throw new ForbiddenError('SLA policies are visible to platform agents and admins');
    const catalog = await this.catalog.load(ctx.dataSource.manager);
    return catalog.policies.map((policy) => slaPolicyRecord(policy, catalog.calendarOf(policy.calendarId)));
  }

  async listCalendars(ctx: RequestContext): Promise<BusinessCalendarRecord[]> {
    if (!isPlatformStaff(ctx.principal)) throw new ForbiddenError('Business calendars are visible to platform agents and admins');
    const catalog = await this.catalog.load(ctx.dataSource.manager);
    return [...catalog.calendars.values()].map(businessCalendarRecord);
  }
}

/** An active policy as the API shows it (also what the audit log records); `calendar`: the one it runs on. */
export function slaPolicyRecord(policy: SlaPolicy, calendar: BusinessCalendar): SlaPolicyRecord {
  return {
    id: policy.id,
    isActive: true,
    name: policy.name,
    version: policy.version,
    position: policy.position,
    conditions: { ...policy.when },
    targetsInMinutes: { ...policy.targetsInMinutes },
    calendar: { id: calendar.id, name: calendar.name, version: calendar.version ?? 1 },
    warningThreshold: policy.warningThreshold,
  };
}

/** An active calendar as the API shows it (also what the audit log records). */
export function businessCalendarRecord(calendar: BusinessCalendar): BusinessCalendarRecord {
  return {
    id: calendar.id,
    isActive: true,
    version: calendar.version ?? 1,
    name: calendar.name,
    timeZone: calendar.timeZone,
    alwaysOpen: calendar.alwaysOpen,
    holidayCountry: calendar.holidayCountry,
    weeklyHours: calendar.weeklyHours.map((hours) => ({ ...hours })),
    closures: calendar.closures.map((closure) => ({ ...closure })),
  };
}
