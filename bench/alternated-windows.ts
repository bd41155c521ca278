import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { DataSource } from 'typeorm';
import { BenchDatabase } from './bench-database';
import { generateData } from './generate-data';
import { LoadMeasurement, LoadPhase, measureLoad, median, RequestMix } from './load';
import { postgresServerCpuMs, postmasterOf } from './peer/peer-window';
import { openTicketMix } from './scenarios/open-ticket.scenario';
import { ServerHandle } from './server-handle';

// Two variants of the same scenario measured window by window in ABBA order (pair 1: A then B, pair 2: B then A,
// …), so that a drift of the machine within a pair favours neither side. This machine's speed drifts ≈ 2× within
// an hour: only ratios within one alternated run mean something, and the load average is kept with every window.

/** One side of the comparison: what serves it, what it is sent, and what makes it current before its window. */
export interface AlternatedSide {
  name: string;
  server: ServerHandle;
  mix: RequestMix;
  /** Runs before each of its windows (e.g. a migration's up or down); nothing when absent. */
  prepare?(): Promise<void>;
  /** Facts recorded with each of its windows (e.g. the number of indexes). */
  describe?(): Promise<Record<string, unknown>>;
}

export interface AlternatedWindow {
  pair: number;
  side: string;
  facts: Record<string, unknown>;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  measurement: LoadMeasurement;
  /** CPU of this benchmark's PostgreSQL alone (its postmaster and children) per completed request. */
  ownPostgresCpuMsPerRequest: number;
}

export interface PairRatio {
  pair: number;
  /** Second side ÷ first side. */
  throughput: number;
  p50Latency: number;
  postgresCpuPerRequest: number;
  serverCpuPerRequest: number;
}

export interface AlternatedResult {
  windows: AlternatedWindow[];
  pairRatios: PairRatio[];
  summary: {
    medianThroughputRatio: number;
    medianP50LatencyRatio: number;
    medianPostgresCpuRatio: number;
    medianServerCpuRatio: number;
    /** Pairs in which the second side completed more requests per second. */
    pairsWhereSecondWasFaster: number;
  };
}

const round = (value: number, digits: number = 3) => Number(value.toFixed(digits));
const loadAverageNow = () => os.loadavg().map((value) => round(value, 2));

/** VACUUM ANALYZE and a CHECKPOINT, so that no window pays for the writes of the one before. */
async function settle(dataSource: DataSource): Promise<void> {
  await dataSource.query('VACUUM (ANALYZE)');
  // CHECKPOINT needs superuser or pg_checkpoint, which a BENCH_DATABASE_URL role may not have.
  await dataSource.query('CHECKPOINT').catch(() => undefined);
}

async function benchPostmaster(dataSource: DataSource): Promise<number | null> {
  const rows: Array<{ pid: number }> = await dataSource.query('SELECT pg_backend_pid() AS pid');
  return postmasterOf(rows[0].pid);
}

async function measureWindow(
  side: AlternatedSide,
  context: { dataSource: DataSource; phase: LoadPhase; postmasterPid: number | null },
): Promise<Omit<AlternatedWindow, 'pair'>> {
  const { dataSource, phase, postmasterPid } = context;
  await side.prepare?.();
  await settle(dataSource);
  const loadAverageBefore = loadAverageNow();
  // The warm-up runs first, on its own, so that the PostgreSQL CPU difference below covers the measured part only.
  await measureLoad(side.server, side.mix, { ...phase, measureSeconds: phase.warmupSeconds, warmupSeconds: 0 });
  const cpuBefore = postgresServerCpuMs(postmasterPid);
  const measurement = await measureLoad(side.server, side.mix, { ...phase, warmupSeconds: 0 });
  const cpuAfter = postgresServerCpuMs(postmasterPid);
  let postgresCpuMs = Number.NaN;
  if (cpuBefore && cpuAfter) {
    postgresCpuMs = 0;
    for (const [pid, milliseconds] of cpuAfter) postgresCpuMs += milliseconds - (cpuBefore.get(pid) ?? 0);
  }
  return {
    side: side.name,
    facts: (await side.describe?.()) ?? {},
    loadAverageBefore,
    loadAverageAfter: loadAverageNow(),
    measurement,
    ownPostgresCpuMsPerRequest: round(postgresCpuMs / Math.max(1, measurement.requests)),
  };
}

function pairRatioOf(pair: number, first: AlternatedWindow, second: AlternatedWindow): PairRatio {
  return {
    pair,
    throughput: round(second.measurement.requestsPerSecond / first.measurement.requestsPerSecond),
    p50Latency: round(second.measurement.latencyMs.p50 / first.measurement.latencyMs.p50),
    postgresCpuPerRequest: round(second.ownPostgresCpuMsPerRequest / first.ownPostgresCpuMsPerRequest),
    serverCpuPerRequest: round(second.measurement.serverCpuMsPerRequest / first.measurement.serverCpuMsPerRequest),
  };
}

/** `pairs` pairs of windows of `sides` in ABBA order; ratios are the second side's over the first's. */
export async function measureAlternated(options: {
  sides: readonly [AlternatedSide, AlternatedSide];
  pairs: number;
  phase: LoadPhase;
  dataSource: DataSource;
  log: (message: string) => void;
}): Promise<AlternatedResult> {
  const { sides, pairs, phase, dataSource, log } = options;
  const postmasterPid = await benchPostmaster(dataSource);
  const windows: AlternatedWindow[] = [];
  for (let pair = 1; pair <= pairs; pair += 1) {
    for (const side of pair % 2 === 1 ? sides : [sides[1], sides[0]]) {
      const window = { pair, ...(await measureWindow(side, { dataSource, phase, postmasterPid })) };
      windows.push(window);
      const { measurement } = window;
      log(
        `pair ${pair} ${side.name}: ${measurement.requestsPerSecond} req/s, p50 ${measurement.latencyMs.p50} ms, p99 ${measurement.latencyMs.p99} ms, ` +
          `server ${measurement.serverCpuMsPerRequest} ms, this PostgreSQL ${window.ownPostgresCpuMsPerRequest} ms CPU/req, ` +
          `${measurement.sqlStatementsPerRequest.median} statements, load ${window.loadAverageBefore.join(' ')}`,
      );
    }
  }
  const windowOf = (pair: number, side: AlternatedSide) => windows.find((window) => window.pair === pair && window.side === side.name)!;
  const pairRatios = Array.from({ length: pairs }, (_, index) =>
    pairRatioOf(index + 1, windowOf(index + 1, sides[0]), windowOf(index + 1, sides[1])),
  );
  const medianOf = (key: keyof Omit<PairRatio, 'pair'>) => round(median(pairRatios.map((ratio) => ratio[key])));
  return {
    windows,
    pairRatios,
    summary: {
      medianThroughputRatio: medianOf('throughput'),
      medianP50LatencyRatio: medianOf('p50Latency'),
      medianPostgresCpuRatio: medianOf('postgresCpuPerRequest'),
      medianServerCpuRatio: medianOf('serverCpuPerRequest'),
      pairsWhereSecondWasFaster: pairRatios.filter((ratio) => ratio.throughput > 1).length,
    },
  };
}

/**
 * What an alternated S3 run sets up once (bench:write-indexes, bench:baseline): the data, generated into
 * `database`, the token secret its servers are started with, and for each server its own openTicket mix (the
 * same callers and texts from the same seed), checked once against that server.
 */
export async function prepareOpenTicketRun(
  database: BenchDatabase,
  options: { tickets: number; phase: LoadPhase; log: (message: string) => void },
): Promise<{ authSecret: string; mixFor: (server: ServerHandle) => Promise<RequestMix> }> {
  const { tickets, phase, log } = options;
  const seed = 20251123;
  const dataNow = new Date();
  await generateData(database.dataSource, { tickets, seed, now: dataNow, log });
  const authSecret = randomBytes(32).toString('hex');
  const settings = {
    quick: false,
    warmupSeconds: phase.warmupSeconds,
    measureSeconds: phase.measureSeconds,
    repetitions: 1,
    seed,
    sweepOpenTickets: 0,
  };
  const mixFor = async (server: ServerHandle) =>
    (await openTicketMix({ dataSource: database.dataSource, databaseUrl: database.url, server, authSecret, settings, dataNow, log })).mix;
  return { authSecret, mixFor };
}
