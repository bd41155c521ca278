import { OwnerParty } from '../domain/enums';
import { SqlParameters } from '../db/sql-parameters';
import { nextFireAt } from '../rules/sla-clock.rule';
import { SlaClock, SlaClockState } from '../rules/sla-clock-model.rule';
import { SlaMetric } from '../rules/sla-policy.rule';

/** A row of sla_clocks as pg returns it. */
export interface SlaClockRow {
  id: string;
  ticket_id: string;
  metric: SlaMetric;
  owner_party: OwnerParty;
  policy_id: string;
  policy_version: number;
  calendar_id: string;
  calendar_version: number;
  target_minutes: number;
  warning_threshold: number;
  state: SlaClockState;
  started_at: Date;
  due_at: Date;
  warn_at: Date;
  paused_business_minutes: number;
  paused_at: Date | null;
  warned_at: Date | null;
  met_at: Date | null;
  breached_at: Date | null;
  cancelled_at: Date | null;
  used_business_minutes: number | null;
}

export function slaClockFromRow(row: SlaClockRow): SlaClock {
  return {
    id: row.id,
    metric: row.metric,
    ownerParty: row.owner_party,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    calendarId: row.calendar_id,
    calendarVersion: row.calendar_version,
    targetMinutes: row.target_minutes,
    warningThreshold: row.warning_threshold,
    state: row.state,
    startedAt: row.started_at,
    dueAt: row.due_at,
    warnAt: row.warn_at,
    pausedBusinessMinutes: row.paused_business_minutes,
    pausedAt: row.paused_at,
    warnedAt: row.warned_at,
    metAt: row.met_at,
    breachedAt: row.breached_at,
    cancelledAt: row.cancelled_at,
    usedBusinessMinutes: row.used_business_minutes,
  };
}

const CLOCK_TIMESTAMPS = ['started_at', 'due_at', 'warn_at', 'paused_at', 'warned_at', 'met_at', 'breached_at', 'cancelled_at'] as const;
const CLOCK_VALUES = [
  'metric',
  'owner_party',
  'policy_id',
  'policy_version',
  'calendar_id',
  'calendar_version',
  'target_minutes',
  'warning_threshold',
  'state',
  'paused_business_minutes',
  'used_business_minutes',
] as const;
/** Every column of a clock row besides its id and ticket. */
const CLOCK_COLUMNS = [...CLOCK_VALUES, ...CLOCK_TIMESTAMPS];

/** A ticket's clocks and deadlines as stored (no customer tier: readers other than planners do not need it). */
export interface StoredSlaState {
  clocks: SlaClock[];
  nextSlaDueAt: Date | null;
  escalationDueAt: Date | null;
}

/**
 * The select list and joins that read the SLA state of the tickets `k.ticket_id` in one statement: one row per
 * clock (a ticket without clocks gives one row with null clock columns), deadlines repeated on each.
 */
export const SLA_STATE_SELECT = `k.ticket_id AS state_ticket_id, d.next_sla_due_at AS deadline_next_sla_due_at, d.escalation_due_at AS deadline_escalation_due_at,
  c.id, c.ticket_id, ${CLOCK_COLUMNS.map((column) => `c.${column}`).join(', ')}`;
export const SLA_STATE_JOINS = `LEFT JOIN ticket_deadlines d ON d.ticket_id = k.ticket_id LEFT JOIN sla_clocks c ON c.ticket_id = k.ticket_id`;
/** The same with only the counting (ACTIVE) clocks: all that the timers fire and that nextSlaDueAt depends on. */
export const SLA_COUNTING_STATE_JOINS = `LEFT JOIN ticket_deadlines d ON d.ticket_id = k.ticket_id LEFT JOIN sla_clocks c ON c.ticket_id = k.ticket_id AND c.state = 'ACTIVE'`;
export const SLA_STATE_ORDER = `k.ticket_id, c.id`;

export type SlaStateRow = Partial<SlaClockRow> & {
  state_ticket_id: string;
  deadline_next_sla_due_at: Date | null;
  deadline_escalation_due_at: Date | null;
};

/** Groups SLA_STATE_SELECT rows per ticket; `extend` adds what the caller selected besides. */
export function slaStatesFromRows<Row extends SlaStateRow, State extends StoredSlaState>(
  rows: readonly Row[],
  extend: (row: Row, state: StoredSlaState) => State,
): Map<string, State> {
  const states = new Map<string, State>();
  for (const row of rows) {
    let state = states.get(row.state_ticket_id);
    if (!state) {
      state = extend(row, { clocks: [], nextSlaDueAt: row.deadline_next_sla_due_at, escalationDueAt: row.deadline_escalation_due_at });
      states.set(row.state_ticket_id, state);
    }
    if (row.id !== null && row.id !== undefined) state.clocks.push(slaClockFromRow(row as SlaClockRow));
  }
  return states;
}

type ClockColumn = (typeof CLOCK_VALUES)[number] | (typeof CLOCK_TIMESTAMPS)[number];

/** The columns each field of SlaClockView reads (src/graphql/sla.type.ts). */
export const CLOCK_VIEW_COLUMNS: Readonly<Record<string, readonly ClockColumn[]>> = {
  metric: ['metric'],
  owner: ['owner_party'],
  state: ['state'],
  startedAt: ['started_at'],
  dueAt: ['due_at'],
  warnAt: ['warn_at'],
  pausedAt: ['paused_at'],
  metAt: ['met_at'],
  breachedAt: ['breached_at'],
  targetMinutes: ['target_minutes'],
  usedBusinessMinutes: ['used_business_minutes'],
  remainingBusinessMinutes: [
    'state',
    'met_at',
    'target_minutes',
    'started_at',
    'paused_at',
    'paused_business_minutes',
    'calendar_id',
    'calendar_version',
  ],
  policy: ['policy_id', 'policy_version'],
  calendar: ['calendar_id', 'calendar_version'],
};

/** The clock columns the view fields read, or null (every column) for a field not listed. */
export function clockColumnsFor(fields: ReadonlySet<string>): ClockColumn[] | null {
  const columns = new Set<ClockColumn>();
  for (const field of fields) {
    if (field === '__typename') continue;
    const listed = CLOCK_VIEW_COLUMNS[field];
    if (!listed) return null;
    for (const column of listed) columns.add(column);
  }
  return [...columns];
}

/**
 * A clock row aliased `alias` as a JSON object with the keys of SlaClockRow (ids as text), of the given columns
 * (every column when null).
 */
export function slaClockJsonSql(alias: string, only: readonly ClockColumn[] | null = null): string {
  const chosen = only === null ? CLOCK_COLUMNS : CLOCK_COLUMNS.filter((column) => only.includes(column));
  const columns = chosen.map((column) => `, '${column}', ${alias}.${column}`);
  return `json_build_object('id', ${alias}.id::text, 'ticket_id', ${alias}.ticket_id::text${columns.join('')})`;
}

/** A clock from the object `slaClockJsonSql` built (timestamps arrive as ISO 8601 text). */
export function slaClockFromJson(object: Record<string, unknown>): SlaClock {
  const row = { ...object } as Record<string, unknown>;
  for (const column of CLOCK_TIMESTAMPS) if (typeof row[column] === 'string') row[column] = new Date(row[column]);
  return slaClockFromRow(row as unknown as SlaClockRow);
}

/**
 * The seller or carrier a clock of `ownerParty` (an SQL expression) measures, from the ticket row aliased `ticket`
 * as it stands when the clock starts: the owner it was just given. Null for the platform. Written once, with the
 * clock (`sla_clocks.owner_id`): scorecards read whose a clock is from the clock row alone.
 */
export function clockOwnerIdSql(ownerParty: string, ticket: string): string {
  return `CASE ${ownerParty} WHEN 'SELLER' THEN ${ticket}.seller_id WHEN 'CARRIER' THEN ${ticket}.carrier_id END`;
}

/** Each column a started clock is written with: its name, PostgreSQL type and value. */
const STARTED_CLOCK_ARRAYS: ReadonlyArray<readonly [column: string, type: string, value: (clock: SlaClock) => unknown]> = [
  ['metric', 'text', (clock) => clock.metric],
  ['owner_party', 'text', (clock) => clock.ownerParty],
  ['policy_id', 'text', (clock) => clock.policyId],
  ['policy_version', 'int', (clock) => clock.policyVersion],
  ['calendar_id', 'text', (clock) => clock.calendarId],
  ['calendar_version', 'int', (clock) => clock.calendarVersion],
  ['target_minutes', 'float8', (clock) => clock.targetMinutes],
  ['warning_threshold', 'float8', (clock) => clock.warningThreshold],
  ['state', 'text', (clock) => clock.state],
  ['started_at', 'timestamptz', (clock) => clock.startedAt],
  ['due_at', 'timestamptz', (clock) => clock.dueAt],
  ['warn_at', 'timestamptz', (clock) => clock.warnAt],
  ['paused_at', 'timestamptz', (clock) => clock.pausedAt],
  ['next_fire_at', 'timestamptz', (clock) => nextFireAt(clock)],
];

/** The columns a new clock is inserted with besides its ticket, in the order of `startedClockArraysSql`. */
export const STARTED_CLOCK_COLUMNS = STARTED_CLOCK_ARRAYS.map(([column]) => column).join(', ');

/** One typed array parameter per STARTED_CLOCK_COLUMNS column of `clocks`, comma-separated: the arguments of an unnest. */
export function startedClockArraysSql(clocks: readonly SlaClock[], parameters: SqlParameters): string {
  return STARTED_CLOCK_ARRAYS.map(([, type, value]) => `${parameters.add(clocks.map(value))}::${type}[]`).join(', ');
}
