import { assertNever, OwnerParty } from '../domain/enums';

// SLA scorecards (docs/sla.md, "Scorecards"): the calendar arithmetic of a report and what makes a request
// well-formed. Pure: dates are calendar dates in the report's time zone, as `YYYY-MM-DD` text.

export enum SlaReportGrouping {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/** Reports count calendar days in Japan's time zone, the marketplace's. */
export const REPORT_TIME_ZONE = 'Asia/Tokyo';
/** Japan has kept +09:00 all year since 1951 (no daylight saving): a date's midnight is this offset, always. */
const REPORT_UTC_OFFSET = '+09:00';
/** The longest report: a leap year. */
export const MAXIMUM_REPORT_DAYS = 366;

const MILLISECONDS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`, or null for anything else (2026-02-30 included). */
export function dayNumberOf(date: string): number | null {
  const match = LOCAL_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return time / MILLISECONDS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/** The instant a report day starts: midnight in Tokyo. */
export function startOfReportDay(date: string): Date {
  return new Date(`${date}T00:00:00${REPORT_UTC_OFFSET}`);
}

/** The first day of the bucket a day belongs to: itself, the Monday of its ISO week, or the 1st of its month. */
export function bucketStartOf(dayNumber: number, grouping: SlaReportGrouping): number {
  switch (grouping) {
    case SlaReportGrouping.DAY:
      return dayNumber;
    case SlaReportGrouping.WEEK:
      // 1970-01-01 was a Thursday: (dayNumber + 3) mod 7 is 0 on Mondays.
      return dayNumber - ((((dayNumber + 3) % 7) + 7) % 7);
    case SlaReportGrouping.MONTH: {
      const date = new Date(dayNumber * MILLISECONDS_PER_DAY);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MILLISECONDS_PER_DAY;
    }
    default:
      return assertNever(grouping);
  }
}

/** One period of a report: its first bucket day (the key the database groups by) and the days it covers. */
export interface ReportBucket {
  /** The first day of the whole day, week or month, even when the report starts later in it. */
  key: string;
  /** First day counted: the bucket's first day, or the report's first day when that is later. */
  from: string;
  /** Last day counted: the bucket's last day, or the report's last day when that is earlier. */
  to: string;
}

/** Every bucket of [from, to] (both valid, from ≤ to), in order, the first and last clipped to the report's days. */
export function reportBuckets(from: string, to: string, grouping: SlaReportGrouping): ReportBucket[] {
  const first = dayNumberOf(from)!;
  const last = dayNumberOf(to)!;
  const buckets: ReportBucket[] = [];
  let day = first;
  while (day <= last) {
    const key = bucketStartOf(day, grouping);
    let end = day;
    while (end + 1 <= last && bucketStartOf(end + 1, grouping) === key) end += 1;
    buckets.push({ key: dateOfDayNumber(key), from: dateOfDayNumber(day), to: dateOfDayNumber(end) });
    day = end + 1;
  }
  return buckets;
}

/** What a report request names, as the caller sent it (ids already decoded). */
export interface SlaReportRequestShape {
  party: OwnerParty;
  sellerId: string | null;
  carrierId: string | null;
  from: string;
  to: string;
}

/** A reason a request is malformed, with the input field at fault. */
export interface ReportInputProblem {
  field: string;
  message: string;
}

/** The first problem of a request, or null: dates, their order and span, and the id the party needs (and no other). */
export function reportInputProblem(request: SlaReportRequestShape): ReportInputProblem | null {
  const first = dayNumberOf(request.from);
  const last = dayNumberOf(request.to);
  if (first === null)
    return { field: 'input.from', message: `from must be a calendar date YYYY-MM-DD (was ${JSON.stringify(request.from)})` };
  if (last === null) return { field: 'input.to', message: `to must be a calendar date YYYY-MM-DD (was ${JSON.stringify(request.to)})` };
  if (first > last) return { field: 'input.to', message: `to (${request.to}) is before from (${request.from})` };
  const days = last - first + 1;
  if (days > MAXIMUM_REPORT_DAYS)
    return {
      field: 'input.to',
      message: `a report covers at most ${MAXIMUM_REPORT_DAYS} days (from ${request.from} to ${request.to} is ${days})`,
    };
  return partyIdProblem(request);
}

function partyIdProblem(request: SlaReportRequestShape): ReportInputProblem | null {
  const { party, sellerId, carrierId } = request;
  switch (party) {
    case OwnerParty.SELLER:
      if (sellerId === null) return { field: 'input.sellerId', message: 'party SELLER needs sellerId: the seller measured' };
      if (carrierId !== null) return { field: 'input.carrierId', message: 'party SELLER takes no carrierId' };
      return null;
    case OwnerParty.CARRIER:
      if (carrierId === null) return { field: 'input.carrierId', message: 'party CARRIER needs carrierId: the carrier measured' };
      if (sellerId !== null) return { field: 'input.sellerId', message: 'party CARRIER takes no sellerId' };
      return null;
    case OwnerParty.PLATFORM:
      if (sellerId !== null) return { field: 'input.sellerId', message: 'party PLATFORM takes no sellerId' };
      if (carrierId !== null) return { field: 'input.carrierId', message: 'party PLATFORM takes no carrierId' };
      return null;
    default:
      return assertNever(party);
  }
}

/** Met over met and breached; null when no clock was decided. Cancelled and running clocks are neither. */
export function achievementRate(met: number, breached: number): number | null {
  return met + breached === 0 ? null : met / (met + breached);
}
