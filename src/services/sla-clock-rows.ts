import { OwnerParty } from '../domain/enums';
import { SlaClock, SlaClockState } from '../rules/sla-clock.rule';
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
