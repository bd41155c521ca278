import { DataSource, EntityManager } from 'typeorm';
import { BusinessCalendar, WeeklyOpenHours, Closure } from '../rules/business-calendar.rule';
import { SlaMetric, SlaPolicy, SlaPolicyCondition } from '../rules/sla-policy.rule';
import { ReferenceDataCache } from './reference-data-cache';

/** The active SLA policies (in evaluation order) and every business calendar, as the pure rules take them. */
export interface SlaCatalogSnapshot {
  policies: SlaPolicy[];
  /** The active version of each calendar, by id. */
  calendars: Map<string, BusinessCalendar>;
  /** A calendar by id and version (every version stays readable: clocks keep theirs); the active one without a version. */
  calendarOf: (calendarId: string, version?: number) => BusinessCalendar;
  /** Name of an active policy, or its id for one no longer active. */
  policyNameOf(policyId: string): string;
}

/** A row of sla_policies as pg returns it. */
export interface PolicyRow {
  id: string;
  version: number;
  position: number;
  name: string;
  conditions: SlaPolicyCondition;
  targets: Partial<Record<SlaMetric, number>>;
  calendar_id: string;
  warning_threshold: number;
}

/** A row of business_calendars as pg returns it. */
export interface CalendarRow {
  id: string;
  version: number;
  is_active: boolean;
  name: string;
  time_zone: string;
  definition: { weeklyHours: WeeklyOpenHours[]; alwaysOpen: boolean; holidayCountry: string | null; closures: Closure[] };
}

/** Policies and calendars, kept per process for a minute (ReferenceDataCache). */
export class SlaCatalog {
  private readonly cache = new ReferenceDataCache((dataSource) => this.read(dataSource));

  load(manager: EntityManager): Promise<SlaCatalogSnapshot> {
    return this.cache.load(manager);
  }

  private async read(dataSource: DataSource): Promise<SlaCatalogSnapshot> {
    const [policyRows, calendarRows] = await Promise.all([
      dataSource.query<PolicyRow[]>(
        `SELECT id, version, position, name, conditions, targets, calendar_id, warning_threshold FROM sla_policies WHERE is_active ORDER BY position, id`,
      ),
      dataSource.query<CalendarRow[]>(
        `SELECT id, version, is_active, name, time_zone, definition FROM business_calendars ORDER BY id, version`,
      ),
    ]);
    const versions = new Map<string, BusinessCalendar>();
    const calendars = new Map<string, BusinessCalendar>();
    for (const row of calendarRows) {
      const calendar = businessCalendarFromRow(row);
      versions.set(`${row.id}@${row.version}`, calendar);
      if (row.is_active) calendars.set(row.id, calendar);
    }
    const policies = policyRows.map(slaPolicyFromRow);
    const policyNames = new Map(policies.map((policy) => [policy.id, policy.name]));
    return {
      policies,
      calendars,
      policyNameOf: (policyId) => policyNames.get(policyId) ?? policyId,
      calendarOf: (calendarId, version) => {
        const calendar = version === undefined ? calendars.get(calendarId) : versions.get(`${calendarId}@${version}`);
        if (!calendar) throw new Error(`Unknown business calendar ${calendarId}${version === undefined ? '' : ` version ${version}`}`);
        return calendar;
      },
    };
  }
}

export function slaPolicyFromRow(row: PolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    position: row.position,
    when: row.conditions,
    targetsInMinutes: row.targets,
    calendarId: row.calendar_id,
    warningThreshold: row.warning_threshold,
  };
}

export function businessCalendarFromRow(row: CalendarRow): BusinessCalendar {
  return { id: row.id, version: row.version, name: row.name, timeZone: row.time_zone, ...row.definition };
}

/** The active policies, in evaluation order, read in the caller's transaction (admin changes validate against them). */
export async function readActiveSlaPolicies(manager: EntityManager): Promise<SlaPolicy[]> {
  const rows = await manager.query<PolicyRow[]>(
    `SELECT id, version, position, name, conditions, targets, calendar_id, warning_threshold FROM sla_policies WHERE is_active ORDER BY position, id`,
  );
  return rows.map(slaPolicyFromRow);
}

/** The active version of every calendar, by id, read in the caller's transaction. */
export async function readActiveCalendars(manager: EntityManager): Promise<Map<string, BusinessCalendar>> {
  const rows = await manager.query<CalendarRow[]>(
    `SELECT id, version, is_active, name, time_zone, definition FROM business_calendars WHERE is_active ORDER BY id`,
  );
  return new Map(rows.map((row) => [row.id, businessCalendarFromRow(row)]));
}
