// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/admin.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import { AdminEntityType, OwnerParty } from '../../domain/enums';

export interface SaveSlaPolicyParams {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly conditions: Record<string, unknown>;
  readonly targetsInMinutes: Record<string, unknown>;
  readonly calendarId: string;
  readonly warningThreshold: number;
  readonly expectedVersion?: number;
  readonly note?: string;
}

/** Open hours of one weekday. */
export interface WeeklyOpenHoursParams {
  readonly weekday: number;
  readonly opensAt: string;
  readonly closesAt: string;
}

/** Days the calendar is closed, e.g. a holiday closure. */
export interface ClosureParams {
  readonly startDate: string;
  readonly endDate: string;
  readonly reason: string;
  readonly recurringYearly?: boolean;
}

export interface SaveBusinessCalendarParams {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly alwaysOpen: boolean;
  readonly holidayCountry?: string | null;
  readonly weeklyHours: WeeklyOpenHoursParams[];
  readonly closures: ClosureParams[];
  readonly expectedVersion?: number;
  readonly note?: string;
}

export interface SaveRoutingRuleParams {
  readonly id: string;
  readonly position: number;
  readonly owner: OwnerParty;
  readonly conditions: Array<Record<string, unknown>>;
  readonly reason: string;
  readonly expectedVersion?: number;
  readonly note?: string;
}

/** Retire an active routing rule, SLA policy or calendar (admins): it stops applying; its versions stay readable. */
export interface RetireReferenceDataParams {
  readonly id: string;
  readonly expectedVersion?: number;
  readonly note?: string;
}

/** A new position for one entry. */
export interface PositionParams {
  readonly id: string;
  readonly position: number;
}

/** Move several routing rules or SLA policies at once (admins): each moved entry gets a new version; the table is checked as a whole. */
export interface ReorderReferenceDataParams {
  readonly positions: PositionParams[];
  readonly note?: string;
}

export interface AdminAuditLogArgsParams {
  readonly first?: number;
  readonly after?: string;
  readonly entityType?: AdminEntityType;
  readonly entityId?: string;
}

/** One rule of a proposed routing table (as saveRoutingRule takes it, without a version). */
export interface ProposedRoutingRuleParams {
  readonly id: string;
  readonly position: number;
  readonly owner: OwnerParty;
  readonly conditions: Array<Record<string, unknown>>;
  readonly reason: string;
}

export interface SimulateRoutingTableParams {
  readonly rules: ProposedRoutingRuleParams[];
  readonly since?: Date;
  readonly until?: Date;
  readonly limit?: number;
}

/** One policy of a proposed SLA policy set (as saveSlaPolicy takes it, without a version). */
export type ProposedSlaPolicyParams = Omit<SaveSlaPolicyParams, 'expectedVersion' | 'note'>;

export interface SimulateSlaPoliciesParams {
  readonly policies: ProposedSlaPolicyParams[];
  readonly since?: Date;
  readonly until?: Date;
  readonly limit?: number;
}

/** `routingRuleVersions`, `slaPolicyVersions`, `businessCalendarVersions`: one entry's versions, a page of them. */
export interface ReferenceDataVersionsParams {
  readonly id: string;
  readonly first?: number | null;
  readonly after?: string | null;
}
