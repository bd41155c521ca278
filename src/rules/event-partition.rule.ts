// Which months of the event log (ticket_events, partitioned by the UTC month of created_at) must exist, and which
// may leave it (docs/events.md, "The event log's partitions"). Pure: `now` is passed in.

/** Months prepared ahead of the current one, so that a missed run of the hourly job never matters. */
export const EVENT_MONTHS_PREPARED_AHEAD = 3;

export interface EventPartitionPlan {
  /** Prepare a partition for every month from this instant's month … */
  prepareFrom: Date;
  /** … through this instant's month. */
  prepareThrough: Date;
  /** Detach every month that ends at or before this instant; null: keep every month (no retention). */
  detachBefore: Date | null;
}

/** The first instant of the UTC month `months` after (or before, when negative) the month of `at`. */
export function utcMonthStart(at: Date, months: number = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
}

/**
 * `retentionMonths` (TICKET_EVENT_RETENTION_MONTHS): the current month and that many whole months before it stay
 * in the log; null keeps everything. Zero keeps the current month only.
 */
export function planEventPartitions(now: Date, retentionMonths: number | null): EventPartitionPlan {
  if (retentionMonths !== null && (!Number.isInteger(retentionMonths) || retentionMonths < 0)) {
    throw new Error(`retentionMonths must be a whole number from 0, was ${retentionMonths}`);
  }
  return {
    prepareFrom: utcMonthStart(now),
    prepareThrough: utcMonthStart(now, EVENT_MONTHS_PREPARED_AHEAD),
    detachBefore: retentionMonths === null ? null : utcMonthStart(now, -retentionMonths),
  };
}
