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

export function describeMachine(postgresVersion: string, databaseOrigin: string, postgresSettings: Readonly<Record<string, string>>): MachineDescription {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((entry) => entry.startsWith('model name'));
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

/** CPU milliseconds used so far by each PostgreSQL process of this machine, by pid, from /proc; null without /proc. */
export function postgresCpuSnapshot(): Map<number, number> | null {
  const snapshot = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (stat.slice(open + 1, close) !== 'postgres') continue;
    // After the command come state (field 3) … utime and stime (fields 14 and 15, 1-based).
    const fields = stat.slice(close + 2).split(' ');
    snapshot.set(Number(entry), ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND);
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
