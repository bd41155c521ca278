import autocannon from 'autocannon';
import { postgresCpuBetween, postgresCpuSnapshot } from './machine';
import { ServerHandle } from './server-handle';

/** One kind of request: builds a body (and headers) per request; the same for warm-up and measurement. */
export interface RequestMix {
  /** Returns the JSON body and the bearer token of the next request. */
  next(): { body: string; token: string };
}

export interface LoadPhase {
  connections: number;
  /** Fixed overall rate (requests/s); absent: as fast as the connections go. */
  overallRate?: number;
  warmupSeconds: number;
  measureSeconds: number;
}

export interface LoadMeasurement {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; average: number };
  requests: number;
  /** Transport errors, timeouts, non-2xx answers and GraphQL `errors` in a 200 answer. */
  failures: { errors: number; timeouts: number; non2xx: number; graphqlErrors: number; firstGraphqlError: string | null };
  /** From the x-sql-statement-count header of every response. */
  sqlStatementsPerRequest: { median: number; min: number; max: number; samples: number };
  /** process.cpuUsage() delta of the server process per completed request. */
  serverCpuMsPerRequest: number;
  /** CPU of every PostgreSQL process per completed request (null when PostgreSQL is not local). */
  postgresCpuMsPerRequest: number | null;
  serverRssMiB: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

function round(value: number, digits: number = 2): number {
  return Number(value.toFixed(digits));
}

function runAutocannon(
  url: string,
  mix: RequestMix,
  phase: LoadPhase,
  seconds: number,
  onResponse?: (status: number, body: string, headers: Record<string, string>) => void,
) {
  return autocannon({
    url,
    connections: phase.connections,
    duration: seconds,
    overallRate: phase.overallRate,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { body, token } = mix.next();
          return { ...request, method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } };
        },
        onResponse: onResponse ? (status, body, _context, headers) => onResponse(status, body, headers) : undefined,
      },
    ],
  });
}

/** Warm-up (not recorded), then one measured run with server CPU, PostgreSQL CPU and RSS around it. */
export async function measureLoad(server: ServerHandle, mix: RequestMix, phase: LoadPhase): Promise<LoadMeasurement> {
  if (phase.warmupSeconds > 0) await runAutocannon(server.graphqlUrl, mix, phase, phase.warmupSeconds);
  const statementCounts: number[] = [];
  let graphqlErrors = 0;
  let firstGraphqlError: string | null = null;
  const before = await server.stats();
  const postgresBefore = postgresCpuSnapshot();
  const result = await runAutocannon(server.graphqlUrl, mix, phase, phase.measureSeconds, (status, body, headers) => {
    const count = Number(headers['x-sql-statement-count']);
    if (Number.isFinite(count)) statementCounts.push(count);
    // A GraphQL error arrives with status 200; the data fields never contain the text `"errors":[`.
    if (body.includes('"errors":[')) {
      graphqlErrors += 1;
      firstGraphqlError ??= body.slice(0, 300);
    }
    if (status !== 200 && firstGraphqlError === null) firstGraphqlError = `HTTP ${status}: ${body.slice(0, 300)}`;
  });
  const postgresUsed = postgresCpuBetween(postgresBefore, postgresCpuSnapshot());
  const after = await server.stats();
  const completed = result.requests.total;
  return {
    requestsPerSecond: round(completed / result.duration, 1),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      average: round(result.latency.average),
    },
    requests: completed,
    failures: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphqlErrors, firstGraphqlError },
    sqlStatementsPerRequest: {
      median: median(statementCounts),
      // A loop, not Math.min(...): tens of thousands of arguments overflow the stack.
      min: statementCounts.reduce((smallest, count) => Math.min(smallest, count), Number.POSITIVE_INFINITY),
      max: statementCounts.reduce((largest, count) => Math.max(largest, count), Number.NEGATIVE_INFINITY),
      samples: statementCounts.length,
    },
    serverCpuMsPerRequest: round((after.cpuMicroseconds - before.cpuMicroseconds) / 1000 / Math.max(1, completed), 3),
    postgresCpuMsPerRequest: postgresUsed === null ? null : round(postgresUsed / Math.max(1, completed), 3),
    serverRssMiB: round(after.rssBytes / 1024 ** 2, 1),
  };
}

/** Median of each number across repetitions (latencies, rates, costs); failures are summed. */
export function medianOf(runs: readonly LoadMeasurement[]): LoadMeasurement & { repetitions: number } {
  const pick = (read: (run: LoadMeasurement) => number) => median(runs.map(read));
  const postgres = runs.map((run) => run.postgresCpuMsPerRequest).filter((value): value is number => value !== null);
  return {
    repetitions: runs.length,
    requestsPerSecond: pick((run) => run.requestsPerSecond),
    latencyMs: {
      p50: pick((run) => run.latencyMs.p50),
      p90: pick((run) => run.latencyMs.p90),
      p99: pick((run) => run.latencyMs.p99),
      max: pick((run) => run.latencyMs.max),
      average: pick((run) => run.latencyMs.average),
    },
    requests: pick((run) => run.requests),
    failures: {
      errors: runs.reduce((sum, run) => sum + run.failures.errors, 0),
      timeouts: runs.reduce((sum, run) => sum + run.failures.timeouts, 0),
      non2xx: runs.reduce((sum, run) => sum + run.failures.non2xx, 0),
      graphqlErrors: runs.reduce((sum, run) => sum + run.failures.graphqlErrors, 0),
      firstGraphqlError: runs.find((run) => run.failures.firstGraphqlError !== null)?.failures.firstGraphqlError ?? null,
    },
    sqlStatementsPerRequest: {
      median: pick((run) => run.sqlStatementsPerRequest.median),
      min: Math.min(...runs.map((run) => run.sqlStatementsPerRequest.min)),
      max: Math.max(...runs.map((run) => run.sqlStatementsPerRequest.max)),
      samples: runs.reduce((sum, run) => sum + run.sqlStatementsPerRequest.samples, 0),
    },
    serverCpuMsPerRequest: pick((run) => run.serverCpuMsPerRequest),
    postgresCpuMsPerRequest: postgres.length ? median(postgres) : null,
    serverRssMiB: Math.max(...runs.map((run) => run.serverRssMiB)),
  };
}

/** Repeats warm-up + measurement and reports the per-run numbers and their median. */
export async function measureRepeated(
  server: ServerHandle,
  mix: RequestMix,
  phase: LoadPhase,
  repetitions: number,
  log: (message: string) => void,
  label: string,
) {
  const runs: LoadMeasurement[] = [];
  for (let repetition = 1; repetition <= repetitions; repetition += 1) {
    const run = await measureLoad(server, mix, phase);
    log(
      `  ${label} #${repetition}: ${run.requestsPerSecond} req/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, ` +
        `${run.sqlStatementsPerRequest.median} statements, server ${run.serverCpuMsPerRequest} ms CPU/req, ` +
        `failures ${run.failures.errors + run.failures.timeouts + run.failures.non2xx + run.failures.graphqlErrors}`,
    );
    runs.push(run);
  }
  return { phase, median: medianOf(runs), runs };
}
