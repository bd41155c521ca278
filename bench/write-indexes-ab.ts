import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { WritePathIndexes1765940000000 } from '../migrations/1765940000000-write-path-indexes';
import { openBenchDatabase } from './bench-database';
import { AlternatedSide, measureAlternated, prepareOpenTicketRun } from './alternated-windows';
import { describeMachine } from './machine';
import { S3_THROUGHPUT_CONNECTIONS } from './scenarios/open-ticket.scenario';
import { startServerProcess } from './server-handle';

// `npm run bench:write-indexes [-- --pairs 6] [-- --tickets 100000] [-- --measure 15]`: S3 (openTicket at its
// maximum rate, 10 connections) with the indexes before and after migration 1765940000000, alternated window by
// window on one database, one server and the same data (ABBA order, so that a drift of the machine within a pair
// does not favour one side). The machine is shared: only the ratios within this run mean something, and the load
// average is recorded with every window.

type IndexState = 'before' | 'after';

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
    const { authSecret, mixFor } = await prepareOpenTicketRun(database, { tickets, phase, log });
    server = await startServerProcess({ databaseUrl: database.url, authSecret });
    const mix = await mixFor(server);
    // The indexes' state is the database's (migrated: after): both sides share one server, and a window first
    // migrates up or down when the state before it was the other one.
    let current: IndexState = 'after';
    const side = (state: IndexState): AlternatedSide => ({
      name: state,
      server: server!,
      mix,
      prepare: async () => {
        if (state !== current) await setState(database.dataSource, state);
        current = state;
      },
      describe: async () => ({ ticketIndexes: await ticketIndexCount(database.dataSource) }),
    });
    const { windows, pairRatios, summary } = await measureAlternated({
      sides: [side('before'), side('after')],
      pairs,
      phase,
      dataSource: database.dataSource,
      log,
    });
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
