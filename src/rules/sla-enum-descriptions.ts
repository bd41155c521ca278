import { SlaClockState } from './sla-clock-model.rule';
import { SlaMetric } from './sla-policy.rule';
import { SlaReportGrouping } from './sla-report.rule';

// What each value of the SLA rules' enums means to a client, as data beside the rules that define them: the
// schema's enum value descriptions (src/graphql/register-enums.ts). A Record per enum, so a new value does not
// compile without one.

export const SLA_METRIC_DESCRIPTIONS: Record<SlaMetric, string> = {
  FIRST_RESPONSE: 'From the moment the owner receives the ticket to its first PUBLIC reply.',
  NEXT_RESPONSE: 'From the first customer message after an owner reply to the next owner reply.',
  RESOLUTION: 'Until the ticket is SOLVED; paused while PENDING (waiting on the customer).',
};

export const SLA_CLOCK_STATE_DESCRIPTIONS: Record<SlaClockState, string> = {
  ACTIVE: 'Counting.',
  PAUSED: 'Stopped while waiting on the customer; the pause is paid back on the due time.',
  MET: 'The owner did it in time.',
  BREACHED: 'The due time passed first; recorded once, at the moment the timer saw it.',
  CANCELLED: 'The owner changed (or the ticket closed) before it was met; usedBusinessMinutes tells its share.',
};

export const SLA_REPORT_GROUPING_DESCRIPTIONS: Record<SlaReportGrouping, string> = {
  DAY: 'One period per calendar day (00:00–24:00 Asia/Tokyo).',
  WEEK: 'One period per ISO week, Monday to Sunday in Asia/Tokyo.',
  MONTH: 'One period per calendar month in Asia/Tokyo.',
};
