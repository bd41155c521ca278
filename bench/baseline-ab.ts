import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlternatedSide, measureAlternated, prepareOpenTicketRun } from './alternated-windows';
import { openBenchDatabase } from './bench-database';
import { describeMachine } from './machine';
import { S3_THROUGHPUT_CONNECTIONS } from './scenarios/open-ticket.scenario';
import { ServerHandle, startServerProcess } from './server-handle';

// `npm run bench:baseline -- --ref <commit> [--pairs 6] [--tickets 100000] [--warmup 5] [--measure 15]`: S3
// (openTicket at its maximum rate, 10 connections) of this checkout against the code of <commit> (e.g. main, HEAD~1),
// both served on ONE database with the same data, alternated window by window (ABBA). The baseline is built from
// `git archive <commit>` in a temporary folder with this checkout's node_modules (so the two must lock the same
// runtime packages; development-only ones may differ) and must have the same migrations (the database is one). Ratios are this checkout's over the
// baseline's; results go to bench/results/<time>-baseline-ab.json.

const ROOT = path.resolve(__dirname, '..', '..');

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

function log(message: string): void {
  process.stdout.write(`[baseline-ab ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();

/** Refuses a baseline that cannot share this checkout's database or dependencies. */
function checkComparable(commit: string): void {
  const theirs = git('ls-tree', '--name-only', `${commit}:migrations`).split('\n').sort();
  const ours = readdirSync(path.join(ROOT, 'migrations')).sort();
  if (theirs.join('\n') !== ours.join('\n'))
    throw new Error(`${commit} has other migrations than this checkout: the two cannot be measured on one database`);
  if (
    JSON.stringify(runtimePackages(git('show', `${commit}:package-lock.json`))) !==
    JSON.stringify(runtimePackages(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')))
  )
    throw new Error(`${commit} locks other runtime packages than this checkout: its build would need its own node_modules`);
}

/** The packages a server runs with, by path and version (development-only packages left out: they do not run). */
function runtimePackages(lockFile: string): Record<string, string> {
  const lock = JSON.parse(lockFile) as {
    packages: Record<string, { version?: string; dev?: boolean; dependencies?: Record<string, string> }>;
  };
  const runtime: Record<string, string> = { '': JSON.stringify(lock.packages['']?.dependencies ?? {}) };
  for (const [location, entry] of Object.entries(lock.packages)) if (location !== '' && !entry.dev) runtime[location] = entry.version ?? '';
  return runtime;
}

/** Builds `commit` into a temporary folder; returns the folder and its server script. */
function buildBaseline(commit: string): { folder: string; serverScript: string } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ticketing-baseline-'));
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${folder}"`], { cwd: ROOT, stdio: 'inherit' });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(folder, 'tsconfig.build.json')],
    {
      stdio: 'inherit',
    },
  );
  return { folder, serverScript: path.join(folder, 'dist', 'bench', 'server-process.js') };
}

async function main(): Promise<void> {
  const ref = argument('ref', 'main');
  const commit = git('rev-parse', '--short', `${ref}^{commit}`);
  const pairs = Number(argument('pairs', '6'));
  const tickets = Number(argument('tickets', '100000'));
  const phase = {
    connections: S3_THROUGHPUT_CONNECTIONS,
    warmupSeconds: Number(argument('warmup', '5')),
    measureSeconds: Number(argument('measure', '15')),
  };
  checkComparable(commit);
  log(`building the baseline ${ref} (${commit})`);
  const baseline = buildBaseline(commit);
  const database = await openBenchDatabase({ keep: false, log });
  const servers: ServerHandle[] = [];
  try {
    const { authSecret, mixFor } = await prepareOpenTicketRun(database, { tickets, phase, log });
    const side = async (name: string, serverScript?: string): Promise<AlternatedSide> => {
      const server = await startServerProcess({ databaseUrl: database.url, authSecret, serverScript });
      servers.push(server);
      return { name, server, mix: await mixFor(server) };
    };
    const sides = [await side(`baseline ${commit}`, baseline.serverScript), await side('this checkout')] as const;
    const { windows, pairRatios, summary } = await measureAlternated({ sides, pairs, phase, dataSource: database.dataSource, log });
    log(
      `this checkout ÷ ${commit}, median of ${pairs} pairs: throughput ${summary.medianThroughputRatio}×, p50 ${summary.medianP50LatencyRatio}×, ` +
        `PostgreSQL CPU per request ${summary.medianPostgresCpuRatio}×, server CPU per request ${summary.medianServerCpuRatio}× ` +
        `(${summary.pairsWhereSecondWasFaster} of ${pairs} pairs faster)`,
    );
    const folder = path.join(ROOT, 'bench', 'results');
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${new Date().toISOString().slice(0, 16).replace(':', '')}-baseline-ab.json`);
    const machine = describeMachine(database.postgresVersion, database.origin, database.settings);
    const measured = {
      baseline: commit,
      checkout: git('rev-parse', '--short', 'HEAD'),
      modified: git('status', '--porcelain', '--untracked-files=no') !== '',
    };
    writeFileSync(
      file,
      `${JSON.stringify({ machine, measured, scenario: 'S3', tickets, phase, pairs, summary, pairRatios, windows }, null, 2)}\n`,
    );
    log(`written: ${path.relative(process.cwd(), file)}`);
  } finally {
    for (const server of servers) await server.stop();
    await database.close();
    rmSync(baseline.folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
