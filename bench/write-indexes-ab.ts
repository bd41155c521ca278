import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { WritePathIndexes1765940000000 } from '../migrations/1765940000000-write-path-indexes';
import { openBenchDatabase } from './bench-database';
import { generateData } from './generate-data';
import { LoadMeasurement, measureLoad, median } from './load';
import { describeMachine, postgresCpuBetween } from './machine';
import { openTicketMix, S3_THROUGHPUT_CONNECTIONS } from './scenarios/open-ticket.scenario';
import { startServerProcess } from './server-handle';

// `npm run bench:write-indexes [-- --pairs 6] [-- --tickets 100000] [-- --measure 15]`: S3 (openTicket at its
// maximum rate, 10 connections) with the indexes before and after migration 1765940000000, alternated window by
// window on one database, one server and the same data (ABBA order, so that a drift of the machine within a pair
// does not favour one side). The machine is shared: only the ratios within this run mean something, and the load
// average is recorded with every window.

type IndexState = 'before' | 'after';

interface Window {
  pair: number;
  state: IndexState;
  ticketIndexes: number;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  measurement: LoadMeasurement;
  /** CPU of this benchmark's PostgreSQL alone per completed request (ownPostgresCpuSnapshot). */
  ownPostgresCpuMsPerRequest: number;
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function log(message: string): void {
  process.stdout.write(`[write-indexes ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function setState(dataSource: DataSource, state: IndexState): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const migration = new WritePathIndexes1765940000000();
    await (state === 'after' ? migration.up(runner) : migration.down(runner));
  } finally {
    await runner.release();
  }
}

async function ticketIndexCount(dataSource: DataSource): Promise<number> {
  const rows: Array<{ count: number }> = await dataSource.query(
    `SELECT count(*)::int AS count FROM pg_index WHERE indrelid = 'tickets'::regclass`,
  );
  return rows[0].count;
}

async function settle(dataSource: DataSource): Promise<void> {
  await dataSource.query('VACUUM (ANALYZE)');
  await dataSource.query('CHECKPOINT').catch(() => undefined);
}

const round = (value: number, digits: number = 3) => Number(value.toFixed(digits));

/**
 * CPU milliseconds used so far by each process of the benchmark's own PostgreSQL (its postmaster and every child:
 * backends, WAL writer, checkpointer, autovacuum), by pid, from /proc; postgresCpuBetween takes the difference.
 * Unlike machine.ts's snapshot of every `postgres` process, it leaves out the other PostgreSQL servers of a shared
 * machine. Clock ticks are 1/100 s (USER_HZ).
 */
function ownPostgresCpuSnapshot(postmasterPid: number): Map<number, number> {
  const snapshot = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // After the command: state, ppid (fields 3 and 4) … utime and stime (fields 14 and 15, 1-based).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) === postmasterPid || Number(fields[1]) === postmasterPid)
      snapshot.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return snapshot;
}

async function postmasterPidOf(dataSource: DataSource): Promise<number> {
  const rows: Array<{ pid: number }> = await dataSource.query('SELECT pg_backend_pid() AS pid');
  const stat = readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

async function main(): Promise<void> {
  const pairs = argument('pairs', 6);
  const tickets = argument('tickets', 100_000);
  const phase = { connections: S3_THROUGHPUT_CONNECTIONS, warmupSeconds: argument('warmup', 5), measureSeconds: argument('measure', 15) };
  process.env.LOG_LEVEL = 'silent';
  const database = await openBenchDatabase({ keep: false, log });
  let server: Awaited<ReturnType<typeof startServerProcess>> | null = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void (server?.stop() ?? Promise.resolve()).then(() => database.close()).finally(() => process.exit(130));
    });
  }
  try {
    const seed = 20251123;
    const dataNow = new Date();
    await generateData(database.dataSource, { tickets, seed, now: dataNow, log });
    const authSecret = randomBytes(32).toString('hex');
    server = await startServerProcess({ databaseUrl: database.url, authSecret });
    const settings = {
      quick: false,
      warmupSeconds: phase.warmupSeconds,
      measureSeconds: phase.measureSeconds,
      repetitions: 1,
      seed,
      sweepOpenTickets: 0,
    };
    const { mix } = await openTicketMix({
      dataSource: database.dataSource,
      databaseUrl: database.url,
      server,
      authSecret,
      settings,
      dataNow,
      log,
    });
    const postmasterPid = await postmasterPidOf(database.dataSource);
    const windows: Window[] = [];
    let current: IndexState = 'after';
    for (let pair = 1; pair <= pairs; pair += 1) {
      const order: IndexState[] = pair % 2 === 1 ? ['before', 'after'] : ['after', 'before'];
      for (const state of order) {
        if (state !== current) await setState(database.dataSource, state);
        current = state;
        await settle(database.dataSource);
        const loadAverageBefore = os.loadavg().map((value) => round(value, 2));
        // The warm-up's CPU is inside this difference too; measureLoad's window is the measured part only, so
        // the warm-up runs here first and measureLoad gets none.
        await measureLoad(server, mix, { ...phase, measureSeconds: phase.warmupSeconds, warmupSeconds: 0 });
        const cpuBefore = ownPostgresCpuSnapshot(postmasterPid);
        const measurement = await measureLoad(server, mix, { ...phase, warmupSeconds: 0 });
        const ownPostgresCpuMsPerRequest = round(
          (postgresCpuBetween(cpuBefore, ownPostgresCpuSnapshot(postmasterPid)) ?? Number.NaN) / Math.max(1, measurement.requests),
        );
        const window = {
          pair,
          state,
          ticketIndexes: await ticketIndexCount(database.dataSource),
          loadAverageBefore,
          loadAverageAfter: os.loadavg().map((value) => round(value, 2)),
          measurement,
          ownPostgresCpuMsPerRequest,
        };
        windows.push(window);
        log(
          `pair ${pair} ${state.padEnd(6)} (${window.ticketIndexes} indexes on tickets): ${measurement.requestsPerSecond} req/s, p50 ${measurement.latencyMs.p50} ms, ` +
            `server ${measurement.serverCpuMsPerRequest} ms, this PostgreSQL ${ownPostgresCpuMsPerRequest} ms CPU/req, ${measurement.sqlStatementsPerRequest.median} statements, load ${loadAverageBefore.join(' ')}`,
        );
      }
    }
    const of = (pair: number, state: IndexState) => windows.find((window) => window.pair === pair && window.state === state)!;
    const pairRatios = Array.from({ length: pairs }, (_, index) => {
      const before = of(index + 1, 'before');
      const after = of(index + 1, 'after');
      return {
        pair: index + 1,
        throughput: round(after.measurement.requestsPerSecond / before.measurement.requestsPerSecond),
        postgresCpuPerRequest: round(after.ownPostgresCpuMsPerRequest / before.ownPostgresCpuMsPerRequest),
        serverCpuPerRequest: round(after.measurement.serverCpuMsPerRequest / before.measurement.serverCpuMsPerRequest),
      };
    });
    const summary = {
      medianThroughputRatio: median(pairRatios.map((ratio) => ratio.throughput)),
      medianPostgresCpuRatio: median(pairRatios.map((ratio) => ratio.postgresCpuPerRequest)),
      medianServerCpuRatio: median(pairRatios.map((ratio) => ratio.serverCpuPerRequest)),
      pairsWhereAfterWasFaster: pairRatios.filter((ratio) => ratio.throughput > 1).length,
    };
    log(
      `after/before, median of ${pairs} pairs: throughput ${summary.medianThroughputRatio}×, PostgreSQL CPU per request ${summary.medianPostgresCpuRatio}×, server CPU per request ${summary.medianServerCpuRatio}×`,
    );
    const folder = path.resolve(__dirname, '../../bench/results');
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${new Date().toISOString().slice(0, 16).replace(':', '')}-write-indexes-ab.json`);
    const machine = describeMachine(database.postgresVersion, database.origin, database.settings);
    writeFileSync(file, `${JSON.stringify({ machine, tickets, phase, pairs, summary, pairRatios, windows }, null, 2)}\n`);
    log(`written: ${path.relative(process.cwd(), file)}`);
  } finally {
    await server?.stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
