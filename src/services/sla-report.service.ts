import { mayReadScorecard } from '../auth/scope';
import { OwnerParty } from '../domain/enums';
import { fromGlobalIdOfType, MalformedGlobalIdError, NodeTypeName, toGlobalId } from '../domain/global-id';
import { SlaMetric } from '../rules/sla-policy.rule';
import {
  achievementRate,
  REPORT_TIME_ZONE,
  reportBuckets,
  reportInputProblem,
  SlaReportGrouping,
  startOfReportDay,
  dayNumberOf,
  dateOfDayNumber,
} from '../rules/sla-report.rule';
import { RequestContext } from './request-context';
import {
  ClockFiguresRow,
  CountRow,
  ownerExists,
  readClockFigures,
  readEscalationsAway,
  readRatings,
  ScorecardScope,
} from './sla-report-queries';

/** `slaReport`'s request (plain: the GraphQL input satisfies it). Ids are global ids; dates `YYYY-MM-DD` in Asia/Tokyo, both days counted. */
export interface SlaReportRequest {
  party: OwnerParty;
  sellerId?: string | null;
  carrierId?: string | null;
  from: string;
  to: string;
  groupBy: SlaReportGrouping;
}

/** One metric's clocks in a period. */
export interface SlaMetricFigures {
  metric: SlaMetric;
  clocks: number;
  met: number;
  breached: number;
  cancelled: number;
  running: number;
  answered: number;
  achievementRate: number | null;
  medianBusinessMinutes: number | null;
  p90BusinessMinutes: number | null;
}

export interface SlaReportPeriod {
  from: string;
  to: string;
  metrics: SlaMetricFigures[];
  escalationsAway: number;
  ratings: number;
  satisfactionAverage: number | null;
}

export interface SlaReportResult {
  party: OwnerParty;
  sellerId: string | null;
  carrierId: string | null;
  from: string;
  to: string;
  groupBy: SlaReportGrouping;
  timeZone: string;
  total: SlaReportPeriod;
  periods: SlaReportPeriod[];
}

/** Why a report was not given: the caller may not read it, or the request is malformed (`field` says where). */
export interface SlaReportRefusal {
  reason: 'FORBIDDEN' | 'INVALID_INPUT';
  field: string | null;
  message: string;
}

export type SlaReportOutcome = { ok: true; report: SlaReportResult } | { ok: false; refusal: SlaReportRefusal };

const MILLISECONDS_PER_MINUTE = 60_000;
const METRICS: readonly SlaMetric[] = [SlaMetric.FIRST_RESPONSE, SlaMetric.NEXT_RESPONSE, SlaMetric.RESOLUTION];

/**
 * `slaReport`: an owner's SLA scorecard (docs/sla.md, "Scorecards"). Every owner is measured on its own share of
 * every ticket: the clocks that ran for it (sla_clocks.owner_id), the escalations that took tickets away from it,
 * the ratings of the tickets it held when rated. Reads only; three indexed statements (four with the check that the
 * seller or carrier exists).
 */
export class SlaReportService {
  async slaReport(ctx: RequestContext, request: SlaReportRequest): Promise<SlaReportOutcome> {
    const decoded = decodeOwnerIds(request);
    if ('refusal' in decoded) return { ok: false, refusal: decoded.refusal };
    const { sellerId, carrierId } = decoded;
    const problem = reportInputProblem({ party: request.party, sellerId, carrierId, from: request.from, to: request.to });
    if (problem) return invalid(problem.field, problem.message);
    if (!mayReadScorecard(ctx.principal, { party: request.party, sellerId, carrierId })) {
      return { ok: false, refusal: { reason: 'FORBIDDEN', field: null, message: 'You may read only your own SLA scorecard' } };
    }
    const ownerId = sellerId ?? carrierId;
    if (ownerId !== null && !(await ownerExists(ctx.dataSource, request.party as OwnerParty.SELLER | OwnerParty.CARRIER, ownerId))) {
      return invalid(
        sellerId !== null ? 'input.sellerId' : 'input.carrierId',
        `No ${sellerId !== null ? 'seller' : 'carrier'} has this id`,
      );
    }
    const scope: ScorecardScope = {
      party: request.party,
      ownerId,
      start: startOfReportDay(request.from),
      end: startOfReportDay(dateOfDayNumber(dayNumberOf(request.to)! + 1)),
      grouping: request.groupBy,
    };
    const [clockRows, escalationRows, ratingRows] = await Promise.all([
      readClockFigures(ctx.dataSource, scope),
      readEscalationsAway(ctx.dataSource, scope),
      readRatings(ctx.dataSource, scope),
    ]);
    return { ok: true, report: assembleReport(request, { sellerId, carrierId }, { clockRows, escalationRows, ratingRows }) };
  }
}

function invalid(field: string, message: string): SlaReportOutcome {
  return { ok: false, refusal: { reason: 'INVALID_INPUT', field, message } };
}

/** Database ids of the request's global ids (null when absent), or the refusal of a malformed one. */
function decodeOwnerIds(request: SlaReportRequest): { sellerId: string | null; carrierId: string | null } | { refusal: SlaReportRefusal } {
  const decode = (globalId: string | null | undefined, typeName: NodeTypeName): string | null =>
    globalId === null || globalId === undefined ? null : fromGlobalIdOfType(globalId, typeName);
  let field = 'input.sellerId';
  try {
    const sellerId = decode(request.sellerId, 'Seller');
    field = 'input.carrierId';
    return { sellerId, carrierId: decode(request.carrierId, 'Carrier') };
  } catch (error) {
    if (error instanceof MalformedGlobalIdError)
      return { refusal: { reason: 'INVALID_INPUT', field, message: `${field}: ${error.message}` } };
    throw error;
  }
}

interface ReportRows {
  clockRows: ClockFiguresRow[];
  escalationRows: CountRow[];
  ratingRows: CountRow[];
}

function assembleReport(
  request: SlaReportRequest,
  ids: { sellerId: string | null; carrierId: string | null },
  rows: ReportRows,
): SlaReportResult {
  const figures = new Map(rows.clockRows.map((row) => [`${row.metric}|${row.bucket ?? ''}`, row]));
  const escalations = new Map(rows.escalationRows.map((row) => [row.bucket, row]));
  const ratings = new Map(rows.ratingRows.map((row) => [row.bucket, row]));
  const periods = reportBuckets(request.from, request.to, request.groupBy).map((bucket) =>
    period(
      bucket.from,
      bucket.to,
      (metric) => figures.get(`${metric}|${bucket.key}`),
      escalations.get(bucket.key)?.count ?? 0,
      ratings.get(bucket.key) ?? null,
    ),
  );
  const ratingTotal = rows.ratingRows.reduce((sum, row) => ({ bucket: '', count: sum.count + row.count, total: sum.total + row.total }), {
    bucket: '',
    count: 0,
    total: 0,
  });
  const escalationTotal = rows.escalationRows.reduce((sum, row) => sum + row.count, 0);
  return {
    party: request.party,
    sellerId: ids.sellerId === null ? null : toGlobalId('Seller', ids.sellerId),
    carrierId: ids.carrierId === null ? null : toGlobalId('Carrier', ids.carrierId),
    from: request.from,
    to: request.to,
    groupBy: request.groupBy,
    timeZone: REPORT_TIME_ZONE,
    total: period(request.from, request.to, (metric) => figures.get(`${metric}|`), escalationTotal, ratingTotal),
    periods,
  };
}

function period(
  from: string,
  to: string,
  figuresOf: (metric: SlaMetric) => ClockFiguresRow | undefined,
  escalationsAway: number,
  ratings: CountRow | null,
): SlaReportPeriod {
  return {
    from,
    to,
    metrics: METRICS.map((metric) => metricFigures(metric, figuresOf(metric))),
    escalationsAway,
    ratings: ratings?.count ?? 0,
    satisfactionAverage: ratings === null || ratings.count === 0 ? null : ratings.total / ratings.count,
  };
}

/** Minutes rounded to the millisecond, the precision clocks keep (interpolation leaves float noise: 28.000000000000007). */
function toTheMillisecond(minutes: number | null): number | null {
  return minutes === null ? null : Math.round(minutes * MILLISECONDS_PER_MINUTE) / MILLISECONDS_PER_MINUTE;
}

function metricFigures(metric: SlaMetric, row: ClockFiguresRow | undefined): SlaMetricFigures {
  if (!row) {
    return {
      metric,
      clocks: 0,
      met: 0,
      breached: 0,
      cancelled: 0,
      running: 0,
      answered: 0,
      achievementRate: null,
      medianBusinessMinutes: null,
      p90BusinessMinutes: null,
    };
  }
  return {
    metric,
    clocks: row.clocks,
    met: row.met,
    breached: row.breached,
    cancelled: row.cancelled,
    running: row.running,
    answered: row.answered,
    achievementRate: achievementRate(row.met, row.breached),
    medianBusinessMinutes: toTheMillisecond(row.median),
    p90BusinessMinutes: toTheMillisecond(row.p90),
  };
}
