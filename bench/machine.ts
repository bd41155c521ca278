import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineDescription {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  postgres: string;
  database: string;
  /** Settings the benchmark gave the server beyond PostgreSQL's defaults (none for BENCH_DATABASE_URL). */
  postgresSettings: Readonly<Record<string, string>>;
}

export function describeMachine(
  postgresVersion: string,
  databaseOrigin: string,
  postgresSettings: Readonly<Record<string, string>>,
): MachineDescription {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'));
    if (line) cpuModel = line.split(':')[1].trim();
  } catch {
    // Not Linux: os.cpus() it is.
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel,
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgresVersion,
    database: databaseOrigin,
    postgresSettings,
  };
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ): 100 on every mainstream Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** The embedded server's data folders are made with this prefix (bench-database.ts). */
const EMBEDDED_DATA_FOLDER_PREFIX = 'ticketing-bench-';

interface ProcessStat {
  parentPid: number;
  cpuMs: number;
}

function processStat(pid: string): { command: string; stat: ProcessStat } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  // After the command come state (field 3), ppid (4) … utime and stime (fields 14 and 15, 1-based).
  const fields = stat.slice(close + 2).split(' ');
  return {
    command: stat.slice(open + 1, close),
    stat: { parentPid: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND },
  };
}

function isEmbeddedPostmaster(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(EMBEDDED_DATA_FOLDER_PREFIX);
  } catch {
    return false;
  }
}

/**
 * CPU milliseconds used so far by each PostgreSQL process, by pid, from /proc; null without /proc. When the
 * benchmark's embedded server runs, only its postmaster and that postmaster's children count: on a machine shared
 * with other PostgreSQL servers (a test suite's), their work is not the benchmark's. Otherwise every `postgres`
 * process of the machine counts (BENCH_DATABASE_URL on this machine).
 */
export function postgresCpuSnapshot(): Map<number, number> | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const postgres = new Map<number, ProcessStat>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const found = processStat(entry);
    if (found?.command === 'postgres') postgres.set(Number(entry), found.stat);
  }
  const embedded = new Set([...postgres.keys()].filter(isEmbeddedPostmaster));
  const snapshot = new Map<number, number>();
  for (const [pid, stat] of postgres) {
    if (embedded.size === 0 || embedded.has(pid) || embedded.has(stat.parentPid)) snapshot.set(pid, stat.cpuMs);
  }
  return snapshot;
}

/**
 * CPU milliseconds PostgreSQL used between two snapshots: processes alive at both count their difference, new
 * ones all they used; processes that exited in between (an autovacuum worker) are missed, so this slightly
 * underestimates. The backends of the server's pool live through a measurement.
 */
export function postgresCpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (before === null || after === null) return null;
  let total = 0;
  for (const [pid, milliseconds] of after) total += milliseconds - (before.get(pid) ?? 0);
  return total;
}
