import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { median, percentile } from '../load';

// One measured window of one server: autocannon at N connections, latency per request from hrtime (autocannon's
// own histogram has a resolution of 1 ms, too coarse for S2), the server's CPU and its PostgreSQL's CPU from /proc.

/** A request of one server: body and headers (its own document, its own token). */
export type PeerRequest = () => { body: string; headers: Record<string, string> };

export interface PeerWindow {
  server: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  failures: number;
  firstFailure: string | null;
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number | null;
  bodyBytes: number;
  /** 1-minute load average at the end of the window: the other users of the machine show here. */
  loadAverage1m: number;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ): 100 on every mainstream Linux. */
const MS_PER_TICK = 10;

function statOf(pid: number): { parent: number; cpuMs: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK };
  } catch {
    return null;
  }
}

export const processCpuMs = (pid: number): number => statOf(pid)?.cpuMs ?? Number.NaN;
export const loadAverage = (): string => readFileSync('/proc/loadavg', 'utf8').trim();

/**
 * CPU of one PostgreSQL server (its postmaster and the postmaster's children: backends, WAL writer, checkpointer,
 * autovacuum), not of every `postgres` process of the machine: other users' servers run here too.
 */
export function postgresServerCpuMs(postmasterPid: number | null): Map<number, number> | null {
  if (postmasterPid === null) return null;
  const snapshot = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    if (stat && (Number(entry) === postmasterPid || stat.parent === postmasterPid)) snapshot.set(Number(entry), stat.cpuMs);
  }
  return snapshot;
}

/** The postmaster of a backend (null when the backend is not on this machine). */
export const postmasterOf = (backendPid: number): number | null => statOf(backendPid)?.parent ?? null;

function cpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (before === null || after === null) return null;
  let total = 0;
  for (const [pid, milliseconds] of after) total += milliseconds - (before.get(pid) ?? 0);
  return total;
}

interface LoadResult {
  result: autocannon.Result;
  latencies: number[];
  failures: number;
  firstFailure: string | null;
  bodyBytes: number;
}

/** Load without measurement (warm-up) or with: every response checked for HTTP and GraphQL errors. */
export async function runPeerLoad(url: string, connections: number, seconds: number, next: PeerRequest): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  let bodyBytes = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const { body, headers } = next();
          context.sentAt = process.hrtime.bigint();
          return { ...request, method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } };
        },
        onResponse: (status, body, context) => {
          if (typeof context.sentAt === 'bigint') latencies.push(Number(process.hrtime.bigint() - context.sentAt) / 1e6);
          bodyBytes += Buffer.byteLength(body);
          // A GraphQL error arrives with status 200; the data of S1 and S2 never contain the text `"errors":[`.
          if (status !== 200 || body.includes('"errors":[')) {
            failures += 1;
            firstFailure ??= `${status} ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  return { result, latencies, failures, firstFailure, bodyBytes: latencies.length ? bodyBytes / latencies.length : Number.NaN };
}

const round = (value: number, digits: number = 2): number => Number(value.toFixed(digits));

/** A measured window: load, then CPU of the server process and of PostgreSQL per completed request. */
export async function measurePeerWindow(
  server: { name: string; pid: number; graphqlUrl: string },
  postmasterPid: number | null,
  connections: number,
  seconds: number,
  next: PeerRequest,
): Promise<PeerWindow> {
  // Requests still in flight from the warm-up finish before the counters are read.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const postgresBefore = postgresServerCpuMs(postmasterPid);
  const cpuBefore = processCpuMs(server.pid);
  const load = await runPeerLoad(server.graphqlUrl, connections, seconds, next);
  const cpuAfter = processCpuMs(server.pid);
  const postgresUsed = cpuBetween(postgresBefore, postgresServerCpuMs(postmasterPid));
  const requests = load.result.requests.total;
  const per = (value: number) => round(value / Math.max(1, requests), 3);
  return {
    server: server.name,
    requests,
    requestsPerSecond: round(requests / load.result.duration, 1),
    latencyMs: { p50: round(percentile(load.latencies, 0.5), 3), p99: round(percentile(load.latencies, 0.99), 3) },
    failures: load.result.errors + load.result.timeouts + load.result.non2xx + load.failures,
    firstFailure: load.firstFailure,
    serverCpuMsPerRequest: per(cpuAfter - cpuBefore),
    postgresCpuMsPerRequest: postgresUsed === null ? null : per(postgresUsed),
    bodyBytes: Math.round(load.bodyBytes),
    loadAverage1m: Number(loadAverage().split(' ')[0]),
  };
}

/** Medians of a server's windows over the rounds. */
export function summariseWindows(windows: readonly PeerWindow[]) {
  const pick = (read: (window: PeerWindow) => number | null) =>
    round(median(windows.map(read).filter((value): value is number => value !== null)), 3);
  return {
    requestsPerSecond: pick((w) => w.requestsPerSecond),
    latencyMs: { p50: pick((w) => w.latencyMs.p50), p99: pick((w) => w.latencyMs.p99) },
    serverCpuMsPerRequest: pick((w) => w.serverCpuMsPerRequest),
    postgresCpuMsPerRequest: pick((w) => w.postgresCpuMsPerRequest),
    bodyBytes: pick((w) => w.bodyBytes),
    failures: windows.reduce((sum, w) => sum + w.failures, 0),
    loadAverage1m: pick((w) => w.loadAverage1m),
  };
}
