import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createDatabaseIfMissing, dropDatabase, withDatabase } from '../src/db/database';
import { freePort } from '../src/db/free-port';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { migrateJobQueue } from '../src/db/job-queue-schema';

export interface BenchDatabase {
  /** Connection URL of the fresh, migrated benchmark database. */
  url: string;
  /** `embedded PostgreSQL (temporary folder)` or `BENCH_DATABASE_URL`. */
  origin: string;
  postgresVersion: string;
  /** True when PostgreSQL runs on this machine (its CPU time can be read from /proc). */
  isLocal: boolean;
  /** What the benchmark set beyond PostgreSQL's defaults. */
  settings: Readonly<Record<string, string>>;
  dataSource: DataSource;
  close(): Promise<void>;
}

const SILENT = pino({ level: 'silent' });

/**
 * The embedded server is sized like a production PostgreSQL for this machine's 24 GiB rather than with the
 * development defaults (128 MB of shared buffers, a checkpoint at 1 GB of WAL): with 1,000,000 open tickets the
 * tables and indexes the SLA sweep writes do not fit in 128 MB, and a checkpoint in the middle of a wave doubles
 * its WAL (full-page images). Durability is untouched: fsync and synchronous_commit stay on.
 */
export const BENCH_POSTGRES_SETTINGS: Readonly<Record<string, string>> = Object.freeze({
  shared_buffers: '2GB',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
});

/**
 * A fresh database migrated with the project's migrations and graphile-worker's schema (event appends enqueue
 * webhook jobs): embedded PostgreSQL in a temporary folder under the OS temp dir by default (removed on close),
 * or a new database on the server of BENCH_DATABASE_URL (dropped on close). PostgreSQL keeps its durable
 * defaults (fsync, synchronous_commit): commits cost what they cost in production.
 */
export async function openBenchDatabase(options: { keep: boolean; log: (message: string) => void }): Promise<BenchDatabase> {
  const external = process.env.BENCH_DATABASE_URL;
  const name = `ticketing_bench_${randomBytes(4).toString('hex')}`;
  let serverUrl: string;
  let stopServer: () => Promise<void> = async () => undefined;
  let origin: string;
  if (external) {
    serverUrl = external;
    origin = 'BENCH_DATABASE_URL';
  } else {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'ticketing-bench-'));
    const port = await freePort();
    options.log(`starting embedded PostgreSQL in ${folder} on 127.0.0.1:${port}`);
    const embedded = await startEmbeddedPostgres({ dataDirectory: folder, port, settings: BENCH_POSTGRES_SETTINGS });
    serverUrl = embedded.serverUrl;
    origin = 'embedded PostgreSQL (temporary folder)';
    stopServer = async () => {
      await embedded.stop();
      if (!options.keep) await rm(folder, { recursive: true, force: true });
    };
  }
  const url = withDatabase(serverUrl, name);
  try {
    await createDatabaseIfMissing(serverUrl, name);
    const dataSource = createDataSource({ url, poolSize: 4, log: SILENT });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await migrateJobQueue(url, SILENT);
    const [{ server_version: postgresVersion }] = await dataSource.query<Array<{ server_version: string }>>('SHOW server_version');
    const host = new URL(serverUrl).hostname;
    return {
      url,
      origin,
      postgresVersion,
      isLocal: ['127.0.0.1', 'localhost', '::1'].includes(host),
      settings: external ? {} : BENCH_POSTGRES_SETTINGS,
      dataSource,
      close: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        if (external && !options.keep) await dropDatabase(serverUrl, name);
        await stopServer();
      },
    };
  } catch (error) {
    await stopServer();
    throw error;
  }
}
