import { signPrincipalToken } from '../../src/auth/jwt';
import { PrincipalRole } from '../../src/domain/enums';
import { LoadMeasurement, measureLoad, medianOf, RequestMix } from '../load';
import { sqlRandom, sqlWeightedPick } from '../sql-random';
import { measurePacedAgents, PacedAgentsMeasurement, PacedAgentsPhase } from './paced-agents';
import { graphqlOnce, ScenarioContext } from './scenario-context';

/**
 * S7 takeNextTicket (issue #17): 50 agents of one team pull the most urgent unassigned ticket of their queue
 * concurrently, 50 connections, as fast as they go. The worst case for the pull: every agent in the same queue
 * (triage, Japanese and English), so all of them contend for the head of the same partial index and SKIP LOCKED
 * does the sharing. The scenario adds a pool of waiting platform tickets with their queue entries (set-based,
 * like the rest of the data), larger than a repetition pulls, and gives every entry back to the queue before
 * each repetition. Each repetition is checked: every pull assigned a distinct ticket and the pool never ran dry
 * (an empty pull would be a cheaper request). Also measured: the 50 agents on their own schedules (open loop:
 * spread over time at 25 and 100 pulls/s, and all at the same instant once a second), and one agent alone (a pull
 * without contention).
 */
export const TAKE_NEXT_TICKET_MUTATION = `mutation Take {
  takeNextTicket {
    ticket { id number priority queue { team { id } assignee { id } } }
    userErrors { code field message }
  }
}`;

export const S7_AGENTS = 50;
/** The open-loop measurements: label, each agent's interval between pulls (ms), how the agents' schedules start. */
const PACED_PHASES: Array<[string, number, PacedAgentsPhase['start']]> = [
  ['paced, 25 pulls/s (each agent every 2 s)', 2000, 'staggered'],
  ['paced, 100 pulls/s (each agent every 0.5 s)', 500, 'staggered'],
  ['all 50 at once, every second', 1000, 'together'],
];
/** Waiting tickets per repetition: more than 50 connections pull in the warm-up and the measurement. */
const POOL = { quick: 15_000, full: 60_000 };
const S7_CREATED_BY = 'S7:bench';

async function addAgents(context: ScenarioContext): Promise<string[]> {
  const agentIds = Array.from({ length: S7_AGENTS }, (_, index) => String(700_001 + index));
  await context.dataSource.query(
    `INSERT INTO agents (id, name, languages) SELECT id, 'S7 ' || id, ARRAY['ja','en'] FROM unnest($1::text[]) AS a(id)`,
    [agentIds],
  );
  await context.dataSource.query(`INSERT INTO agent_teams (agent_id, team_id) SELECT id, 'triage' FROM unnest($1::text[]) AS a(id)`, [
    agentIds,
  ]);
  return agentIds;
}

/** Open platform tickets in the triage queue, ja 85 % / en 15 %, priorities and next SLA due times drawn by hash. */
async function addWaitingTickets(context: ScenarioContext, count: number): Promise<void> {
  const { dataSource, settings, dataNow } = context;
  const seed = settings.seed + 7;
  const random = (salt: number) => sqlRandom(seed, 'g.i', salt);
  const [{ customers }]: Array<{ customers: number }> = await dataSource.query(`SELECT max(id)::int AS customers FROM customers`);
  await dataSource.query(
    `INSERT INTO tickets (subject, category, channel, language, priority, status, owner_party, customer_id, involved_carrier_ids,
       routing_rule_id, routing_rule_version, routing_reason, routed_at, details, missing_details, created_by, created_at, updated_at)
     SELECT 'ログインできません', 'ACCOUNT_ACCESS', 'CHAT', CASE WHEN ${random(1)} < 0.85 THEN 'ja' ELSE 'en' END,
       ${sqlWeightedPick(random(2), [
         ['LOW', 10],
         ['NORMAL', 60],
         ['HIGH', 25],
         ['URGENT', 5],
       ])}, 'NEW', 'PLATFORM', 1 + (g.i % $2), '{}'::bigint[],
       'no-order', 1, 'Routed by rule no-order (S7 data)', c.created, '{}'::jsonb, '{}'::text[], $3, c.created, c.created
     FROM generate_series(1, $4::int) AS g(i)
     CROSS JOIN LATERAL (SELECT $1::timestamptz - make_interval(secs => 7200 * ${random(3)}) AS created) c`,
    [dataNow.toISOString(), customers, S7_CREATED_BY, count],
  );
  await dataSource.query(
    `INSERT INTO ticket_queue_entries (ticket_id, team_id, queue_rule_id, queue_rule_version, queue_reason, queued_at, language, priority_rank, next_sla_due_at, is_waiting)
     SELECT t.id, 'triage', 'triage-routing', 1, 'Routed by rule no-order: triage settles the category and the owner first', t.created_at, t.language,
       ticket_priority_rank(t.priority), t.created_at + make_interval(secs => 600 + 86400 * ${sqlRandom(seed, 't.id', 4)}), true
     FROM tickets t WHERE t.created_by = $1`,
    [S7_CREATED_BY],
  );
  await dataSource.query(`VACUUM (ANALYZE) ticket_queue_entries`);
}

/** Every S7 entry back in the queue unassigned; returns the sequence of the log before the repetition. */
async function resetPool(context: ScenarioContext): Promise<string> {
  await context.dataSource.query(
    `UPDATE ticket_queue_entries e SET assignee_agent_id = NULL, assigned_at = NULL FROM tickets t
     WHERE t.id = e.ticket_id AND t.created_by = $1 AND e.assignee_agent_id IS NOT NULL`,
    [S7_CREATED_BY],
  );
  await context.dataSource.query(`VACUUM (ANALYZE) ticket_queue_entries`);
  const [{ sequence }]: Array<{ sequence: string }> = await context.dataSource.query(
    `SELECT coalesce(max(sequence), 0)::text AS sequence FROM ticket_events`,
  );
  return sequence;
}

/** What the repetition did to the pool: pulls (TICKET_ASSIGNED events), distinct tickets among them, entries left waiting. */
interface RepetitionCheck {
  pulls: number;
  distinctTickets: number;
  leftWaiting: number;
}

async function checkRepetition(context: ScenarioContext, sinceSequence: string): Promise<RepetitionCheck> {
  const [pulls]: Array<{ pulls: number; tickets: number }> = await context.dataSource.query(
    `SELECT count(*)::int AS pulls, count(DISTINCT ticket_id)::int AS tickets FROM ticket_events WHERE type = 'TICKET_ASSIGNED' AND sequence > $1`,
    [sinceSequence],
  );
  const [{ left }]: Array<{ left: number }> = await context.dataSource.query(
    `SELECT count(*)::int AS left FROM ticket_queue_entries e JOIN tickets t ON t.id = e.ticket_id WHERE t.created_by = $1 AND e.assignee_agent_id IS NULL`,
    [S7_CREATED_BY],
  );
  return { pulls: pulls.pulls, distinctTickets: pulls.tickets, leftWaiting: left };
}

export async function runTakeNextTicket(context: ScenarioContext) {
  const { settings, log, authSecret } = context;
  const pool = settings.quick ? POOL.quick : POOL.full;
  const started = performance.now();
  const agentIds = await addAgents(context);
  await addWaitingTickets(context, pool);
  log(
    `S7: ${S7_AGENTS} agents in triage (ja, en), ${pool} waiting tickets added in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const tokens = await Promise.all(agentIds.map((agentId) => signPrincipalToken({ role: PrincipalRole.AGENT, agentId }, authSecret)));

  const check = await graphqlOnce<{ takeNextTicket: { ticket: { id: string } | null; userErrors: unknown[] } }>(
    context.server.graphqlUrl,
    tokens[0],
    TAKE_NEXT_TICKET_MUTATION,
    {},
  );
  if (check.errors || !check.data?.takeNextTicket.ticket) throw new Error(`S7 sanity check failed: ${JSON.stringify(check).slice(0, 500)}`);
  log(`S7: ${check.statements} statements per pull`);

  let turn = 0;
  const body = JSON.stringify({ query: TAKE_NEXT_TICKET_MUTATION, variables: {} });
  const mix: RequestMix = { next: () => ({ body, token: tokens[(turn += 1) % tokens.length] }) };
  const phase = { warmupSeconds: settings.warmupSeconds, measureSeconds: settings.measureSeconds, connections: S7_AGENTS };
  const runs: LoadMeasurement[] = [];
  const checks: Array<{ pulls: number; distinctTickets: number; leftWaiting: number }> = [];
  for (let repetition = 1; repetition <= settings.repetitions; repetition += 1) {
    const since = await resetPool(context);
    const run = await measureLoad(context.server, mix, phase);
    const outcome = await checkRepetition(context, since);
    log(
      `  S7 takeNextTicket, 50 agents #${repetition}: ${run.requestsPerSecond} req/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, ` +
        `${run.sqlStatementsPerRequest.median} statements; ${outcome.pulls} pulls of ${outcome.distinctTickets} distinct tickets, ${outcome.leftWaiting} left waiting`,
    );
    if (outcome.pulls !== outcome.distinctTickets)
      throw new Error(`S7: ${outcome.pulls} pulls took only ${outcome.distinctTickets} distinct tickets`);
    if (outcome.leftWaiting === 0) throw new Error('S7: the pool ran dry; empty pulls would flatter the figures');
    runs.push(run);
    checks.push(outcome);
  }
  // 50 agents on their own schedules (open loop, paced-agents.ts): spread evenly at 25 and 100 pulls/s, and all
  // 50 at the same instant once a second (the worst case of "pulling concurrently").
  const paced: Record<string, PacedAgentsMeasurement & { intervalMs: number; start: PacedAgentsPhase['start']; check: RepetitionCheck }> =
    {};
  for (const [label, intervalMs, start] of PACED_PHASES) {
    const since = await resetPool(context);
    const measured = await measurePacedAgents(
      { url: context.server.graphqlUrl, body, tokens },
      { intervalMs, start, warmupSeconds: settings.warmupSeconds, measureSeconds: settings.measureSeconds },
    );
    const outcome = await checkRepetition(context, since);
    if (outcome.pulls !== outcome.distinctTickets)
      throw new Error(`S7: ${outcome.pulls} pulls took only ${outcome.distinctTickets} distinct tickets`);
    log(
      `  S7 takeNextTicket, 50 agents ${label}: ${measured.pullsPerSecond} pulls/s, p50 ${measured.latencyMs.p50} ms, p90 ${measured.latencyMs.p90} ms, p99 ${measured.latencyMs.p99} ms, max ${measured.latencyMs.max} ms, ${measured.failures} failures; ${outcome.pulls} pulls of ${outcome.distinctTickets} distinct tickets`,
    );
    paced[label] = { ...measured, intervalMs, start, check: outcome };
  }
  // The same pull by one agent at a time: what a pull costs without contention, on the same machine at the same moment.
  const since = await resetPool(context);
  const oneAgent = await measureLoad(context.server, { next: () => ({ body, token: tokens[0] }) }, { ...phase, connections: 1 });
  const oneAgentCheck = await checkRepetition(context, since);
  log(
    `  S7 takeNextTicket, 1 agent: ${oneAgent.requestsPerSecond} req/s, p50 ${oneAgent.latencyMs.p50} ms, p99 ${oneAgent.latencyMs.p99} ms; ${oneAgentCheck.pulls} pulls`,
  );
  return {
    paced,
    oneAgent,
    agents: S7_AGENTS,
    team: 'triage',
    languages: ['ja', 'en'],
    pool,
    statementsPerPull: check.statements,
    fiftyAgents: { phase, median: medianOf(runs), runs },
    repetitions: checks,
  };
}
