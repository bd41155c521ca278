import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { openBenchDatabase } from './bench-database';
import { DataSetSummary, generateData } from './generate-data';
import { describeMachine } from './machine';
import { evaluateTargets, TargetCheck } from './targets';
import { PEER_SETTINGS, runPeerComparison } from './peer/peer-comparison';
import { runEventFanOut } from './scenarios/event-fan-out.scenario';
import { runOpenTicket } from './scenarios/open-ticket.scenario';
import { BenchSettings, ScenarioContext } from './scenarios/scenario-context';
import { runSellerInbox } from './scenarios/seller-inbox.scenario';
import { runSlaReport } from './scenarios/sla-report.scenario';
import { runSlaSweep } from './scenarios/sla-sweep.scenario';
import { runTakeNextTicket } from './scenarios/take-next-ticket.scenario';
import { runTicketDetail } from './scenarios/ticket-detail.scenario';
import { startServerProcess, ServerHandle } from './server-handle';

// `npm run bench [-- --quick] [-- --scale 1m] [-- --only S1,S4] [-- --seed N] [-- --keep] [-- --profile]`
// `npm run bench -- --peer postgraphile [--pairs N] [--window S] [--no-rls]`: S1 and S2 side by side with
// PostGraphile (bench/peer/); alone unless --only names scenarios too.
// Everything on 127.0.0.1: a fresh database (embedded PostgreSQL in a temporary folder, or BENCH_DATABASE_URL),
// generated data, the server in a child process, autocannon in this one. Results: bench/results/<date>.json.

type ScenarioName = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6' | 'S7';
const ALL_SCENARIOS: ScenarioName[] = ['S1', 'S2', 'S3', 'S5', 'S6', 'S7', 'S4'];

interface Arguments {
  quick: boolean;
  tickets: number | null;
  only: ScenarioName[];
  seed: number;
  keep: boolean;
  profile: boolean;
  peer: PeerArguments | null;
}

interface PeerArguments {
  pairs: number | null;
  windowSeconds: number | null;
  rowLevelSecurity: boolean;
}

function peerNamed(name: string, peer: PeerArguments): PeerArguments {
  if (name !== 'postgraphile') throw new Error(`--peer ${name}: the only peer is postgraphile`);
  return peer;
}

/** The side-by-side comparison's own options; false when `argument` is none of them. */
function parsePeerOption(argument: string, value: () => string, peer: PeerArguments): boolean {
  switch (argument) {
    case '--pairs':
      peer.pairs = Number(value());
      return true;
    case '--window':
      peer.windowSeconds = Number(value());
      return true;
    case '--no-rls':
      peer.rowLevelSecurity = false;
      return true;
    default:
      return false;
  }
}

function parseArguments(argv: string[]): Arguments {
  const parsed: Arguments = { quick: false, tickets: null, only: ALL_SCENARIOS, seed: 20251123, keep: false, profile: false, peer: null };
  let onlyGiven = false;
  const peer: PeerArguments = { pairs: null, windowSeconds: null, rowLevelSecurity: true };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const value = () => {
      const next = argv[(index += 1)];
      if (next === undefined) throw new Error(`${argument} needs a value`);
      return next;
    };
    switch (argument) {
      case '--quick':
        parsed.quick = true;
        break;
      case '--scale': {
        const scale = value().toLowerCase();
        const match = /^(\d+(?:\.\d+)?)(k|m)?$/.exec(scale);
        if (!match) throw new Error(`--scale ${scale}: expected e.g. 100k or 1m`);
        parsed.tickets = Math.round(Number(match[1]) * (match[2] === 'm' ? 1_000_000 : match[2] === 'k' ? 1_000 : 1));
        break;
      }
      case '--only':
        onlyGiven = true;
        parsed.only = value()
          .split(',')
          .map((name) => name.trim().toUpperCase())
          .filter((name): name is ScenarioName => (ALL_SCENARIOS as string[]).includes(name));
        break;
      case '--seed':
        parsed.seed = Number(value());
        break;
      case '--keep':
        parsed.keep = true;
        break;
      case '--profile':
        parsed.profile = true;
        break;
      case '--peer':
        parsed.peer = peerNamed(value(), peer);
        break;
      default:
        if (!parsePeerOption(argument, value, peer)) throw new Error(`unknown argument ${argument}`);
    }
  }
  // The side-by-side comparison alone unless scenarios were asked for too.
  if (parsed.peer && !onlyGiven) parsed.only = [];
  return parsed;
}

/**
 * Each scenario starts on a settled database, not in the wake of the one before: S3 leaves tens of thousands of
 * new rows whose autovacuum and checkpoint writes would otherwise land in S5's window (S5's p99 is its slowest
 * commit or two). VACUUM skips the pages that are already all-visible, so this costs seconds.
 */
async function settleDatabase(dataSource: DataSource): Promise<void> {
  const started = performance.now();
  await dataSource.query('VACUUM (ANALYZE)');
  // CHECKPOINT needs superuser or pg_checkpoint, which a BENCH_DATABASE_URL role may not have.
  await dataSource
    .query('CHECKPOINT')
    .catch((error: unknown) => log(`CHECKPOINT skipped: ${error instanceof Error ? error.message : String(error)}`));
  log(`database settled (VACUUM ANALYZE, CHECKPOINT) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The commit measured, and whether the work tree differed from it (null outside a git checkout). */
function describeCode(): { commit: string; modified: boolean } | null {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', '--short', 'HEAD'), modified: git('status', '--porcelain', '--untracked-files=no').length > 0 };
  } catch {
    return null;
  }
}

/** A run that has not finished after this long stops itself (cleaning up what it can). */
const WATCHDOG_MINUTES = { quick: 10, full: 120 };

function log(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

// eslint-disable-next-line complexity -- #18: split pending
async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  process.env.LOG_LEVEL = 'silent';
  const settings: BenchSettings = args.quick
    ? { quick: true, warmupSeconds: 2, measureSeconds: 5, repetitions: 1, seed: args.seed, sweepOpenTickets: 100_000 }
    : { quick: false, warmupSeconds: 10, measureSeconds: 30, repetitions: 3, seed: args.seed, sweepOpenTickets: 1_000_000 };
  const tickets = args.tickets ?? (args.quick ? 20_000 : 100_000);
  const startedAt = new Date();
  // Read when the run starts: the work tree may move on while it runs (a merge), the code measured does not.
  const code = describeCode();
  const resultsDirectory = path.resolve(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(resultsDirectory, { recursive: true });

  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    while (cleanups.length > 0) await cleanups.pop()!().catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
  };
  const watchdog = setTimeout(
    () => {
      log(`watchdog: still running after ${WATCHDOG_MINUTES[args.quick ? 'quick' : 'full']} minutes; stopping`);
      void cleanUp().finally(() => process.exit(2));
    },
    WATCHDOG_MINUTES[args.quick ? 'quick' : 'full'] * 60_000,
  );
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    log(
      `mode ${args.quick ? 'quick' : 'full'}: ${tickets} tickets, warm-up ${settings.warmupSeconds} s, measure ${settings.measureSeconds} s × ${settings.repetitions}; scenarios ${args.only.join(', ')}`,
    );
    const database = await openBenchDatabase({ keep: args.keep, log });
    cleanups.push(() => database.close());
    const machine = describeMachine(database.postgresVersion, database.origin, database.settings);
    log(
      `machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}`,
    );

    const dataNow = new Date();
    const generationStarted = performance.now();
    const dataSet: DataSetSummary = await generateData(database.dataSource, { tickets, seed: args.seed, now: dataNow, log });
    const generationSeconds = Number(((performance.now() - generationStarted) / 1000).toFixed(1));
    log(
      `data: ${dataSet.tickets} tickets (${dataSet.openTickets} open), ${dataSet.messages} messages, ${dataSet.ticketEvents} events, ${dataSet.slaClocks} clocks in ${generationSeconds} s`,
    );

    const authSecret = randomBytes(32).toString('hex');
    const profileDirectory = args.profile ? resultsDirectory : undefined;
    let server: ServerHandle | null = await startServerProcess({
      databaseUrl: database.url,
      authSecret,
      cpuProfileDirectory: profileDirectory,
    });
    const stopServer = async () => {
      const running = server;
      server = null;
      await running?.stop();
    };
    cleanups.push(stopServer);
    const context = (): ScenarioContext => ({
      dataSource: database.dataSource,
      databaseUrl: database.url,
      server: server!,
      authSecret,
      settings,
      dataNow,
      log,
    });

    const scenarios: Record<string, unknown> = {};
    const results: Partial<Record<ScenarioName, unknown>> = {};
    const run = async (name: ScenarioName, work: () => Promise<unknown>) => {
      if (!args.only.includes(name)) return;
      await settleDatabase(database.dataSource);
      const started = performance.now();
      try {
        results[name] = await work();
        scenarios[name] = results[name];
      } catch (error) {
        log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        scenarios[name] = { failed: error instanceof Error ? error.message : String(error) };
      }
      log(`${name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    await run('S1', () => runSellerInbox(context()));
    await run('S2', () => runTicketDetail(context()));
    await run('S3', () => runOpenTicket(context()));
    await run('S5', () => runEventFanOut(context()));
    // After the others: it adds a large seller's year of tickets that S1's sellers and S3's customers should not see.
    await run('S6', () => runSlaReport(context()));
    // After S1–S3: its pool of waiting platform tickets is not theirs to read.
    await run('S7', () => runTakeNextTicket(context()));
    if (args.peer) {
      const peer = args.peer;
      const base = PEER_SETTINGS[args.quick ? 'quick' : 'full'];
      const peerSettings = {
        ...base,
        pairs: peer.pairs ?? base.pairs,
        windowSeconds: peer.windowSeconds ?? base.windowSeconds,
        rowLevelSecurity: peer.rowLevelSecurity,
      };
      await settleDatabase(database.dataSource);
      scenarios.peer = await runPeerComparison(context(), peerSettings, args.keep).catch((error: unknown) => {
        log(`peer comparison failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { failed: error instanceof Error ? error.message : String(error) };
      });
    }
    // The sweep runs without the API server (its CPU left to the sweepers), on the data the others left.
    await stopServer();
    await run('S4', () => runSlaSweep(context()));

    const targets: TargetCheck[] = evaluateTargets(scenarios);
    const finishedAt = new Date();
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      totalSeconds: Number(((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(1)),
      mode: args.quick ? 'quick' : 'full',
      code,
      settings: { ...settings, tickets },
      machine,
      dataSet: { ...dataSet, generationSeconds },
      targets,
      scenarios,
    };
    const file = path.join(
      resultsDirectory,
      `${startedAt.toISOString().slice(0, 10)}${args.quick ? '-quick' : ''}${args.tickets && args.tickets !== 100_000 ? `-${tickets}` : ''}${args.only.length < ALL_SCENARIOS.length && args.only.length > 0 ? `-only-${args.only.join('-')}` : ''}${args.peer ? '-peer' : ''}.json`,
    );
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`results: ${path.relative(process.cwd(), file)} (${report.totalSeconds} s)`);
    for (const target of targets)
      log(`  ${target.met === null ? 'n/a ' : target.met ? 'MET ' : 'MISS'} ${target.scenario} ${target.target}: ${target.measured}`);
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
