import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { median, percentile } from '../load';
import { SAFE_HORIZON_HOURS, topUpOpenTickets } from '../generate-data';
import type { SweeperReply, SweeperRequest } from '../sweeper-process';
import { ScenarioContext } from './scenario-context';

/**
 * S4 (issue 5's acceptance): over N open tickets (1,000,000; 100,000 with --quick), the sweep's due-clock lookup
 * when nothing is due (EXPLAIN ANALYZE of its claim statement, and the whole fireDueTimers call as the loop runs
 * it), then a wave of 10,000 breaches swept by one sweeper and by two concurrent sweepers (separate processes).
 */

export const WAVE_SIZE = 10_000;
const IDLE_TARGET_MS = 2;
const WAVE_TARGET_MS = 5_000;

// The claim statements of src/services/sla-timer.service.ts (fireClockBatch, escalateSilentSellers), with its
// default batch size, to read their plans; keep in step with that file.
const CLOCK_CLAIM_SQL = `SELECT t.id, t.owner_party FROM tickets t
  WHERE t.id IN (SELECT c.ticket_id FROM sla_clocks c WHERE c.next_fire_at <= $1 ORDER BY c.next_fire_at LIMIT 2000)
  LIMIT 1000
  FOR NO KEY UPDATE OF t SKIP LOCKED`;
const ESCALATION_CLAIM_SQL = `SELECT t.id FROM tickets t
  WHERE t.id IN (SELECT d.ticket_id FROM ticket_deadlines d WHERE d.escalation_due_at <= $1 ORDER BY d.escalation_due_at LIMIT 2000)
  LIMIT 1000
  FOR NO KEY UPDATE OF t SKIP LOCKED`;

// Rows of the scenario's statements, as pg returns them (counts cast to int, so numbers).

/** One row of EXPLAIN (FORMAT JSON): the plan of the statement, with its times in ms. */
interface ExplainJsonRow {
  'QUERY PLAN': [{ 'Execution Time': number; 'Planning Time': number; Plan: Record<string, unknown> }];
}

/** Why a wave could not be made due: what is due at all. */
interface DueStateRow {
  tickets_with_due: number;
  active_clocks: number;
}

/** What one wave recorded: SLA_BREACHED events, the distinct clocks they name, and clocks still due. */
interface WaveCheckRow {
  breaches: number;
  clocks: number;
  left_due: number;
}

interface Sweeper {
  request(message: SweeperRequest): void;
  next<T extends SweeperReply['type']>(type: T): Promise<Extract<SweeperReply, { type: T }>>;
  stop(): Promise<void>;
}

async function startSweeper(databaseUrl: string): Promise<Sweeper> {
  const child: ChildProcess = fork(path.join(__dirname, '..', 'sweeper-process.js'), [], {
    env: { ...process.env, NODE_ENV: 'production', BENCH_SWEEPER_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends SweeperReply['type']>(type: T) =>
    new Promise<Extract<SweeperReply, { type: T }>>((resolve, reject) => {
      const onMessage = (message: SweeperReply) => {
        if (message.type === 'failed') {
          child.off('message', onMessage);
          reject(new Error(`sweeper failed: ${message.message}`));
        } else if (message.type === type) {
          child.off('message', onMessage);
          resolve(message as Extract<SweeperReply, { type: T }>);
        }
      };
      child.on('message', onMessage);
    });
  const ready = next('ready');
  await ready;
  return {
    request: (message) => child.send(message),
    next,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function round(value: number, digits: number = 3): number {
  return Number(value.toFixed(digits));
}

export async function runSlaSweep(context: ScenarioContext) {
  const { dataSource, settings, log } = context;
  const population = await topUpOpenTickets(dataSource, {
    openTickets: settings.sweepOpenTickets,
    seed: settings.seed + 4,
    now: context.dataNow,
    log,
  });
  // Tickets that S3 and S5 opened or changed live have real clocks that come due minutes later (a chat's first
  // response is due in 10 minutes): moved beyond the horizon like the generated ones, so that nothing is due.
  const horizon = new Date(Date.now() + SAFE_HORIZON_HOURS * 3_600_000);
  const [{ moved }] = await dataSource.query<Array<{ moved: number }>>(
    `WITH moved AS (
       UPDATE sla_clocks SET due_at = due_at + ($1::timestamptz - next_fire_at), warn_at = warn_at + ($1::timestamptz - next_fire_at), next_fire_at = $1
       WHERE next_fire_at < $1 RETURNING ticket_id)
     SELECT count(*)::int AS moved FROM moved`,
    [horizon],
  );
  await dataSource.query(`UPDATE ticket_deadlines SET escalation_due_at = $1 WHERE escalation_due_at < $1`, [horizon]);
  await dataSource.query(
    `INSERT INTO ticket_deadlines (ticket_id, next_sla_due_at)
     SELECT ticket_id, min(due_at) FROM sla_clocks WHERE state = 'ACTIVE' GROUP BY ticket_id
     ON CONFLICT (ticket_id) DO UPDATE SET next_sla_due_at = excluded.next_sla_due_at
     WHERE ticket_deadlines.next_sla_due_at IS DISTINCT FROM excluded.next_sla_due_at`,
  );
  await dataSource.query('VACUUM (ANALYZE) sla_clocks');
  await dataSource.query('VACUUM (ANALYZE) tickets');
  await dataSource.query('VACUUM (ANALYZE) ticket_deadlines');
  const [{ indexed }] = await dataSource.query<Array<{ indexed: number }>>(
    `SELECT count(*)::int AS indexed FROM sla_clocks WHERE next_fire_at IS NOT NULL`,
  );
  log(
    `S4 SLA sweep: ${moved} live clocks moved beyond the horizon; ${population.openTickets} open tickets, ${population.activeSlaClocks} ACTIVE clocks, ${indexed} clocks with a next_fire_at`,
  );

  // 1. The lookup when nothing is due: the claim statements' plans and server-side execution times.
  const explainRuns = settings.quick ? 50 : 200;
  const explain = async (sql: string) => {
    const times: number[] = [];
    let plan = '';
    for (let run = 0; run < explainRuns; run += 1) {
      const [row] = await dataSource.query<ExplainJsonRow[]>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, [new Date()]);
      const result = row['QUERY PLAN'][0];
      times.push(result['Execution Time'] + result['Planning Time']);
      if (run === 0) {
        const lines = await dataSource.query<Array<{ 'QUERY PLAN': string }>>(
          `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${sql}`,
          [new Date()],
        );
        plan = lines.map((line) => line['QUERY PLAN']).join('\n');
      }
    }
    return { runs: times.length, planningPlusExecutionMs: { median: round(median(times)), p99: round(percentile(times, 0.99)) }, plan };
  };
  const clockClaim = await explain(CLOCK_CLAIM_SQL);
  const escalationClaim = await explain(ESCALATION_CLAIM_SQL);
  log(
    `  claim statement (EXPLAIN ANALYZE, nothing due): median ${clockClaim.planningPlusExecutionMs.median} ms; escalation claim ${escalationClaim.planningPlusExecutionMs.median} ms`,
  );

  const first = await startSweeper(context.databaseUrl);
  const second = await startSweeper(context.databaseUrl);
  try {
    // The whole idle tick (two short transactions, as the loop runs it once a second), after a JIT warm-up.
    const idleRuns = settings.quick ? 200 : 1000;
    first.request({ type: 'idle', runs: 50 });
    second.request({ type: 'idle', runs: 50 });
    await Promise.all([first.next('idle'), second.next('idle')]);
    first.request({ type: 'idle', runs: idleRuns });
    const idle = (await first.next('idle')).durationsMs;
    const idleTick = {
      runs: idle.length,
      medianMs: round(median(idle)),
      p99Ms: round(percentile(idle, 0.99)),
      maxMs: round(Math.max(...idle)),
    };
    log(`  fireDueTimers with nothing due: median ${idleTick.medianMs} ms, p99 ${idleTick.p99Ms} ms over ${idle.length} runs`);

    // 2. Waves of 10,000 breaches.
    const waves: Array<{
      sweepers: number;
      withoutEscalations: boolean;
      wallMs: number;
      breaches: number;
      warnings: number;
      escalations: number;
      duplicateBreaches: number;
      leftDue: number;
    }> = [];
    const runWave = async (sweepers: Sweeper[], wave: number, withoutEscalations: boolean = false) => {
      const [{ before }] = await dataSource.query<Array<{ before: string }>>(
        `SELECT coalesce(max(sequence), 0)::text AS before FROM ticket_events`,
      );
      const dueAt = new Date(Date.now() - 1000);
      // One counting clock on each of 10,000 tickets drawn by hash (a new draw per wave): already warned, now due.
      // (A CTE, because TypeORM answers a bare UPDATE … RETURNING with [rows, count].)
      const updated = await dataSource.query<Array<{ ticket_id: string }>>(
        `WITH updated AS (UPDATE sla_clocks c SET due_at = $1, warn_at = $1::timestamptz - make_interval(secs => 60 * 0.25 * c.target_minutes),
           warned_at = $1::timestamptz - make_interval(secs => 60 * 0.25 * c.target_minutes), next_fire_at = $1
         WHERE c.id IN (
           SELECT d.id FROM (
             SELECT DISTINCT ON (k.ticket_id) k.id, k.ticket_id FROM sla_clocks k
             WHERE k.state = 'ACTIVE' AND k.next_fire_at IS NOT NULL${withoutEscalations ? ` AND NOT (k.metric = 'RESOLUTION' AND k.owner_party = 'CARRIER')` : ''}
             ORDER BY k.ticket_id, k.due_at) d
           ORDER BY hashint8extended(d.ticket_id, ${settings.seed * 100 + wave}) LIMIT ${WAVE_SIZE})
         RETURNING c.ticket_id)
         SELECT ticket_id FROM updated`,
        [dueAt],
      );
      await dataSource.query(`UPDATE ticket_deadlines SET next_sla_due_at = $1 WHERE ticket_id = ANY($2::bigint[])`, [
        dueAt,
        updated.map((row) => row.ticket_id),
      ]);
      if (updated.length !== WAVE_SIZE) {
        const [state] = await dataSource.query<DueStateRow[]>(
          `SELECT (SELECT count(*)::int FROM ticket_deadlines WHERE next_sla_due_at IS NOT NULL) AS tickets_with_due,
             (SELECT count(*)::int FROM sla_clocks WHERE state = 'ACTIVE' AND next_fire_at IS NOT NULL) AS active_clocks`,
        );
        throw new Error(`S4: only ${updated.length} clocks could be made due (${JSON.stringify(state)})`);
      }
      for (const sweeper of sweepers) sweeper.request({ type: 'sweep' });
      const results = await Promise.all(sweepers.map((sweeper) => sweeper.next('swept')));
      const wallMs =
        Math.max(...results.map((result) => result.finishedAtEpochMs)) - Math.min(...results.map((result) => result.startedAtEpochMs));
      const [check] = await dataSource.query<WaveCheckRow[]>(
        `SELECT count(*)::int AS breaches, count(DISTINCT payload->>'clockId')::int AS clocks,
           (SELECT count(*)::int FROM sla_clocks WHERE next_fire_at <= now()) AS left_due
         FROM ticket_events WHERE sequence > $1 AND type = 'SLA_BREACHED'`,
        [before],
      );
      const outcome = {
        sweepers: sweepers.length,
        withoutEscalations,
        wallMs,
        breaches: results.reduce((sum, result) => sum + result.breaches, 0),
        warnings: results.reduce((sum, result) => sum + result.warnings, 0),
        escalations: results.reduce((sum, result) => sum + result.escalations, 0),
        perSweeperBreaches: results.map((result) => result.breaches),
        duplicateBreaches: check.breaches - check.clocks,
        leftDue: check.left_due,
      };
      if (check.breaches !== WAVE_SIZE || outcome.duplicateBreaches !== 0)
        throw new Error(`S4: wave recorded ${check.breaches} breaches for ${check.clocks} clocks`);
      log(
        `  wave ${wave}, ${sweepers.length} sweeper(s)${withoutEscalations ? ', no carrier-resolution clocks' : ''}: ${outcome.breaches} breaches, ${outcome.escalations} escalations in ${wallMs} ms (per sweeper ${outcome.perSweeperBreaches.join(' + ')})`,
      );
      waves.push(outcome);
    };
    let wave = 0;
    for (let repetition = 0; repetition < settings.repetitions; repetition += 1) await runWave([first], (wave += 1));
    for (let repetition = 0; repetition < settings.repetitions; repetition += 1) await runWave([first, second], (wave += 1));
    // What the escalations cost: the same wave without carrier RESOLUTION clocks (whose breach hands the ticket
    // to the platform, "carrier stuck", docs/routing.md "Owner changes"), one sweeper.
    await runWave([first], (wave += 1), true);
    const medianWall = (sweepers: number) =>
      median(waves.filter((entry) => entry.sweepers === sweepers && !entry.withoutEscalations).map((entry) => entry.wallMs));
    return {
      liveClocksMovedBeyondHorizon: moved,
      openTickets: population.openTickets,
      tickets: population.tickets,
      activeClocks: population.activeSlaClocks,
      clocksWithNextFireAt: indexed,
      topUpSeconds: population.stepSeconds,
      idleLookup: { clockClaim, escalationClaim, fireDueTimers: idleTick, targetMs: IDLE_TARGET_MS },
      wave: {
        size: WAVE_SIZE,
        oneSweeperMedianMs: medianWall(1),
        twoSweepersMedianMs: medianWall(2),
        withoutEscalationsMs: waves.find((entry) => entry.withoutEscalations)?.wallMs ?? null,
        runs: waves,
        targetMs: WAVE_TARGET_MS,
      },
    };
  } finally {
    await first.stop();
    await second.stop();
  }
}
