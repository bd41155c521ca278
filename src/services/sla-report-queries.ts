import { DataSource } from 'typeorm';
import { assertNever, OwnerParty } from '../domain/enums';
import { SqlParameters } from '../db/sql-parameters';
import { REPORT_TIME_ZONE, SlaReportGrouping } from '../rules/sla-report.rule';
import { SlaMetric } from '../rules/sla-policy.rule';

// The three reads of a scorecard, each over an index that leads with the owner and the time it buckets by, so a
// report costs what the owner's own rows in the range cost, not the table: clocks by start
// (sla_clocks_scorecard_idx, covering), escalations by time (ticket_escalations_from_idx), ratings by rating time
// (tickets_rating_by_owner_idx, covering). Buckets are computed by the database in Asia/Tokyo.

/** Whose rows and which instants: [start, end). `ownerId` null means the platform (no owner id). */
export interface ScorecardScope {
  party: OwnerParty;
  ownerId: string | null;
  start: Date;
  end: Date;
  grouping: SlaReportGrouping;
}

/** A metric's figures in one bucket (`bucket` set) or over the whole report (`bucket` null). */
export interface ClockFiguresRow {
  metric: SlaMetric;
  bucket: string | null;
  clocks: number;
  met: number;
  breached: number;
  cancelled: number;
  running: number;
  answered: number;
  median: number | null;
  p90: number | null;
}

export interface CountRow {
  bucket: string;
  count: number;
  /** Sum of the ratings (ratings only). */
  total: number;
}

function truncationUnit(grouping: SlaReportGrouping): string {
  switch (grouping) {
    case SlaReportGrouping.DAY:
      return 'day';
    case SlaReportGrouping.WEEK:
      // date_trunc's weeks are ISO weeks: they start on Monday.
      return 'week';
    case SlaReportGrouping.MONTH:
      return 'month';
    default:
      return assertNever(grouping);
  }
}

/** The `YYYY-MM-DD` of the first day of the bucket of the instant `column`, in the report's time zone. */
function bucketSql(column: string, grouping: SlaReportGrouping): string {
  return `to_char(date_trunc('${truncationUnit(grouping)}', ${column} AT TIME ZONE '${REPORT_TIME_ZONE}'), 'YYYY-MM-DD')`;
}

/** `ownerColumn` is the scope's owner: equality on an id, or IS NULL for the platform (both use the index). */
function ownerSql(ownerColumn: string, scope: ScorecardScope, parameters: SqlParameters): string {
  return scope.ownerId === null ? `${ownerColumn} IS NULL` : `${ownerColumn} = ${parameters.add(scope.ownerId)}::bigint`;
}

/**
 * Per metric and bucket, and per metric over the whole range (GROUPING SETS: one pass), the clocks that started
 * in the range. Median and p90 are exact (percentile_cont over the answered clocks' business minutes).
 */
export async function readClockFigures(dataSource: DataSource, scope: ScorecardScope): Promise<ClockFiguresRow[]> {
  const parameters = new SqlParameters();
  const party = parameters.add(scope.party);
  const owner = ownerSql('c.owner_id', scope, parameters);
  const start = parameters.add(scope.start);
  const end = parameters.add(scope.end);
  const rows: ClockFiguresRow[] = await dataSource.query(
    `SELECT c.metric, c.bucket, count(*)::int AS clocks,
       count(*) FILTER (WHERE c.state = 'MET')::int AS met,
       count(*) FILTER (WHERE c.state = 'BREACHED')::int AS breached,
       count(*) FILTER (WHERE c.state = 'CANCELLED')::int AS cancelled,
       count(*) FILTER (WHERE c.state IN ('ACTIVE', 'PAUSED'))::int AS running,
       count(*) FILTER (WHERE c.met_at IS NOT NULL)::int AS answered,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY c.used_business_minutes) FILTER (WHERE c.met_at IS NOT NULL) AS median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY c.used_business_minutes) FILTER (WHERE c.met_at IS NOT NULL) AS p90
     FROM (
       SELECT metric, state, met_at, used_business_minutes, ${bucketSql('started_at', scope.grouping)} AS bucket
       FROM sla_clocks c
       WHERE c.owner_party = ${party} AND ${owner} AND c.started_at >= ${start} AND c.started_at < ${end}
     ) c
     GROUP BY GROUPING SETS ((c.metric, c.bucket), (c.metric))`,
    parameters.values,
  );
  return rows;
}

/** Escalations that took a ticket away from the owner, per bucket of their time. */
export async function readEscalationsAway(dataSource: DataSource, scope: ScorecardScope): Promise<CountRow[]> {
  const parameters = new SqlParameters();
  const party = parameters.add(scope.party);
  const owner = ownerSql('e.from_owner_id', scope, parameters);
  const start = parameters.add(scope.start);
  const end = parameters.add(scope.end);
  return dataSource.query(
    `SELECT ${bucketSql('e.escalated_at', scope.grouping)} AS bucket, count(*)::int AS count, 0 AS total
     FROM ticket_escalations e
     WHERE e.from_party = ${party} AND ${owner} AND e.escalated_at >= ${start} AND e.escalated_at < ${end}
     GROUP BY 1`,
    parameters.values,
  );
}

/** Ratings (1–5) of the tickets the owner holds, per bucket of the rating time: how many and their sum. */
export async function readRatings(dataSource: DataSource, scope: ScorecardScope): Promise<CountRow[]> {
  const parameters = new SqlParameters();
  const party = parameters.add(scope.party);
  // The expression of tickets_rating_by_owner_idx, verbatim, so that the index serves it.
  const owner = ownerSql(`(CASE t.owner_party WHEN 'SELLER' THEN t.seller_id WHEN 'CARRIER' THEN t.carrier_id END)`, scope, parameters);
  const start = parameters.add(scope.start);
  const end = parameters.add(scope.end);
  return dataSource.query(
    `SELECT ${bucketSql('t.rated_at', scope.grouping)} AS bucket, count(*)::int AS count, sum(t.satisfaction_score)::int AS total
     FROM tickets t
     WHERE t.owner_party = ${party} AND ${owner} AND t.rated_at IS NOT NULL AND t.rated_at >= ${start} AND t.rated_at < ${end}
     GROUP BY 1`,
    parameters.values,
  );
}

/** Whether the seller or carrier exists (the directory is public: this tells the caller nothing it could not ask). */
export async function ownerExists(
  dataSource: DataSource,
  party: OwnerParty.SELLER | OwnerParty.CARRIER,
  ownerId: string,
): Promise<boolean> {
  const table = party === OwnerParty.SELLER ? 'sellers' : 'carriers';
  const rows: Array<{ found: boolean }> = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE id = $1::bigint) AS found`, [
    ownerId,
  ]);
  return rows[0].found;
}
