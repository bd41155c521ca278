import { signPrincipalToken } from '../../src/auth/jwt';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { measureRepeated, RequestMix } from '../load';
import { sqlRandom, sqlWeightedPick } from '../sql-random';
import { graphqlOnce, ScenarioContext } from './scenario-context';

/**
 * S6 SLA scorecards (issue #17): `slaReport` for a large seller over a year, by month, asked by the seller
 * itself (its account-health page). The generated data spans about six months and its largest seller holds
 * ≈ 0.5 % of the tickets, so the scenario adds one seller with 5 % of the data set's tickets (50,000 at
 * `--scale 1m`) spread over the 364 days before the data's "now", with their clocks (FIRST_RESPONSE for each,
 * NEXT_RESPONSE for 40 %: ≈ 70,000 clock rows), ratings (30 %) and escalations (3 %), written set-based like the
 * rest of the data. Also measured, once each: the same year by day, the largest generated seller, and the
 * platform's own year (every platform clock: not a target, the honest figure).
 */
export const SLA_REPORT_QUERY = `query Scorecard($input: SlaReportInput!) {
  slaReport(input: $input) {
    party sellerId from to groupBy timeZone
    total { ...period }
    periods { ...period }
  }
}
fragment period on SlaReportPeriod {
  from to escalationsAway ratings satisfactionAverage
  metrics { metric clocks met breached cancelled running answered achievementRate medianBusinessMinutes p90BusinessMinutes }
}`;

/** The large seller's share of the data set's tickets. */
const LARGE_SELLER_SHARE = 0.05;
const ONE_CONNECTION = 1;

/** The generated seller with the most clocks, as pg returns it (bigint id as text). */
interface LargestSellerRow {
  seller_id: string;
  clocks: number;
}

const tokyoDate = (instant: Date) => new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

async function addLargeSeller(context: ScenarioContext, tickets: number): Promise<string> {
  const { dataSource, settings, dataNow } = context;
  const seed = settings.seed + 6;
  const random = (salt: number) => sqlRandom(seed, 'g.i', salt);
  const [{ id: sellerId }] = await dataSource.query<Array<{ id: string }>>(
    `INSERT INTO sellers (name, contact_email) VALUES ('S6 大口出品者 (large seller)', 's6-large@seller.example') RETURNING id`,
  );
  const [{ customers }] = await dataSource.query<Array<{ customers: number }>>(`SELECT max(id)::int AS customers FROM customers`);
  // Tickets of the last 365 days; those of the last 2 days still open, the others closed, 30 % rated 3 days in.
  await dataSource.query(
    `INSERT INTO tickets (subject, category, channel, language, priority, status, owner_party, customer_id, seller_id, involved_carrier_ids,
       routing_rule_id, routing_rule_version, routing_reason, routed_at, details, missing_details, created_by, first_responded_at, solved_at, closed_at,
       satisfaction_score, rated_at, created_at, updated_at)
     SELECT '商品が動きません（初期不良）', 'DEFECTIVE_ITEM', 'EMAIL', 'ja', 'NORMAL', CASE WHEN d.open THEN 'OPEN' ELSE 'CLOSED' END, 'SELLER',
       1 + (g.i % $3), $2::bigint, '{}'::bigint[], 'seller-fulfilled', 1, 'Routed by rule seller-fulfilled (S6 data)', d.created, '{}'::jsonb, '{}'::text[],
       'CUSTOMER:' || (1 + (g.i % $3)), d.created + interval '2 hours',
       CASE WHEN NOT d.open THEN d.created + interval '1 day' END, CASE WHEN NOT d.open THEN d.created + interval '8 days' END,
       CASE WHEN NOT d.open AND ${random(2)} < 0.3 THEN ${sqlWeightedPick(random(3), [
         ['5', 45],
         ['4', 30],
         ['3', 12],
         ['2', 6],
         ['1', 7],
       ])}::smallint END,
       CASE WHEN NOT d.open AND ${random(2)} < 0.3 THEN least(d.created + interval '3 days', $1::timestamptz - interval '1 minute') END,
       d.created, d.created
     FROM generate_series(1, $4::int) AS g(i)
     CROSS JOIN LATERAL (SELECT $1::timestamptz - make_interval(secs => 364 * 86400 * ${random(1)}) AS created) c
     CROSS JOIN LATERAL (SELECT c.created, c.created > $1::timestamptz - interval '2 days' AS open) d`,
    [dataNow.toISOString(), sellerId, customers, tickets],
  );
  await addLargeSellerClocks(context, sellerId, seed);
  return String(sellerId);
}

/** FIRST_RESPONSE for every ticket, NEXT_RESPONSE for 40 %: 88 % met, 6 % breached and answered late, 3 % breached unanswered, 3 % cancelled; open tickets' clocks running. */
async function addLargeSellerClocks(context: ScenarioContext, sellerId: string, seed: number): Promise<void> {
  const { dataSource, dataNow } = context;
  const random = (salt: number) => sqlRandom(seed, 't.id * 4 + m.k', salt);
  await dataSource.query(
    `INSERT INTO sla_clocks (ticket_id, owner_id, metric, owner_party, policy_id, policy_version, calendar_id, target_minutes, warning_threshold, state,
       started_at, due_at, warn_at, met_at, breached_at, cancelled_at, used_business_minutes)
     SELECT t.id, t.seller_id, m.metric, 'SELLER', 'seller-marketplace', 1, 'ALWAYS', 1440, 0.75, s.state, m.started_at,
       m.started_at + interval '1440 minutes', m.started_at + interval '1080 minutes',
       CASE WHEN s.answered THEN m.started_at + make_interval(secs => 60 * s.used) END,
       CASE WHEN s.state = 'BREACHED' THEN m.started_at + interval '1440 minutes 1 second' END,
       CASE WHEN s.state = 'CANCELLED' THEN m.started_at + make_interval(secs => 60 * s.used) END,
       CASE WHEN s.state IN ('ACTIVE') THEN NULL ELSE s.used END
     FROM tickets t
     CROSS JOIN LATERAL (VALUES (1, 'FIRST_RESPONSE', t.created_at, true), (2, 'NEXT_RESPONSE', t.created_at + interval '6 hours', ${sqlRandom(seed, 't.id', 9)} < 0.4))
       AS m(k, metric, started_at, exists_)
     CROSS JOIN LATERAL (SELECT ${random(10)} AS outcome, ${random(11)} AS size) r
     CROSS JOIN LATERAL (SELECT
         CASE WHEN t.status = 'OPEN' THEN 'ACTIVE' WHEN r.outcome < 0.88 THEN 'MET' WHEN r.outcome < 0.97 THEN 'BREACHED' ELSE 'CANCELLED' END AS state,
         t.status <> 'OPEN' AND r.outcome < 0.94 AS answered,
         CASE WHEN t.status = 'OPEN' THEN NULL WHEN r.outcome < 0.88 THEN 1 + 1400 * power(r.size, 3) WHEN r.outcome < 0.94 THEN 1441 + 2880 * r.size
           WHEN r.outcome < 0.97 THEN 1440 + 1440 * r.size ELSE 1400 * r.size END AS used) s
     WHERE t.seller_id = $1 AND m.exists_ AND m.started_at < $2::timestamptz`,
    [sellerId, dataNow.toISOString()],
  );
  await dataSource.query(
    `INSERT INTO ticket_escalations (ticket_id, from_party, from_owner_id, to_party, kind, escalated_at)
     SELECT t.id, 'SELLER', t.seller_id, 'PLATFORM', 'seller-silent', t.created_at + interval '48 hours'
     FROM tickets t WHERE t.seller_id = $1 AND ${sqlRandom(seed, 't.id', 12)} < 0.03 AND t.created_at + interval '48 hours' < $2::timestamptz`,
    [sellerId, dataNow.toISOString()],
  );
  // What autovacuum does for a production table: the new rows all-visible (index-only scans), statistics fresh.
  for (const table of ['tickets', 'sla_clocks', 'ticket_escalations']) await dataSource.query(`VACUUM (ANALYZE) ${table}`);
}

/** Wall time of `count` requests one after another (p50, max) and the statement count: for the figures measured once. */
async function timedRequests(context: ScenarioContext, token: string, input: Record<string, unknown>, count: number) {
  const times: number[] = [];
  let statements = Number.NaN;
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const answer = await graphqlOnce<{ slaReport: { periods: unknown[] } }>(
      context.server.graphqlUrl,
      token,
      SLA_REPORT_QUERY,
      { input },
      120_000,
    );
    times.push(performance.now() - started);
    if (answer.errors) throw new Error(`S6: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    statements = answer.statements;
  }
  times.sort((a, b) => a - b);
  return {
    requests: count,
    p50Ms: Number(times[Math.floor(count / 2)].toFixed(1)),
    maxMs: Number(times[count - 1].toFixed(1)),
    sqlStatements: statements,
  };
}

/** EXPLAIN ANALYZE of the clock statement for the seller over the year: its plan's scan and time. */
async function explainClockRead(context: ScenarioContext, sellerId: string, from: string, to: string) {
  const rows = await context.dataSource.query<Array<{ 'QUERY PLAN': string }>>(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT c.metric, c.bucket, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY c.used_business_minutes) FILTER (WHERE c.met_at IS NOT NULL),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY c.used_business_minutes) FILTER (WHERE c.met_at IS NOT NULL)
     FROM (SELECT metric, state, met_at, used_business_minutes, to_char(date_trunc('month', started_at AT TIME ZONE 'Asia/Tokyo'), 'YYYY-MM-DD') AS bucket
           FROM sla_clocks c WHERE c.owner_party = 'SELLER' AND c.owner_id = $1 AND c.started_at >= $2 AND c.started_at < $3) c
     GROUP BY GROUPING SETS ((c.metric, c.bucket), (c.metric))`,
    [sellerId, new Date(`${from}T00:00:00+09:00`), new Date(new Date(`${to}T00:00:00+09:00`).getTime() + 86_400_000)],
  );
  const plan = rows.map((row) => row['QUERY PLAN']);
  const number = (pattern: RegExp) => Number(plan.join('\n').match(pattern)?.[1] ?? Number.NaN);
  return {
    scan:
      plan
        .find((line) => /Scan/.test(line))
        ?.trim()
        .replace(/\s+\(cost.*$/, '') ?? 'unknown',
    heapFetches: number(/Heap Fetches: (\d+)/),
    planningMs: number(/Planning Time: ([\d.]+) ms/),
    executionMs: number(/Execution Time: ([\d.]+) ms/),
  };
}

export async function runSlaReport(context: ScenarioContext) {
  const { dataSource, settings, log, dataNow, authSecret } = context;
  const [{ tickets }] = await dataSource.query<Array<{ tickets: number }>>(`SELECT count(*)::int AS tickets FROM tickets`);
  const largeTickets = Math.round(tickets * LARGE_SELLER_SHARE);
  const generationStarted = performance.now();
  const sellerId = await addLargeSeller(context, largeTickets);
  const [{ clocks }] = await dataSource.query<Array<{ clocks: number }>>(
    `SELECT count(*)::int AS clocks FROM sla_clocks WHERE owner_party = 'SELLER' AND owner_id = $1`,
    [sellerId],
  );
  log(
    `S6: large seller ${sellerId} with ${largeTickets} tickets and ${clocks} clocks over 364 days, added in ${((performance.now() - generationStarted) / 1000).toFixed(1)} s`,
  );

  const from = tokyoDate(new Date(dataNow.getTime() - 364 * 86_400_000));
  const to = tokyoDate(dataNow);
  const sellerToken = await signPrincipalToken({ role: PrincipalRole.SELLER, sellerId }, authSecret);
  const agentToken = await signPrincipalToken({ role: PrincipalRole.AGENT, agentId: '1' }, authSecret);
  const yearByMonth = { party: 'SELLER', sellerId: toGlobalId('Seller', sellerId), from, to, groupBy: 'MONTH' };
  const check = await graphqlOnce<{ slaReport: { periods: unknown[]; total: { metrics: Array<{ clocks: number }> } } }>(
    context.server.graphqlUrl,
    sellerToken,
    SLA_REPORT_QUERY,
    { input: yearByMonth },
  );
  const reported = check.data?.slaReport.total.metrics.reduce((sum, metric) => sum + metric.clocks, 0);
  if (check.errors || reported !== clocks)
    throw new Error(`S6 sanity check failed (${reported} clocks reported, ${clocks} stored): ${JSON.stringify(check).slice(0, 500)}`);
  log(`S6: ${check.data!.slaReport.periods.length} periods, ${check.statements} statements per request`);

  const body = JSON.stringify({ query: SLA_REPORT_QUERY, variables: { input: yearByMonth } });
  const mix: RequestMix = { next: () => ({ body, token: sellerToken }) };
  const phase = { warmupSeconds: settings.warmupSeconds, measureSeconds: settings.measureSeconds, connections: ONE_CONNECTION };
  const largeSellerYearByMonth = await measureRepeated(
    context.server,
    mix,
    phase,
    settings.repetitions,
    log,
    'S6 large seller, a year by month, 1 connection',
  );

  const [largest] = await dataSource.query<LargestSellerRow[]>(
    `SELECT owner_id AS seller_id, count(*)::int AS clocks FROM sla_clocks WHERE owner_party = 'SELLER' AND owner_id <> $1 GROUP BY owner_id ORDER BY count(*) DESC LIMIT 1`,
    [sellerId],
  );
  const once = {
    largeSellerYearByDay: await timedRequests(context, sellerToken, { ...yearByMonth, groupBy: 'DAY' }, 10),
    largestGeneratedSeller: {
      clocks: largest.clocks,
      ...(await timedRequests(context, agentToken, { ...yearByMonth, sellerId: toGlobalId('Seller', largest.seller_id) }, 10)),
    },
    platformYearByMonth: {
      clocks: Number(
        (
          await dataSource.query<Array<{ clocks: number }>>(
            `SELECT count(*)::int AS clocks FROM sla_clocks WHERE owner_party = 'PLATFORM' AND started_at >= $1`,
            [new Date(`${from}T00:00:00+09:00`)],
          )
        )[0].clocks,
      ),
      ...(await timedRequests(context, agentToken, { party: 'PLATFORM', from, to, groupBy: 'MONTH' }, 3)),
    },
  };
  log(`S6 once: ${JSON.stringify(once)}`);
  return {
    caller: 'the seller itself (seller JWT)',
    largeSeller: { sellerId: toGlobalId('Seller', sellerId), tickets: largeTickets, clocks, from, to },
    statementsPerRequest: check.statements,
    clockRead: await explainClockRead(context, sellerId, from, to),
    largeSellerYearByMonth,
    ...once,
  };
}
